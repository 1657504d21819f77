import type { Page } from '../documents/page.ts';
import type { ReadLimits } from './read-limits.ts';

/** What every reader (PDF, image) is given besides the bytes. */
export type ReadProgress = {
  limits: ReadLimits;
  /** Called as each page finishes, in completion order: `done` of `total`. */
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
};

/** One page as a reader returns it, with the UI image when asked for and the time OCR took. */
export type PageReading = { page: Page; image?: Uint8Array; ocrMs: number };
