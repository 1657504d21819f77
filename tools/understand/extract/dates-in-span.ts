import type { Word } from '../../documents/page.ts';
import { type DateOrder, findDates, parseDate } from '../normalize/date.ts';
import { repairDateDigits } from '../normalize/date-repair.ts';
import { repairDigitLookalikes } from '../normalize/digit-lookalikes.ts';

export type DateInSpan = {
  value: string;
  isAmbiguous: boolean;
  words: Word[];
  /** A digit was misread and repaired ("17/83/2817"): right less often than a clean read. */
  isRepaired: boolean;
  /** A time follows ("16-03-18 13:49"): the transaction timestamp of a receipt or a print stamp. */
  hasTime: boolean;
  /** Printed without separators ("05012018"): a date only where a label or a time says so. */
  isCompact: boolean;
};

/** Numeric dates as OCR shapes them, valid or not, for the digit repair. */
const DATE_SHAPED = /\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}(?=\d{1,2}:\d{2})|(?:\d{4}|\d{2})(?!\d))/g;
/** Day, month and a 19xx/20xx year run together, as OCR prints a date whose separators it lost. */
const COMPACT_DATE = /\b(\d{2})(\d{2})((?:19|20)\d{2})(?=\d{1,2}:\d{2}|(?!\d))/g;
const TIME_AFTER = /^\s?\d{1,2}\s?[:.]\s?\d{2}(?!\d)/;

/**
 * Every date in a run of words, mapped back to the words it covers. Dates are matched on tokens with
 * letter look-alikes repaired ("O5/11/2O18"); those repairs keep the length, so offsets still map to
 * words. Date-shaped text that is not a valid date gets a digit repair as a last resort.
 */
export function datesInSpan(words: readonly Word[], order: DateOrder | null): DateInSpan[] {
  const text = words.map((w) => repairDigitLookalikes(w.text).text).join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.text.length + 1;
  }
  const wordsOf = (index: number, length: number) => {
    const first = starts.findLastIndex((s) => s <= index);
    let last = starts.findIndex((s) => s >= index + length);
    if (last < 0) last = words.length;
    return words.slice(Math.max(0, first), last);
  };
  const found: (DateInSpan & { index: number })[] = [];
  const hits = findDates(text).map((hit) => ({
    ...hit,
    printed: hit.text,
    isRepaired: false,
    isCompact: false,
  }));
  for (const m of text.matchAll(DATE_SHAPED)) {
    const index = m.index ?? 0;
    if (hits.some((h) => index < h.index + h.text.length && h.index < index + m[0].length)) continue;
    const repaired = repairDateDigits(m[0]);
    if (repaired) hits.push({ text: repaired, index, printed: m[0], isRepaired: true, isCompact: false });
  }
  for (const m of text.matchAll(COMPACT_DATE)) {
    const [, a, b, year] = m as unknown as [string, string, string, string];
    hits.push({
      text: `${a}/${b}/${year}`,
      index: m.index ?? 0,
      printed: m[0],
      isRepaired: true,
      isCompact: true,
    });
  }
  for (const hit of hits) {
    const parsed = parseDate(hit.text, order);
    if (!parsed) continue;
    found.push({
      value: parsed.value,
      isAmbiguous: parsed.isAmbiguous,
      words: wordsOf(hit.index, hit.printed.length),
      isRepaired: hit.isRepaired,
      hasTime: TIME_AFTER.test(text.slice(hit.index + hit.printed.length)),
      isCompact: hit.isCompact,
      index: hit.index,
    });
  }
  return found.sort((a, b) => a.index - b.index).map(({ index: _index, ...date }) => date);
}
