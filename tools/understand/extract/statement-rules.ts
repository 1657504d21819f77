import type { Word } from '../../documents/page.ts';
import { repairDigitLookalikes } from '../normalize/digit-lookalikes.ts';
import type { LabelRule, ValueReader } from './labelled-values.ts';

/** Label rules for a bank statement's header fields; weights are how often the value beside them is the field. */
export const OPENING_RULES: LabelRule[] = [
  { pattern: /\b(opening|beginning|previous|starting)\s+balance\b/i, weight: 0.9 },
  { pattern: /\bbalance\s+(brought\s+forward|b\s?\/\s?f\b|at\s+start)/i, weight: 0.85 },
  { pattern: /\bbrought\s+forward\b/i, weight: 0.7 },
];

export const CLOSING_RULES: LabelRule[] = [
  { pattern: /\b(closing|ending|new)\s+balance\b/i, weight: 0.9 },
  { pattern: /\bbalance\s+(carried\s+forward|c\s?\/\s?f\b|at\s+end)/i, weight: 0.85 },
  { pattern: /\bcarried\s+forward\b/i, weight: 0.7 },
];

export const PERIOD_RULES: LabelRule[] = [
  { pattern: /\bstatement\s+(period|dates?\s+from|from)\b|\bfor\s+the\s+period\b/i, weight: 0.92 },
  { pattern: /\bperiod(\s+covered)?\b/i, weight: 0.8 },
];

export const ACCOUNT_RULES: LabelRule[] = [
  { pattern: /\b(account|acct|a\/c)\.?\s*(number|num|no)\b\.?:?|\b(account|acct)\.?\s*#/i, weight: 0.92 },
  { pattern: /\biban\b:?/i, weight: 0.85 },
  { pattern: /\baccount\b(?!\s*(holder|name|summary|statement|type|activity|details|owner))/i, weight: 0.6 },
];

export const HOLDER_RULES: LabelRule[] = [
  {
    pattern:
      /\b(account\s+(holder|name|owner)s?|name\s+on\s+(the\s+)?account|customer\s+name|prepared\s+for)\b\s*:?/i,
    weight: 0.85,
  },
];

/** A token of an account number as printed: digits, masks (X, *, •) and the separators between groups. */
const ACCOUNT_TOKEN = /^[A-Z0-9*•.-]+$/i;

/**
 * The last four digits of an account number printed full ("74039339139"), masked ("XXXXXX1234",
 * "xxxx-xxxx-1234", "****1234") or inside an IBAN ("IE72 LIFF 3519 6424 6427 32"): the tokens right of
 * the label up to the first word that is not part of a number, read from their end.
 */
export const readAccountLast4: ValueReader<string> = (words) => {
  const tokens: { word: Word; text: string }[] = [];
  for (const word of words.slice(0, 8)) {
    // OCR turns a leading mask star into "+", "=" or "#".
    const text = word.text.replace(/^[:#=+~]+/, '');
    if (text === '' || (tokens.length === 0 && /^(no\.?|number|ending|in|nr\.?)$/i.test(text))) continue;
    if (!ACCOUNT_TOKEN.test(text) || /\d[/]\d/.test(text)) break;
    // A word after the number ends it; four capitals are an IBAN's bank code or a masked group.
    if (/^[A-Z]+$/i.test(text) && !/^[A-Z]{4}$/.test(text)) break;
    tokens.push({ word, text });
  }
  // The last four characters, each a digit or a letter OCR reads for one ("XXXX-XXXX-B672").
  const tail = tokens
    .map((t) => t.text.replace(/[.-]/g, ''))
    .join('')
    .slice(-4);
  const repaired = [...tail].map((ch) => repairDigitLookalikes(`0${ch}`).text.slice(1)).join('');
  if (!/^\d{4}$/.test(repaired)) return null;
  const quality = repaired === tail ? 1 : 0.8;
  return { value: repaired, words: tokens.map((t) => t.word), quality };
};
