import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { foldText } from '../normalize/text.ts';
import { type FieldCandidate, ocrFactor } from './field-candidate.ts';
import { findLabelledValues } from './labelled-values.ts';

/** Line 3a's options as their printed labels begin, on folded text. */
const OPTIONS: Array<[string, RegExp]> = [
  ['individual', /^(individual|sole propriet)/],
  ['c_corporation', /^c ?corp/],
  ['s_corporation', /^s ?corp/],
  ['partnership', /^partnership/],
  ['trust_estate', /^(trust|estate)\b/],
  ['llc', /^(llc|limited liability)/],
  ['other', /^other\b/],
];

/** The classification an option label (or a typed value) names, if it starts like one. */
export function classificationOf(text: string): string | null {
  const folded = foldText(text);
  return OPTIONS.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

/**
 * A check mark as printed or OCRed: "X", "x", "✓", "[X]", "(x)", "|X|". An empty box reads as "[]", "O"
 * or nothing, and none of those match.
 */
const CHECK_MARK = /^[[(|{]?[xX✓✔✗×☒][\])|}]?$/;

/**
 * The box checked on line 3a: a check mark right before an option's label on its line. Marks glued to
 * the label by OCR ("XIndividual/sole") count too, a little less.
 */
function checkedBoxes(lines: readonly TextLine[]): FieldCandidate[] {
  const found: FieldCandidate[] = [];
  for (const line of lines) {
    line.words.forEach((word, i) => {
      const after = line.words.slice(i + 1, i + 4);
      const isMark = CHECK_MARK.test(word.text);
      const glued = !isMark && /^[[(|]?[xX✓✔][\])|]?(?=\p{Lu})/u.exec(word.text);
      if (!isMark && !glued) return;
      const labelText = glued
        ? [word.text.slice(glued[0].length), ...after.map((w) => w.text)].join(' ')
        : after.map((w) => w.text).join(' ');
      const next = after[0];
      const height = word.bbox[3] - word.bbox[1];
      if (isMark && (!next || next.bbox[0] - word.bbox[2] > 4 * height)) return;
      const value = classificationOf(labelText);
      if (!value) return;
      const words: Word[] = [word, ...(isMark ? after.slice(0, 1) : [])];
      found.push({
        value,
        words,
        page: line.page,
        score: (glued ? 0.8 : 0.92) * ocrFactor(words),
        evidence: 'checked box',
      });
    });
  }
  return found;
}

/** A substitute form types the classification beside its label ("Federal tax classification: S Corporation"). */
function typedClassification(lines: readonly TextLine[]): FieldCandidate[] {
  return findLabelledValues(
    lines,
    [{ pattern: /(federal )?tax classification:?|entity type:?/i, weight: 0.9 }],
    (words) => {
      const value = classificationOf(words.map((w) => w.text).join(' '));
      return value ? { value, words, quality: 1 } : null;
    },
    { lookBelow: false },
  );
}

/** Line 3a of a W-9: the one box checked, or the classification typed beside its label. */
export function findTaxClassification(lines: readonly TextLine[]): FieldCandidate[] {
  return [...checkedBoxes(lines), ...typedClassification(lines)];
}
