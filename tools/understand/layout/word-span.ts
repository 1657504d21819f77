import type { Bbox, Word } from '../../documents/page.ts';

/** The smallest box holding every word of a span; the source box of an extracted value. */
export function unionBbox(words: readonly { bbox: Bbox }[]): Bbox {
  if (words.length === 0) return [0, 0, 0, 0];
  let [x0, y0, x1, y1] = words[0]!.bbox;
  for (const { bbox } of words) {
    x0 = Math.min(x0, bbox[0]);
    y0 = Math.min(y0, bbox[1]);
    x1 = Math.max(x1, bbox[2]);
    y1 = Math.max(y1, bbox[3]);
  }
  return [x0, y0, x1, y1];
}

/** The text of a word span as printed, words joined with single spaces. */
export function spanText(words: readonly Word[]): string {
  return words.map((w) => w.text).join(' ');
}

/** Mean OCR confidence of a span (1 for a PDF text layer). */
export function spanConfidence(words: readonly Word[]): number {
  if (words.length === 0) return 0;
  return words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
}
