import type { Word } from '../../documents/page.ts';
import { findLabel, type LabelMatch } from '../layout/find-label.ts';
import type { TextLine } from '../layout/text-line.ts';
import { valueRightOf } from '../layout/value-near-label.ts';
import { unionBbox } from '../layout/word-span.ts';
import { type FieldCandidate, ocrFactor } from './field-candidate.ts';
import type { LabelRule, ValueReader } from './labelled-values.ts';

export type BoxValueOptions = {
  /** 'cell': the rest of the label's cell or the next one; 'line': anything right of the label. */
  rightScope?: 'cell' | 'line';
  /** Lines under the caption to search; captions of tax forms often run over two lines. */
  maxLinesBelow?: number;
};

/** A box caption starts with its number ("4 Federal income tax withheld", "3a Check the…"). */
const NUMBERED_CAPTION = /^\d{1,2}[a-z]?\s+\p{L}/u;
/** How far right a box reaches when nothing else on the caption's line bounds it (page fraction). */
const DEFAULT_BOX_WIDTH = 0.3;

function medianHeight(words: readonly Word[]): number {
  const heights = words.map((w) => w.bbox[3] - w.bbox[1]).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/**
 * The box a caption heads: from the caption's left edge to where the next cell on its line starts. On an
 * IRS form the caption sits at the top left of its box, so that is the column the value is typed in.
 */
function boxColumn(match: LabelMatch): [number, number] {
  const label = unionBbox(match.words);
  const next = match.line.cells.find((cell) => cell[0]!.bbox[0] > label[2]);
  const right = next ? next[0]!.bbox[0] : label[0] + Math.max(DEFAULT_BOX_WIDTH, label[2] - label[0]);
  return [label[0] - 0.015, right];
}

/**
 * Words typed under a caption inside its box. Captions print smaller than the values typed into the
 * form, so lines of caption-sized text (the caption's second line, instructions) are passed over; a line
 * that opens another numbered caption ends the box. Null when the box is empty.
 */
function wordsInBoxBelow(lines: readonly TextLine[], match: LabelMatch, maxLines: number) {
  const [left, right] = boxColumn(match);
  const captionHeight = medianHeight(match.words);
  for (let i = match.lineIndex + 1; i < lines.length && i <= match.lineIndex + maxLines; i++) {
    const line = lines[i]!;
    if (line.page !== match.line.page) return null;
    const cells = line.cells.filter((cell) => cell[0]!.bbox[0] >= left && cell[0]!.bbox[0] < right);
    if (cells.length === 0) continue;
    const words = cells.flat();
    const text = words.map((w) => w.text).join(' ');
    if (NUMBERED_CAPTION.test(text) && medianHeight(words) <= 1.2 * captionHeight) return null;
    if (medianHeight(words) <= 1.2 * captionHeight) continue;
    return { words, distance: i - match.lineIndex };
  }
  return null;
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
  const { rightScope = 'cell', maxLinesBelow = 3 } = options;
  const candidates: FieldCandidate<T>[] = [];
  for (const rule of rules) {
    for (const match of findLabel(lines, rule.pattern)) {
      const weight = typeof rule.weight === 'number' ? rule.weight : rule.weight(match);
      if (weight <= 0) continue;
      const right =
        rightScope === 'line' ? match.line.words.slice(match.end) : (valueRightOf(match, 25)?.words ?? []);
      const below = wordsInBoxBelow(lines, match, maxLinesBelow);
      const tries = [
        // Only a value glued on after the label ("TIN:12-3456789"), not the rest of a compound caption.
        {
          words: match.tail && /^[\p{L}\p{N}]/u.test(match.tail.text) ? [match.tail] : [],
          factor: 1,
          how: 'glued',
        },
        { words: right, factor: 1, how: 'right' },
        { words: below?.words ?? [], factor: 0.95 ** (below?.distance ?? 1), how: 'below' },
      ];
      for (const attempt of tries) {
        if (attempt.words.length === 0) continue;
        const hit = read(attempt.words, match);
        if (!hit) continue;
        candidates.push({
          value: hit.value,
          words: hit.words,
          page: match.line.page,
          score: weight * attempt.factor * hit.quality * ocrFactor(hit.words),
          evidence: `${match.text} (${attempt.how})`,
          labelY: match.line.bbox[1],
        });
        break;
      }
    }
  }
  return candidates;
}
