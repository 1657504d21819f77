import type { Word } from '../../documents/page.ts';
import { findLabel, type LabelMatch } from '../layout/find-label.ts';
import type { TextLine } from '../layout/text-line.ts';
import { valueBelow, valueRightOf } from '../layout/value-near-label.ts';
import { type FieldCandidate, ocrFactor } from './field-candidate.ts';

/**
 * A label pattern with how often a value found next to it is the field (0..1); a function can look at the
 * whole line to tell "Total" from "Total qty" and return 0 to drop the match.
 */
export type LabelRule = { pattern: RegExp; weight: number | ((match: LabelMatch) => number) };

/** Reads a value out of the words next to a label; `quality` (0..1) says how clean the read was. */
export type ValueReader<T> = (
  words: Word[],
  match: LabelMatch,
) => { value: T; words: Word[]; quality: number } | null;

export type LabelledValueOptions = {
  /** 'cell': only the label's own cell and the next one; 'line': anything right of the label on its line. */
  rightScope?: 'cell' | 'line';
  /** Whether to look under the label (forms with the value in the next line of the column). */
  lookBelow?: boolean;
  /** Score factor for a value found below rather than right of the label. */
  belowFactor?: number;
  /** How far right (in word heights) the next cell may start and still be the label's value. */
  maxGapHeights?: number;
  /** Only labels within the first three words of their cell count (names, where prose mentions labels). */
  labelNearCellStart?: boolean;
};

export function wordsRight(match: LabelMatch, scope: 'cell' | 'line', maxGapHeights: number): Word[] {
  if (scope === 'line') {
    return match.line.words.slice(match.end);
  }
  return valueRightOf(match, maxGapHeights)?.words ?? [];
}

/**
 * A label word inside a sentence of small print ("the Advertiser hereby certifies…") is not a label. A
 * label that ends its cell heads the next one even after other words ("REMIT TO Sinclair Advertiser |
 * Mike Bloomberg 2020"), since a sentence would go on in the same cell.
 */
function isInProse(match: LabelMatch, labelNearCellStart: boolean): boolean {
  const cell = match.line.cells.find((c) => c.includes(match.words[0]!)) ?? [];
  const endsCell = cell[cell.length - 1] === match.words[match.words.length - 1];
  return cell.length > 12 || (labelNearCellStart && cell.indexOf(match.words[0]!) > 2 && !endsCell);
}

/** Where a label's value may stand, tried in order; `factor` discounts the less likely places. */
export type ValuePlacement = { words: Word[]; factor: number; how: string };

/**
 * The candidate from the first placement the reader accepts: label weight × placement × read quality ×
 * OCR factor, so the score reads as a probability.
 */
export function firstReading<T>(
  tries: readonly ValuePlacement[],
  read: ValueReader<T>,
  match: LabelMatch,
  weight: number,
): FieldCandidate<T> | undefined {
  for (const attempt of tries) {
    if (attempt.words.length === 0) continue;
    const hit = read(attempt.words, match);
    if (!hit) continue;
    return {
      value: hit.value,
      words: hit.words,
      page: match.line.page,
      score: weight * attempt.factor * hit.quality * ocrFactor(hit.words),
      evidence: `${match.text} (${attempt.how})`,
      labelY: match.line.bbox[1],
    };
  }
  return undefined;
}

/**
 * Finds values next to labels: right of the label on its line (best), or below it in its column. Each hit
 * scores label weight × placement × read quality × OCR factor, so the score reads as a probability.
 */
export function findLabelledValues<T>(
  lines: readonly TextLine[],
  rules: readonly LabelRule[],
  read: ValueReader<T>,
  options: LabelledValueOptions = {},
): FieldCandidate<T>[] {
  const { rightScope = 'cell', lookBelow = true, belowFactor = 0.85, maxGapHeights = 40 } = options;
  const labelNearCellStart = options.labelNearCellStart ?? false;
  const candidates: FieldCandidate<T>[] = [];
  for (const rule of rules) {
    for (const match of findLabel(lines, rule.pattern)) {
      const weight = typeof rule.weight === 'number' ? rule.weight : rule.weight(match);
      if (weight <= 0 || isInProse(match, labelNearCellStart)) continue;
      const tries: ValuePlacement[] = [
        { words: match.tail ? [match.tail] : [], factor: 1, how: 'glued' },
        { words: wordsRight(match, rightScope, maxGapHeights), factor: 1, how: 'right' },
      ];
      if (lookBelow) {
        const below = valueBelow(lines, match);
        if (below) tries.push({ words: below.words, factor: belowFactor, how: 'below' });
      }
      const candidate = firstReading(tries, read, match, weight);
      if (candidate) candidates.push(candidate);
    }
  }
  return candidates;
}
