import { randomUUID } from 'node:crypto';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineQueues, type PipelineQueues, stageJobId } from '../../workflows/pipeline-queues.ts';
import { uniqueRunName } from '../support/test-db.ts';
import { deleteQueueKeys, TEST_REDIS_URL } from '../support/test-server.ts';

describe('pipeline queues', () => {
  const prefix = uniqueRunName('pwq');
  let pipeline: PipelineQueues;
  let worker: Worker<{ documentId: string }>;
  /** What the worker does with each document, per run; a test sets it before it enqueues. */
  const behaviour = new Map<string, (job: Job) => void>();
  const runs = new Map<string, number>();

  beforeAll(() => {
    pipeline = createPipelineQueues(
      { redisUrl: TEST_REDIS_URL, prefix },
      { backoff: { type: 'fixed', delay: 10 } },
    );
    worker = new Worker<{ documentId: string }>(
      'export',
      async (job) => {
        runs.set(job.data.documentId, (runs.get(job.data.documentId) ?? 0) + 1);
        behaviour.get(job.data.documentId)?.(job);
      },
      { connection: { url: TEST_REDIS_URL }, prefix },
    );
  });
  afterAll(async () => {
    await worker?.close();
    await pipeline?.close();
    await deleteQueueKeys(prefix);
  });

  async function waitForState(documentId: string, state: 'completed' | 'failed') {
    for (;;) {
      const job = await pipeline.queues.export.getJob(stageJobId('export', documentId));
      if ((await job?.getState()) === state) return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('counts the jobs of every stage by state', async () => {
    const id = randomUUID();
    // Nothing works the parse queue here, so the job waits there.
    await pipeline.enqueue('parse', id);
    const stats = await pipeline.stats();
    expect(Object.keys(stats).sort()).toEqual(['batch', 'export', 'extract', 'parse', 'resolve']);
    expect(stats.parse).toMatchObject({ waiting: 1, active: 0, failed: 0 });
    expect(stats.extract).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 });
  });

  it('keeps one job for a document, however often it is enqueued', async () => {
    const id = randomUUID();
    await Promise.all([pipeline.enqueue('export', id), pipeline.enqueue('export', id)]);
    await waitForState(id, 'completed');
    await pipeline.enqueue('export', id);
    expect(await (await pipeline.queues.export.getJob(stageJobId('export', id)))?.getState()).toBe(
      'completed',
    );
    expect(runs.get(id)).toBe(1);
  });

  it('runs a failed job again, with all its attempts, when it is enqueued again', async () => {
    const id = randomUUID();
    behaviour.set(id, () => {
      throw new UnrecoverableError('refused for good');
    });
    await pipeline.enqueue('export', id);
    await waitForState(id, 'failed');
    expect(runs.get(id)).toBe(1);

    // Fails once more, at its first attempt: only a job whose attempts were reset counts from zero again.
    behaviour.set(id, (job) => {
      if (job.attemptsMade === 0) throw new Error('transient');
    });
    await pipeline.enqueue('export', id);
    await waitForState(id, 'completed');
    expect(runs.get(id)).toBe(3);
  });
});
