import type { Word } from '../../documents/page.ts';
import { unionBbox } from '../layout/word-span.ts';
import { parseMoney } from '../normalize/money.ts';

/** The whole part of an amount whose decimal point OCR read as a space ("18,447" "22", "-249" "58"). */
const WHOLE_PART = /^[-(+]?(?:[$€£]|A\$)?\d{1,3}(?:[.,]\d{3})*$/;
/** Its cents, with a trailing sign or CR/DR marker kept. */
const CENTS_PART = /^\d{2}(?:-|\)|CR|DR)?$/i;
/** A grouped amount with a separator misread ("19.720.00" for "19,720.00"). */
const MISGROUPED = /^([-(+]?(?:[$€£]|A\$)?)(\d{1,3}(?:[.,]\d{3})+)[.,](\d{2})(\D*)$/;

function regroup(word: Word): Word {
  const m = MISGROUPED.exec(word.text);
  if (!m || parseMoney(word.text)) return word;
  const [, prefix, whole, cents, suffix] = m as unknown as [string, string, string, string, string];
  return { ...word, text: `${prefix}${whole.replace(/[.,]/g, '')}.${cents}${suffix}` };
}

/**
 * Mends the two ways OCR most often breaks a statement amount, in the money columns only (from `fromX`
 * right): a decimal point read as a space, which splits the amount in two words a narrow gap apart, and
 * a grouping separator read as the other one. Text the money parser already reads is left alone.
 */
export function repairStatementAmounts(words: readonly Word[], fromX: number, gapLimit: number): Word[] {
  const repaired: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const isSplit =
      next !== undefined &&
      word.bbox[0] >= fromX &&
      WHOLE_PART.test(word.text) &&
      CENTS_PART.test(next.text) &&
      next.bbox[0] - word.bbox[2] < gapLimit;
    if (isSplit) {
      const decimal = /\d\.\d{3}/.test(word.text) ? ',' : '.';
      repaired.push({
        text: `${word.text}${decimal}${next.text}`,
        bbox: unionBbox([word, next]),
        confidence: Math.min(word.confidence, next.confidence) * 0.9,
      });
      i++;
    } else repaired.push(word.bbox[0] >= fromX ? regroup(word) : word);
  }
  return repaired;
}
