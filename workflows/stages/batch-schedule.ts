import type { Queue } from 'bullmq';

/**
 * Schedules the batch job (submit what was collected, poll what is in flight) to run in `delayMs`.
 *
 * Its id is the second it is due (`batch-<epoch second>`, always a second in the future), so: a job already
 * waiting or delayed covers the new request (debounce: the first pending request starts the collect window,
 * later ones join it); a job that is running never holds the id a new one needs; and a job that completed is
 * removed at once so its id can come back. Nothing sleeps: the job is a delayed BullMQ job.
 */
export async function scheduleBatchJob(queue: Queue, delayMs: number): Promise<void> {
  if (delayMs > 0 && (await queue.getJobCountByTypes('delayed', 'waiting', 'prioritized')) > 0) return;
  const now = Date.now();
  const dueSecond = Math.floor((now + delayMs) / 1000) + 1;
  await queue.add(
    'batch',
    {},
    {
      jobId: `batch-${dueSecond}`,
      delay: dueSecond * 1000 - now,
      removeOnComplete: true,
    },
  );
}
