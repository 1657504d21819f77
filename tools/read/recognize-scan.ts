import Tesseract from 'tesseract.js';
import type { Word } from '../documents/page.ts';
import { mergeWords } from './merge-words.ts';
import type { OcrPool, RecognizeOptions } from './ocr-pool.ts';
import { encodeOcrPng, type GrayImage, sharpFromGray } from './page-image.ts';
import { rereadKeyCells } from './reread-key-cells.ts';
import { rereadLines } from './reread-lines.ts';

/**
 * Tesseract reads best when text is 20–40 px high and drops most words under ~15 px. Receipts are
 * often scanned small, so after a first pass a page whose median word is shorter than
 * SMALL_TEXT_PX is upscaled so that word becomes TARGET_TEXT_PX high and read again (40 SROIE
 * receipts: word recall 0.73 → 0.76 for a second pass on one page in eight).
 */
const SMALL_TEXT_PX = 16;
const TARGET_TEXT_PX = 24;
const MAX_UPSCALE = 4;
/** The upscaled copy is kept within this many pixels, whatever the original size. */
const MAX_UPSCALED_PIXELS = 30_000_000;

/**
 * Tesseract's layout analysis drops whole regions of a receipt (a faint date line, the right-hand
 * amount column). A sparse-text pass (PSM 11) looks for text wherever it is; its words are merged
 * into the first reading (`mergeWords`). Other extra passes (1.5×, a darkened copy, a sharpened
 * one) were measured and did not pay for their time (tools/read/README.md).
 */
const SPARSE_PASS: RecognizeOptions = { pageSegmentation: Tesseract.PSM.SPARSE_TEXT };

export type ScanReading = { words: Word[]; ocrMs: number };

/**
 * Reads the words on a page image: two passes merged, then the lines with digits read again, then
 * the doubtful amounts and dates extraction depends on read several ways and voted on.
 */
export async function recognizeScan(
  image: GrayImage,
  ocr: OcrPool,
  signal?: AbortSignal,
): Promise<ScanReading> {
  const started = performance.now();
  // Both passes are queued at once, so a single page keeps two workers of the pool busy.
  const [first, sparse] = await Promise.all([
    readAdaptive(image, ocr, signal),
    readScaled(image, 1, ocr, signal, SPARSE_PASS),
  ]);
  const lines = await rereadLines(image, mergeWords(first, sparse), ocr, signal);
  const words = await rereadKeyCells(image, lines.words, ocr, signal, lines.disputed);
  return { words, ocrMs: performance.now() - started };
}

/** The page as it is, or upscaled and read again when its text is too small to read well. */
async function readAdaptive(image: GrayImage, ocr: OcrPool, signal?: AbortSignal): Promise<Word[]> {
  const first = await readScaled(image, 1, ocr, signal);
  const textHeight = medianWordHeight(first, image.height);
  if (textHeight === 0 || textHeight >= SMALL_TEXT_PX) return first;
  const pixelBudget = Math.sqrt(MAX_UPSCALED_PIXELS / (image.width * image.height));
  const scale = Math.min(TARGET_TEXT_PX / textHeight, MAX_UPSCALE, pixelBudget);
  return scale > 1.1 ? readScaled(image, scale, ocr, signal) : first;
}

/** Boxes are fractions of the page, so words read from a scaled copy need no conversion. */
async function readScaled(
  image: GrayImage,
  scale: number,
  ocr: OcrPool,
  signal?: AbortSignal,
  options?: RecognizeOptions,
): Promise<Word[]> {
  const pipeline = sharpFromGray(image);
  if (scale !== 1) pipeline.resize({ width: Math.round(image.width * scale), kernel: 'lanczos3' });
  return (await ocr.recognize(await encodeOcrPng(pipeline), signal, options)).words;
}

function medianWordHeight(words: Word[], imageHeight: number): number {
  const heights = words.map((word) => (word.bbox[3] - word.bbox[1]) * imageHeight).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}
