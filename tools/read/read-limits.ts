import type { Config } from '../core/config.ts';

/** The bounds a document must stay within to be read; they protect memory and CPU from one upload. */
export type ReadLimits = {
  maxBytes: number;
  maxPages: number;
  /** Width × height of one image or image page, checked from its header before any decoding. */
  maxImagePixels: number;
  /** A PDF page with fewer visible non-space text characters than this is rendered and OCRed. */
  minTextCharsPerPage: number;
};

export function readLimitsFromConfig(
  config: Pick<Config, 'MAX_UPLOAD_BYTES' | 'MAX_PAGES' | 'MAX_IMAGE_PIXELS' | 'MIN_TEXT_CHARS_PER_PAGE'>,
): ReadLimits {
  return {
    maxBytes: config.MAX_UPLOAD_BYTES,
    maxPages: config.MAX_PAGES,
    maxImagePixels: config.MAX_IMAGE_PIXELS,
    minTextCharsPerPage: config.MIN_TEXT_CHARS_PER_PAGE,
  };
}
