import { toAppError } from '../core/app-error.ts';

const BACKOFF_MS = [2_000, 8_000, 30_000];

/**
 * For in-process runs (`paperwork extract`, `paperwork eval`), which have no queue to pause: waits the time a
 * 429 asks, or backs off after a 5xx or timeout, and tries again, up to three times. Errors of the request
 * itself (kind user) are thrown at once. Workers never use this: BullMQ owns their retries.
 */
export async function retryInProcess<T>(
  run: () => Promise<T>,
  sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (caught) {
      const error = toAppError(caught);
      const backoff = BACKOFF_MS[attempt];
      if (error.kind !== 'upstream' || backoff === undefined) throw error;
      await sleep(error.retryAfterMs ?? backoff);
    }
  }
}
