import type { Word } from '../../documents/page.ts';
import type { DateOrder } from '../normalize/date.ts';
import { repairDigitLookalikes } from '../normalize/digit-lookalikes.ts';
import { type DateInSpan, datesInSpan } from './dates-in-span.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const NUMERIC = /^(\d{1,2})\s?[/.-]\s?(\d{1,2})$/;
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})[\s-]*${MONTH}$`, 'i');
const MONTH_DAY = new RegExp(String.raw`^${MONTH}[\s-]*(\d{1,2})$`, 'i');

/** The statement period, when read, places a year-less row date ("03/14", "14 Mar") in its year. */
export type StatementYears = { start?: string; end?: string; fallbackYear?: number };

const DAY_MS = 86_400_000;

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The year of a month and day within the statement period: a cycle from 15 Dec to 14 Jan prints "12/20"
 * and "01/05" in two different years. A few days of slack cover items posted just outside the cycle.
 */
function placeInPeriod(month: number, day: number, years: StatementYears): string | null {
  const start = years.start ? Date.parse(years.start) : Number.NaN;
  const end = years.end ? Date.parse(years.end) : Number.NaN;
  const candidates = [years.start, years.end]
    .filter((d): d is string => d !== undefined)
    .map((d) => Number(d.slice(0, 4)));
  for (const year of new Set(candidates)) {
    const iso = isoOf(year, month, day);
    if (!iso) continue;
    const at = Date.parse(iso);
    if (!(at < start - 15 * DAY_MS) && !(at > end + 15 * DAY_MS)) return iso;
  }
  const year = candidates[candidates.length - 1] ?? years.fallbackYear;
  return year === undefined ? null : isoOf(year, month, day);
}

/** A date printed without a year, read from the start of a table row's date cell. */
function readYearless(
  words: readonly Word[],
  order: DateOrder | null,
  years: StatementYears,
): DateInSpan | null {
  for (let n = Math.min(2, words.length); n >= 1; n--) {
    const span = words.slice(0, n);
    const text = span.map((w) => repairDigitLookalikes(w.text).text).join(' ');
    let month: number | undefined;
    let day: number | undefined;
    const numeric = NUMERIC.exec(text);
    const dayMonth = DAY_MONTH.exec(text);
    const monthDay = MONTH_DAY.exec(text);
    if (numeric) {
      const [a, b] = [Number(numeric[1]), Number(numeric[2])];
      const isDayFirst = order === 'day-first' ? b <= 12 : a > 12;
      [day, month] = isDayFirst ? [a, b] : [b, a];
    } else if (dayMonth) {
      [day, month] = [Number(dayMonth[1]), MONTHS.indexOf(dayMonth[2]!.toLowerCase()) + 1];
    } else if (monthDay) {
      [month, day] = [MONTHS.indexOf(monthDay[1]!.toLowerCase()) + 1, Number(monthDay[2])];
    }
    if (month === undefined || day === undefined) continue;
    const value = placeInPeriod(month, day, years);
    if (!value) continue;
    const isAmbiguous =
      numeric !== null && order === null && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12;
    return { value, isAmbiguous, words: span, isRepaired: false, hasTime: false, isCompact: false };
  }
  return null;
}

/** The date of a transaction row: a full date, or a month and day placed in the statement period. */
export function readRowDate(
  words: readonly Word[],
  order: DateOrder | null,
  years: StatementYears,
): DateInSpan | null {
  if (words.length === 0) return null;
  return datesInSpan(words, order)[0] ?? readYearless(words, order, years);
}
