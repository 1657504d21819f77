import { type JobsOptions, Queue } from 'bullmq';
import type { Pipeline, Stage, StageCounts } from '../tools/core/pipeline.ts';
import { STAGES } from '../tools/core/pipeline.ts';
import { scheduleBatchJob } from './stages/batch-schedule.ts';

export type PipelineQueues = Pipeline & {
  queues: Record<Stage, Queue>;
  close(): Promise<void>;
};

export type QueueConnection = { redisUrl: string; prefix: string };

/** Jobs carry only the document id; the id of the job is derived from it, so enqueuing twice is one job. */
export function stageJobId(stage: Stage, documentId: string): string {
  return `${stage}-${documentId}`;
}

export const STAGE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  // Completed jobs stay a day so a late duplicate enqueue is recognised and dropped.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export function createPipelineQueues(
  connection: QueueConnection,
  /** Overrides of STAGE_JOB_OPTIONS; tests shorten the backoff with it. */
  jobOptions: JobsOptions = {},
): PipelineQueues {
  const queues = Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      new Queue(stage, {
        connection: { url: connection.redisUrl },
        prefix: connection.prefix,
        defaultJobOptions: { ...STAGE_JOB_OPTIONS, ...jobOptions },
      }),
    ]),
  ) as Record<Stage, Queue>;
  return {
    queues,
    async enqueue(stage, documentId) {
      // The batch stage works on every waiting document at once; a document's turn there is a job soon.
      if (stage === 'batch') return scheduleBatchJob(queues.batch, 0);
      const jobId = stageJobId(stage, documentId);
      // BullMQ drops an add whose job id it still holds, failed ones included: a failed job is run again
      // instead, with all its attempts, so a retry after a final failure is not silently ignored.
      if (await retryFailedJob(queues[stage], jobId)) return;
      await queues[stage].add(stage, { documentId }, { jobId });
    },
    async scheduleBatch(delayMs) {
      await scheduleBatchJob(queues.batch, delayMs);
    },
    async stats() {
      const counts = await Promise.all(
        STAGES.map(async (stage) => {
          const c = await queues[stage].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
          const stageCounts: StageCounts = {
            waiting: c.waiting ?? 0,
            active: c.active ?? 0,
            delayed: c.delayed ?? 0,
            failed: c.failed ?? 0,
            completed: c.completed ?? 0,
          };
          return [stage, stageCounts] as const;
        }),
      );
      return Object.fromEntries(counts) as Record<Stage, StageCounts>;
    },
    async close() {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    },
  };
}

async function retryFailedJob(queue: Queue, jobId: string): Promise<boolean> {
  const job = await queue.getJob(jobId);
  if (!job || !(await job.isFailed())) return false;
  try {
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  } catch (error) {
    // Another enqueue retried it first; anything else is a real fault.
    if (await job.isFailed()) throw error;
  }
  return true;
}
