import Tesseract from 'tesseract.js';
import type { Word } from '../documents/page.ts';
import { isSamePrint, mergeWords } from './merge-words.ts';
import type { OcrPool } from './ocr-pool.ts';
import { encodeOcrPng, type GrayImage, sharpFromGray } from './page-image.ts';
import { groupWordLines, type WordLine } from './word-lines.ts';

/**
 * Each line is read at two text heights. Tesseract reads a single line best at 30–50 px, but one
 * re-read alone is as often confidently wrong ("2018" → "2016") as right; a word is only taken
 * when both heights read it the same, in the same place.
 */
const REREAD_TEXT_PX = [44, 32];
/**
 * Words a re-read finds beside the line's known words (an amount the page pass dropped) are added
 * only above this confidence: a full-width strip also catches the edges of neighbouring lines.
 */
const MIN_ADDED_CONFIDENCE = 0.6;
/**
 * Lines whose digits were all read at least this confidently are left alone: they were seldom
 * changed, and skipping them keeps the cost per receipt near 3× a single pass.
 */
const SURE_CONFIDENCE = 0.9;
/** Bounds the cost on dense pages (an invoice table); the least confident lines go first. */
const MAX_LINES = 40;
/** White margin around a crop: tesseract misses glyphs that touch the image edge. */
const BORDER_PX = 12;

/**
 * Reads again the lines that hold digits (dates, amounts, numbers are what extraction needs), each
 * cropped across the page's full width (so a right-hand amount that layout analysis dropped is in
 * it) and upscaled, in single-line mode. Only digit-bearing words are taken from a re-read; dates the
 * two heights read differently come back as `disputed`, for the key-cell vote.
 */
export async function rereadLines(
  image: GrayImage,
  words: Word[],
  ocr: OcrPool,
  signal?: AbortSignal,
): Promise<{ words: Word[]; disputed: Word[] }> {
  const lines = groupWordLines(words)
    .filter((line) => line.words.some(hasDigit) && leastDigitConfidence(line) < SURE_CONFIDENCE)
    .sort((a, b) => leastDigitConfidence(a) - leastDigitConfidence(b))
    .slice(0, MAX_LINES);
  const readings = await Promise.all(
    lines.map((line) => Promise.all(REREAD_TEXT_PX.map((px) => rereadLine(image, line, px, ocr, signal)))),
  );
  let merged = words;
  for (const extra of readings.map(agreed))
    merged = mergeWords(merged, extra, { minAddedConfidence: MIN_ADDED_CONFIDENCE });
  return { words: merged, disputed: readings.flatMap(disputedDates) };
}

const DATE_SHAPED = /\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/;

/**
 * Dates the readings of a line saw in the same place but read differently ("20/02/2017", "20/08/2017"):
 * too doubtful to take, worth a closer look (`rereadKeyCells`).
 */
function disputedDates(readings: Word[][]): Word[] {
  const [first = [], ...others] = readings;
  return first.filter(
    (word) =>
      DATE_SHAPED.test(word.text) &&
      others.every((other) =>
        other.some((o) => o.text !== word.text && DATE_SHAPED.test(o.text) && isSamePrint(o.bbox, word.bbox)),
      ),
  );
}

/** Words of the first reading that every other reading also read, in the same place. */
function agreed(readings: Word[][]): Word[] {
  const [first = [], ...others] = readings;
  return first.filter((word) =>
    others.every((other) => other.some((o) => o.text === word.text && isSamePrint(o.bbox, word.bbox))),
  );
}

async function rereadLine(
  image: GrayImage,
  line: WordLine,
  targetPx: number,
  ocr: OcrPool,
  signal: AbortSignal | undefined,
): Promise<Word[]> {
  const heights = line.words
    .map((word) => (word.bbox[3] - word.bbox[1]) * image.height)
    .sort((a, b) => a - b);
  // The median word, not the line's box: a skewed line's box is taller than its text.
  const textPx = Math.max(4, heights[Math.floor(heights.length / 2)]!);
  const padY = 0.35 * textPx;
  const top = Math.max(0, Math.floor(line.bbox[1] * image.height - padY));
  const bottom = Math.min(image.height, Math.ceil(line.bbox[3] * image.height + padY));
  if (bottom - top < 2) return [];
  const scale = Math.min(4, Math.max(0.5, targetPx / textPx));
  const png = await encodeOcrPng(
    sharpFromGray(image)
      .extract({ left: 0, top, width: image.width, height: bottom - top })
      .resize({ width: Math.round(image.width * scale), height: Math.round((bottom - top) * scale) })
      .extend({
        top: BORDER_PX,
        bottom: BORDER_PX,
        left: BORDER_PX,
        right: BORDER_PX,
        background: '#ffffff',
      }),
  );
  const read = await ocr.recognize(png, signal, { pageSegmentation: Tesseract.PSM.SINGLE_LINE });
  const toPage = (fraction: number, size: number, offset: number, pageSize: number) =>
    Math.min(1, Math.max(0, (offset + (fraction * size - BORDER_PX) / scale) / pageSize));
  return read.words
    .filter((word) => hasDigit(word) && isPlausibleBox(word, read.width, read.height))
    .map((word) => ({
      ...word,
      bbox: [
        toPage(word.bbox[0], read.width, 0, image.width),
        toPage(word.bbox[1], read.height, top, image.height),
        toPage(word.bbox[2], read.width, 0, image.width),
        toPage(word.bbox[3], read.height, top, image.height),
      ],
    }));
}

function hasDigit(word: Word): boolean {
  return /\d/.test(word.text);
}

function leastDigitConfidence(line: WordLine): number {
  return Math.min(...line.words.filter(hasDigit).map((word) => word.confidence));
}

/** Single-line mode now and then gives a word a box that spans its neighbours too. */
function isPlausibleBox(word: Word, width: number, height: number): boolean {
  const boxWidth = (word.bbox[2] - word.bbox[0]) * width;
  const boxHeight = (word.bbox[3] - word.bbox[1]) * height;
  return boxWidth <= 1.2 * boxHeight * (word.text.length + 1);
}
