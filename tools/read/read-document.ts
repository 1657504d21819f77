import type { Page } from '../documents/page.ts';
import type { MediaType } from './media-type.ts';
import type { OcrPool } from './ocr-pool.ts';
import { readImage } from './read-image.ts';
import type { ReadLimits } from './read-limits.ts';
import { readPdf } from './read-pdf.ts';

/** A page as read, with a PNG of it for the review UI when `renderImages` was asked for. */
export type ReadPage = Page & { image?: Uint8Array };

export type ReadDocumentOptions = {
  mediaType: MediaType;
  limits: ReadLimits;
  ocr: OcrPool;
  /** Also produce a PNG of every page (150 dpi for PDF text pages, the OCRed image shrunk for scans). */
  renderImages?: boolean;
  /** Called as each page finishes: `done` of `total`. */
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
};

export type ReadDocumentResult = {
  pages: ReadPage[];
  /**
   * `readMs`: wall time of the whole read. `ocrMs`: time spent in OCR summed over pages; pages run
   * in parallel, so it can exceed `readMs`.
   */
  timings: { readMs: number; ocrMs: number };
};

/**
 * Turns an uploaded file into pages of words with boxes: the PDF text layer where there is real
 * text, OCR for scans and images. Throws AppError CORRUPT_FILE (kind user) for content that cannot
 * be read, TOO_MANY_PAGES / IMAGE_TOO_LARGE past the limits, and a system error (retryable) when
 * the OCR engine fails.
 */
export async function readDocument(
  bytes: Uint8Array,
  options: ReadDocumentOptions,
): Promise<ReadDocumentResult> {
  const started = performance.now();
  const common = {
    limits: options.limits,
    ocr: options.ocr,
    renderImages: options.renderImages ?? false,
    onPage: options.onPage,
    signal: options.signal,
  };
  const readings =
    options.mediaType === 'application/pdf'
      ? await readPdf(bytes, common)
      : await readImage(bytes, { ...common, mediaType: options.mediaType });
  const pages = readings.map(({ page, image }) => (image ? { ...page, image } : page));
  const ocrMs = readings.reduce((sum, reading) => sum + reading.ocrMs, 0);
  return { pages, timings: { readMs: performance.now() - started, ocrMs } };
}
