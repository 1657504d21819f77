import type { PageReading, ReadProgress } from './read-progress.ts';

/**
 * Reads pages 1..total with `lanes` pages in flight, keeping their order. One lane per OCR worker
 * keeps every worker busy on a long scan while holding only that many rendered pages in memory;
 * an abort stops new pages from starting.
 */
export async function readPages(
  total: number,
  lanes: number,
  progress: ReadProgress,
  readPage: (number: number) => Promise<PageReading>,
): Promise<PageReading[]> {
  const readings = new Array<PageReading>(total);
  let next = 1;
  let done = 0;
  let failed = false;
  const lane = async () => {
    while (next <= total && !failed) {
      const number = next++;
      progress.signal?.throwIfAborted();
      try {
        readings[number - 1] = await readPage(number);
      } catch (error) {
        // The other lanes stop taking pages.
        failed = true;
        throw error;
      }
      done += 1;
      progress.onPage?.(done, total);
    }
  };
  // Settle every lane before returning or throwing: the caller then closes the document with
  // nothing still drawing on it.
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(lanes, total)) }, lane),
  );
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return readings;
}
