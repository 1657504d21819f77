import type { Word } from '../../documents/page.ts';
import { type DateOrder, findDates, parseDate } from '../normalize/date.ts';
import { repairDigitLookalikes } from '../normalize/digit-lookalikes.ts';
import { type MoneyParse, parseMoney } from '../normalize/money.ts';

export type MoneyInSpan = MoneyParse & { words: Word[]; hasCurrencyMark: boolean };
export type DateInSpan = { value: string; isAmbiguous: boolean; words: Word[] };

const CURRENCY_WORD = /^(?:RM|MYR|USD|US\$|\$|SGD|S\$|EUR|€|GBP|£)$/i;

/**
 * Every amount in a run of words, left to right. A currency word glued to the next word ("RM", "80.90")
 * becomes part of the amount's source; numbers without decimals are kept but flagged, since counts and
 * quantities look like that too.
 */
export function moneyInSpan(words: readonly Word[]): MoneyInSpan[] {
  const found: MoneyInSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (
      !/\d/.test(word.text) ||
      /[:]\d{2}/.test(word.text) ||
      /\d[/]\d/.test(word.text) ||
      /%$/.test(word.text)
    )
      continue;
    const parsed = parseMoney(word.text.replace(/^[:=]+/, ''));
    if (!parsed) continue;
    const previous = words[i - 1];
    const span = previous && CURRENCY_WORD.test(previous.text) ? [previous, word] : [word];
    const hasCurrencyMark =
      span.length === 2 || /^[-(]?(?:RM|MYR|USD|US\$|\$|SGD|S\$|EUR|€|GBP|£)/i.test(word.text);
    found.push({ ...parsed, words: span, hasCurrencyMark });
  }
  return found;
}

/** Every date in a run of words, mapped back to the words it covers. */
export function datesInSpan(words: readonly Word[], order: DateOrder | null): DateInSpan[] {
  // Dates are matched on repaired tokens ("O5/11/2O18"); repairs keep the length, so offsets still map to words.
  const text = words.map((w) => repairDigitLookalikes(w.text).text).join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.text.length + 1;
  }
  const found: DateInSpan[] = [];
  for (const hit of findDates(text)) {
    const parsed = parseDate(hit.text, order);
    if (!parsed) continue;
    const first = starts.findLastIndex((s) => s <= hit.index);
    const end = hit.index + hit.text.length;
    let last = starts.findIndex((s) => s >= end);
    if (last < 0) last = words.length;
    found.push({
      value: parsed.value,
      isAmbiguous: parsed.isAmbiguous,
      words: words.slice(Math.max(0, first), last),
    });
  }
  return found;
}
