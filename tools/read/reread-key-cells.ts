import Tesseract from 'tesseract.js';
import type { Bbox, Word } from '../documents/page.ts';
import { findKeyCells, type KeyCell } from './key-cells.ts';
import type { OcrPool } from './ocr-pool.ts';
import { encodeOcrPng, type GrayImage, sharpFromGray } from './page-image.ts';

/** Text heights a cell is read at: single-line mode reads best at 30–50 px, small print a bit lower. */
const CELL_TEXT_PX = [24, 32, 44];
/**
 * How a cell's pixels are prepared before reading: as scanned, contrast-stretched (faint thermal
 * print), and darkened (v² pulls light-gray strokes towards black while paper stays white).
 */
const PREPARATIONS = ['as-is', 'stretched', 'darkened'] as const;
type Preparation = (typeof PREPARATIONS)[number];
/**
 * A value must come out of at least this many readings, and at least twice as often as any other:
 * reads of the same pixels are not independent, and a near tie ("758.70" / "738.70") means the print
 * is ambiguous, where the page pass's reading is kept. (More than twice lost two SROIE dates read
 * 6:3 and 4:2 the right way, and took no wrong value.)
 */
const MIN_VOTES = 3;
const MIN_LEAD = 2;
/** White margin around a crop: tesseract misses glyphs that touch the image edge. */
const BORDER_PX = 12;
/** Bounds the cost on a dense page; a receipt has a handful of key cells. */
const MAX_CELLS = 12;

/** An amount, not a rate ("@0.00%") nor part of a longer number. */
const AMOUNT = /-?(?<![\d.,])\d{1,7}[.,]\d{2}(?![\d.,%])/;
const DATE = /(?<!\d)(\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2}))(?!\d)/;
const VALUE = { amount: AMOUNT, date: DATE } as const;
/** The page passes' reading of the cell counts as this many re-reads: it saw the print in context. */
const EARLIER_VOTES = 2;

/**
 * Reads again the cells extraction depends on (`findKeyCells`: a doubtful amount right of a total or
 * payment label, a doubtful date), each at several sizes and contrasts in single-line mode, and takes
 * the value most of the readings agree on. One re-read alone is as often confidently wrong as right;
 * a majority of differently prepared reads is not. The agreed value replaces what the page pass read
 * in its place.
 */
export async function rereadKeyCells(
  image: GrayImage,
  words: Word[],
  ocr: OcrPool,
  signal?: AbortSignal,
  disputed: readonly Word[] = [],
): Promise<Word[]> {
  const cells = findKeyCells(words, disputed).slice(0, MAX_CELLS);
  const agreed = await Promise.all(cells.map((cell) => readCell(image, cell, words, ocr, signal)));
  let merged = words;
  agreed.forEach((word, index) => {
    if (word) merged = replaceInCell(merged, cells[index]!, word);
  });
  return merged;
}

async function readCell(
  image: GrayImage,
  cell: KeyCell,
  pageWords: readonly Word[],
  ocr: OcrPool,
  signal: AbortSignal | undefined,
): Promise<Word | null> {
  const rereadings = await Promise.all(
    PREPARATIONS.flatMap((preparation) =>
      CELL_TEXT_PX.map((px) => readValue(image, cell, px, preparation, ocr, signal)),
    ),
  );
  // What the page passes read in the cell is a reading too, of the whole page in context.
  const pattern = VALUE[cell.kind];
  const earlier = pageWords.find((word) => isInCell(word.bbox, cell.bbox) && pattern.test(word.text));
  const earlierValue = earlier && { ...earlier, text: earlier.text.match(pattern)![0] };
  const readings = [...rereadings, ...Array.from({ length: EARLIER_VOTES }, () => earlierValue)];
  const votes = new Map<string, { count: number; word: Word }>();
  for (const word of readings) {
    if (!word) continue;
    const vote = votes.get(word.text) ?? { count: 0, word };
    vote.count++;
    votes.set(word.text, vote);
  }
  const ranked = [...votes.values()].sort((a, b) => b.count - a.count);
  const [best, second] = ranked;
  if (!best || best.count < MIN_VOTES || best.count < MIN_LEAD * (second?.count ?? 0)) return null;
  if (best.word === earlierValue) return null;
  return { ...best.word, confidence: best.count / readings.length };
}

