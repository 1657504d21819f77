import type { Bbox, Word } from '../documents/page.ts';
import { ocrWordPattern } from '../understand/normalize/ocr-label.ts';
import { groupWordLines } from './word-lines.ts';

/**
 * A small region of the page whose value extraction needs most: the amount right of a total or
 * payment label, or a date. `kind` says what a reading of it must look like.
 */
export type KeyCell = { kind: 'amount' | 'date'; bbox: Bbox; textHeight: number };

/** Labels whose amount decides the total: the total itself and the payment lines that confirm it. */
const AMOUNT_LABEL = new RegExp(
  `^\\W?(${['total', 'amount', 'rounding', 'cash', 'change', 'payable', 'jumlah'].map(ocrWordPattern).join('|')})`,
  'i',
);
const DATE_LABEL = new RegExp(`^\\W?(${['date', 'tarikh'].map(ocrWordPattern).join('|')})`, 'i');
/** A word read confidently as letters: part of a label, not of the value after it. */
const LABEL_WORD_CONFIDENCE = 0.5;

/** A number with a separator inside: the start of a value, however garbled ("04-0t", "343.%"). */
const VALUE_SHAPED = /\d[.,:/-]\d|\d[-/.]/;
/** An amount read cleanly: digits, a decimal point and two decimals, maybe a currency glued on. */
const CLEAN_AMOUNT = /^(rm|\$)?-?\d{1,7}[.,]\d{2}$/i;
/** Something that OCR shaped like a date, valid or not ("17/83/2817", "04-0t"). */
const DATE_SHAPED = /\d{1,4}\s?[-/.]\s?[\dOoIlt]{1,2}[-/.]/;
/** A whole date in the word, day first or ISO, whatever is glued around it ("[Sales]2018-01-05"). */
const CLEAN_DATE = /(?<!\d)(\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\d/.-])/;
const CLEAN_VALUE = { amount: CLEAN_AMOUNT, date: CLEAN_DATE } as const;
const LABELLED_CELLS = [
  ['amount', AMOUNT_LABEL],
  ['date', DATE_LABEL],
] as const;
/**
 * Below this OCR confidence a clean-looking value is worth reading again. Dates are left alone down to
 * a lower confidence: re-reads of a clean date changed right ones ("27/06/18" → "21/06/18", all nine
 * reads agreeing) about as often as wrong ones, while a missing amount is often found.
 */
const SURE_CONFIDENCE = { amount: 0.9, date: 0.6 } as const;
/** A line whose median box is this much taller than its short ones has boxes stretched over a rule. */
const STRETCHED_BOX = 1.5;
/** Room above and below the text, as a share of its height: enough for skew, not the next line. */
const PAD_Y = 0.35;

/**
 * The cells worth a closer look: right of an amount label when no clean, confident amount was read
 * there (the amount is missing, garbled or doubtful), right of a date label or around a date-shaped
 * word when no clean, confident date was read. A page has a handful, so each can be read several ways.
 */
export function findKeyCells(words: readonly Word[], disputed: readonly Word[] = []): KeyCell[] {
  const cells: KeyCell[] = [];
  for (const line of groupWordLines(words)) {
    const heights = line.words.map((word) => word.bbox[3] - word.bbox[1]).sort((a, b) => a - b);
    const median = heights[Math.floor(heights.length / 2)] ?? 0;
    const low = heights[Math.floor(heights.length / 4)] ?? 0;
    // Tesseract now and then stretches boxes down over a rule under the line ("Date" 2× as tall as
    // "00:43"): then the text is as tall as the short boxes and starts at the boxes' top.
    const isStretched = median > STRETCHED_BOX * low;
    const textHeight = isStretched ? low : median;
    const band = (word: Word) => (isStretched ? bandAt(word.bbox[1] + low / 2, low) : bandAround(word));
    for (const [kind, label] of LABELLED_CELLS) {
      const index = line.words.findIndex((word) => label.test(word.text));
      const labelWord = line.words[index];
      const right = line.words.slice(index + 1);
      if (!labelWord || right.some((w) => isSure(w, kind))) continue;
      // The value starts after the label's last word ("Total Sales Inclusive GST :", "Date : 04-0t"
      // with a garbled date): a crop with the label's words in it reads worse than the value alone.
      const firstValue = right.findIndex((w) => VALUE_SHAPED.test(w.text));
      const labelWords = right.slice(0, firstValue < 0 ? right.length : firstValue).filter(isLabelWord);
      const start = labelWords.at(-1) ?? labelWord;
      const [top, bottom] = band(labelWord);
      cells.push({ kind, bbox: [start.bbox[2], top, 1, bottom], textHeight });
    }
    for (const word of line.words) {
      if (!DATE_SHAPED.test(word.text) || isSure(word, 'date')) continue;
      addDateCell(cells, word, band(word), textHeight);
    }
  }
  for (const word of disputed) addDateCell(cells, word, bandAround(word), word.bbox[3] - word.bbox[1]);
  return cells;
}

/** The rows a crop of text `height` tall centred on `middle` takes, with PAD_Y of room above and below. */
function bandAt(middle: number, height: number): [number, number] {
  const half = (0.5 + PAD_Y) * height;
  return [Math.max(0, middle - half), Math.min(1, middle + half)];
}

function bandAround(word: Word): [number, number] {
  return bandAt((word.bbox[1] + word.bbox[3]) / 2, word.bbox[3] - word.bbox[1]);
}

/** A cell around a date-shaped word, two characters wider each side, unless a date cell holds it already. */
function addDateCell(cells: KeyCell[], word: Word, [top, bottom]: [number, number], textHeight: number) {
  const charWidth = (word.bbox[2] - word.bbox[0]) / word.text.length;
  const bbox: Bbox = [
    Math.max(0, word.bbox[0] - 2 * charWidth),
    top,
    Math.min(1, word.bbox[2] + 2 * charWidth),
    bottom,
  ];
  if (!cells.some((cell) => cell.kind === 'date' && contains(cell.bbox, bbox))) {
    cells.push({ kind: 'date', bbox, textHeight });
  }
}

function isLabelWord(word: Word): boolean {
  return word.confidence >= LABEL_WORD_CONFIDENCE && /^\p{L}{2,}\W?$/u.test(word.text);
}

function isSure(word: Word, kind: KeyCell['kind']): boolean {
  return word.confidence >= SURE_CONFIDENCE[kind] && CLEAN_VALUE[kind].test(word.text);
}

function contains(outer: Bbox, inner: Bbox): boolean {
  const middle = (inner[1] + inner[3]) / 2;
  return outer[0] <= inner[0] && outer[2] >= inner[2] && outer[1] <= middle && outer[3] >= middle;
}
