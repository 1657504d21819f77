import { Queue } from 'bullmq';
import type { Pipeline, Stage } from '../tools/core/pipeline.ts';
import { STAGES } from '../tools/core/pipeline.ts';

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

export function createPipelineQueues(connection: QueueConnection): PipelineQueues {
  const queues = Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      new Queue(stage, {
        connection: { url: connection.redisUrl },
        prefix: connection.prefix,
        defaultJobOptions: STAGE_JOB_OPTIONS,
      }),
    ]),
  ) as Record<Stage, Queue>;
  return {
    queues,
    async enqueue(stage, documentId) {
      await queues[stage].add(stage, { documentId }, { jobId: stageJobId(stage, documentId) });
    },
    async close() {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    },
  };
}