/** One reading of a cell, reduced to the value it holds (an amount or a date), in page fractions. */
async function readValue(
  image: GrayImage,
  cell: KeyCell,
  targetPx: number,
  preparation: Preparation,
  ocr: OcrPool,
  signal: AbortSignal | undefined,
): Promise<Word | null> {
  const left = Math.floor(cell.bbox[0] * image.width);
  const top = Math.floor(cell.bbox[1] * image.height);
  const width = Math.min(image.width - left, Math.ceil((cell.bbox[2] - cell.bbox[0]) * image.width));
  const height = Math.min(image.height - top, Math.ceil((cell.bbox[3] - cell.bbox[1]) * image.height));
  if (width < 4 || height < 4) return null;
  const scale = Math.min(4, Math.max(0.5, targetPx / Math.max(4, cell.textHeight * image.height)));
  const crop = await prepare(image, { left, top, width, height }, preparation);
  const png = await encodeOcrPng(
    sharpFromGray(crop)
      .resize({ width: Math.round(width * scale), height: Math.round(height * scale), kernel: 'lanczos3' })
      .extend({
        top: BORDER_PX,
        bottom: BORDER_PX,
        left: BORDER_PX,
        right: BORDER_PX,
        background: '#ffffff',
      }),
  );
  const read = await ocr.recognize(png, signal, { pageSegmentation: Tesseract.PSM.SINGLE_LINE });
  const pattern = VALUE[cell.kind];
  const found = [...read.words].reverse().find((word) => pattern.test(word.text));
  if (!found) return null;
  const value = found.text.match(pattern)![0];
  const toPage = (fraction: number, size: number, offset: number, pageSize: number) =>
    Math.min(1, Math.max(0, (offset + (fraction * size - BORDER_PX) / scale) / pageSize));
  return {
    text: value,
    confidence: found.confidence,
    bbox: [
      toPage(found.bbox[0], read.width, left, image.width),
      toPage(found.bbox[1], read.height, top, image.height),
      toPage(found.bbox[2], read.width, left, image.width),
      toPage(found.bbox[3], read.height, top, image.height),
    ],
  };
}

/** The cell's pixels, prepared; `darkened` squares each value, so 50% gray becomes 25%. */
async function prepare(
  image: GrayImage,
  region: { left: number; top: number; width: number; height: number },
  preparation: Preparation,
): Promise<GrayImage> {
  const pipeline = sharpFromGray(image).extract(region);
  if (preparation === 'stretched') pipeline.normalise();
  const data = await pipeline.grayscale().raw().toBuffer();
  if (preparation === 'darkened') {
    for (let i = 0; i < data.length; i++) data[i] = Math.round((data[i]! * data[i]!) / 255);
  }
  return { data, width: region.width, height: region.height };
}

/**
 * The agreed value takes the place of what the page pass read under it: digit-bearing words and
 * stray marks overlapping it in the cell go (labels stay), and the value is added.
 */
function replaceInCell(words: Word[], cell: KeyCell, value: Word): Word[] {
  const kept = words.filter((word) => {
    const isValueLike = /\d/.test(word.text) || !/\p{L}{3}/u.test(word.text);
    return !(isValueLike && overlapsIn(word.bbox, value.bbox, cell.bbox));
  });
  return [...kept, value];
}

function isInCell(word: Bbox, cell: Bbox): boolean {
  const middle = (word[1] + word[3]) / 2;
  return word[0] >= cell[0] - 0.01 && word[2] <= cell[2] && middle >= cell[1] && middle <= cell[3];
}

function overlapsIn(word: Bbox, value: Bbox, cell: Bbox): boolean {
  const middle = (word[1] + word[3]) / 2;
  if (middle < cell[1] || middle > cell[3]) return false;
  const overlap = Math.min(word[2], value[2]) - Math.max(word[0], value[0]);
  return overlap > 0.3 * Math.min(word[2] - word[0], value[2] - value[0]);
}
