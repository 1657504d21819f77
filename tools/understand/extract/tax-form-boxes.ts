import type { Word } from '../../documents/page.ts';
import { findLabel, type LabelMatch } from '../layout/find-label.ts';
import type { TextLine } from '../layout/text-line.ts';
import { unionBbox } from '../layout/word-span.ts';
import type { FieldCandidate } from './field-candidate.ts';
import {
  firstReading,
  type LabelRule,
  type ValuePlacement,
  type ValueReader,
  wordsRight,
} from './labelled-values.ts';

export type BoxValueOptions = {
  /** 'cell': the rest of the label's cell or the next one; 'line': anything right of the label. */
  rightScope?: 'cell' | 'line';
};

/** A box caption starts with its number ("4 Federal income tax withheld", "3a Check the…"). */
const NUMBERED_CAPTION = /^\d{1,2}[a-z]?\s+\p{L}{2}/u;
/** How far right a box reaches when nothing else on the caption's line bounds it (page fraction). */
const DEFAULT_BOX_WIDTH = 0.3;
/** How far under its caption a value may be typed (page fraction): two caption lines and the value. */
const MAX_DEPTH = 0.045;
/** Specks and box rules OCR reads as marks ("~", ":", "|"); a dash or "$" may be part of the value. */
const SPECK = /^[^\p{L}\p{N}$&#\-–—]+$/u;

/** A mark or a one- or two-letter guess OCR was unsure of ("hs", "3" beside a box rule): not text. */
function isSpeck(word: Word): boolean {
  return SPECK.test(word.text) || (word.text.length <= 2 && word.confidence < 0.35);
}

/**
 * The box a caption heads: from the caption's left edge to where the next cell on its line starts. On an
 * IRS form the caption sits at the top left of its box, so that is the column the value is typed in.
 */
function boxColumn(match: LabelMatch): [number, number] {
  const label = unionBbox(match.words);
  const next = match.line.cells
    .map((cell) => cell.find((w) => !isSpeck(w)))
    .find((first) => first !== undefined && first.bbox[0] > label[2]);
  const right = next ? next.bbox[0] : label[0] + Math.max(DEFAULT_BOX_WIDTH, label[2] - label[0]);
  return [label[0] - 0.015, right];
}

/**
 * Lines typed under a caption inside its box, top down, each as its cells in the box's column (specks
 * dropped). Lines that go on in lower case are the caption's own; one that opens another numbered
 * caption ends the box.
 */
function linesInBoxBelow(
  lines: readonly TextLine[],
  match: LabelMatch,
): { cells: Word[][]; depth: number }[] {
  const [left, right] = boxColumn(match);
  const top = match.line.bbox[1];
  const found: { cells: Word[][]; depth: number }[] = [];
  for (let i = match.lineIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const depth = line.bbox[1] - top;
    if (line.page !== match.line.page || depth > MAX_DEPTH) break;
    const cells = line.cells
      .map((cell) => cell.filter((w) => !isSpeck(w)))
      .filter((cell) => cell.length > 0 && cell[0]!.bbox[0] >= left && cell[0]!.bbox[0] < right);
    if (cells.length === 0) continue;
    const text = cells
      .flat()
      .map((w) => w.text)
      .join(' ');
    if (NUMBERED_CAPTION.test(text)) break;
    // A caption's second line ("or foreign postal code, and telephone no.") goes on in lower case.
    if (/^\p{Ll}/u.test(text)) continue;
    found.push({ cells, depth });
  }
  return found;
}

/**
 * Values of captioned form boxes: right of the caption (substitute forms, "Payer TIN: 12-3456789") or
 * typed under it in its box (the IRS forms). Unlike `findLabelledValues` a caption may be a long sentence,
 * since IRS captions are ("1 Name of entity/individual. An entry is required. (For a sole…").
 */
export function findBoxValues<T>(
  lines: readonly TextLine[],
  rules: readonly LabelRule[],
  read: ValueReader<T>,
  options: BoxValueOptions = {},
): FieldCandidate<T>[] {
  const { rightScope = 'cell' } = options;
  const candidates: FieldCandidate<T>[] = [];
  for (const rule of rules) {
    for (const match of findLabel(lines, rule.pattern)) {
      const weight = typeof rule.weight === 'number' ? rule.weight : rule.weight(match);
      if (weight <= 0) continue;
      const right = wordsRight(match, rightScope, 25);
      const tries: ValuePlacement[] = [
        // Only a value glued on after the label ("TIN:12-3456789"), not the rest of a compound caption.
        {
          words: match.tail && /^[\p{L}\p{N}]/u.test(match.tail.text) ? [match.tail] : [],
          factor: 1,
          how: 'glued',
        },
        { words: right, factor: 1, how: 'right' },
      ];
      // Under the caption: the first cell alone (OCR adds specks beside a value), else the whole line;
      // lines the reader rejects are the caption's own second line or instructions, and are passed over.
      for (const [n, below] of linesInBoxBelow(lines, match).entries()) {
        const factor = 0.95 * 0.97 ** n;
        tries.push({ words: below.cells[0]!, factor, how: 'below' });
        if (below.cells.length > 1) tries.push({ words: below.cells.flat(), factor, how: 'below' });
      }
      const candidate = firstReading(tries, read, match, weight);
      if (candidate) candidates.push(candidate);
    }
  }
  return candidates;
}
