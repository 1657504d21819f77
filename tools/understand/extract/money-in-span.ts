import type { Word } from '../../documents/page.ts';
import { type MoneyParse, parseMoney } from '../normalize/money.ts';

export type MoneyInSpan = MoneyParse & { words: Word[]; hasCurrencyMark: boolean };

const CURRENCY_WORD = /^(?:RM|MYR|USD|US\$|\$|SGD|S\$|EUR|€|GBP|£)$/i;
const CURRENCY_PREFIX = /^[-(]?(?:RM|MYR|USD|US\$|\$|SGD|S\$|EUR|€|GBP|£)/i;

/**
 * What OCR leaves around an amount that is not part of it: stray marks before it ("~50.00", ":=12.00"),
 * letters misread in front of a currency code ("RrRM1.38"), and the tax code receipts print after a line
 * amount ("17.00SR", "3.00 T" glued). Only stripped when what is left is shaped like an amount.
 */
function stripOcrJunk(text: string): string {
  return text
    .replace(/^[:=~*«»"“”'‘’]+/, '')
    .replace(/^\p{L}{1,3}(?=(?:RM|MYR)\d)/iu, '')
    .replace(/(?<=\d[.,]\d\d)(?:SR|ZR|[SRTZ])$/, '');
}

/**
 * Words close enough on a line to be one token split by OCR: a gap under a few character heights (boxes
 * are fractions of the page, so a height on a tall receipt is compared to a gap in width; the margin
 * covers the aspect ratio of a typical receipt).
 */
function isAdjacent(left: Word, right: Word): boolean {
  const height = Math.max(left.bbox[3] - left.bbox[1], right.bbox[3] - right.bbox[1]);
  return right.bbox[0] - left.bbox[2] < height * 3;
}

/**
 * OCR splits an amount at its decimal point ("65." "20", "65" ".20", "-51." "00"): the joined text when
 * two neighbouring words are such halves, else null.
 */
function joinSplitAmount(left: Word, right: Word | undefined): string | null {
  if (!right || !isAdjacent(left, right)) return null;
  const a = stripOcrJunk(left.text);
  const b = right.text.replace(/[)*]$/, '');
  if (/^[-(]?(?:RM|\$)?\d[\d,]*[.,]$/i.test(a) && /^\d{2}$/.test(b)) return `${a}${b}`;
  if (/^[-(]?(?:RM|\$)?\d[\d,]*$/i.test(a) && /^[.,]\d{2}$/.test(b)) return `${a}${b}`;
  return null;
}

/** Tokens that are never money: times, dates, percentages. */
function isNotMoney(text: string): boolean {
  return /[:]\d{2}/.test(text) || /\d[/]\d/.test(text) || /%$/.test(text);
}

/**
 * Every amount in a run of words, left to right. A currency word before the amount ("RM", "80.90")
 * becomes part of its source; an amount OCR split in two is joined and both words are its source;
 * numbers without decimals are kept but flagged, since counts and quantities look like that too.
 */
export function moneyInSpan(words: readonly Word[]): MoneyInSpan[] {
  const found: MoneyInSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!/\d/.test(word.text) || isNotMoney(word.text)) continue;
    const joined = joinSplitAmount(word, words[i + 1]);
    const text = joined ?? stripOcrJunk(word.text);
    const parsed = parseMoney(text);
    if (!parsed) continue;
    const previous = words[i - 1];
    const hasCurrencyWord = previous !== undefined && CURRENCY_WORD.test(previous.text);
    const span = [...(hasCurrencyWord ? [previous] : []), word, ...(joined ? [words[i + 1]!] : [])];
    found.push({ ...parsed, words: span, hasCurrencyMark: hasCurrencyWord || CURRENCY_PREFIX.test(text) });
    if (joined) i++;
  }
  return found;
}
