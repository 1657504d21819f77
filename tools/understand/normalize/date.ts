/** Printed dates → ISO YYYY-MM-DD, with day-first vs month-first decided from evidence, not guessed. */

export type DateOrder = 'day-first' | 'month-first';

export type DateParse = {
  /** The ISO date chosen: the only valid reading, or the one the evidence picks. */
  value: string;
  /** Every valid ISO reading of the printed text (one or two). */
  candidates: string[];
  /** True when two readings were valid and no evidence decided between them. */
  isAmbiguous: boolean;
};

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januari: 1,
  feb: 2,
  february: 2,
  februari: 2,
  mar: 3,
  march: 3,
  mac: 3,
  apr: 4,
  april: 4,
  may: 5,
  mei: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  julai: 7,
  aug: 8,
  august: 8,
  ogos: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dis: 12,
  disember: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Numeric dates, month-name dates either way round, and year-first dates; used to find dates inside text. */
export const DATE_PATTERN = new RegExp(
  [
    String.raw`\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b`,
    // OCR often splits a date at a separator ("26-04-" "18", "14/" "04/2018"): one space either side is allowed.
    // A time glued to a four-digit year ("12/03/201813:07") still ends the date.
    String.raw`\b\d{1,2} ?[-/.] ?\d{1,2} ?[-/.] ?(?:\d{4}(?=\d{1,2}:\d{2})|(?:\d{4}|\d{2})(?!\d))`,
    // OCR drops the second separator before a four-digit year ("26-05 2018").
    String.raw`\b\d{1,2}[-/.]\d{1,2} \d{4}(?!\d)`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?[\s\-/.]*(?:${MONTH_NAMES})\.?[\s\-/.,]*(?:\d{4}|\d{2})(?!\d)`,
    String.raw`\b(?:${MONTH_NAMES})\.?[\s\-/.]*\d{1,2}(?:st|nd|rd|th)?(?:[\s,/.\-]+(?:\d{4}|\d{2}))(?!\d)`,
  ].join('|'),
  'gi',
);

function expandYear(year: number): number {
  if (year >= 100) return year;
  // Two-digit years: business documents are recent; 70–99 are last century.
  return year < 70 ? 2000 + year : 1900 + year;
}

function toIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

function readings(text: string): { dayFirst: string | null; monthFirst: string | null } | null {
  const t = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, '')
    .replace(/(\d) ?([-/.]) ?(?=\d)/g, '$1$2')
    .replace(/^(\d{1,2})([-/.])(\d{1,2}) (\d{4})$/, '$1$2$3$2$4');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) {
    const iso = toIso(Number(m[1]), Number(m[2]), Number(m[3]));
    return { dayFirst: iso, monthFirst: iso };
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(t);
  if (m) {
    const year = expandYear(Number(m[3]));
    return {
      dayFirst: toIso(year, Number(m[2]), Number(m[1])),
      monthFirst: toIso(year, Number(m[1]), Number(m[2])),
    };
  }
  m = new RegExp(
    String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*(${MONTH_NAMES})\.?[\s\-/.,]*(\d{4}|\d{2})$`,
    'i',
  ).exec(t);
  if (m) {
    const iso = toIso(expandYear(Number(m[3])), monthNumber(m[2]!) ?? 0, Number(m[1]));
    return { dayFirst: iso, monthFirst: iso };
  }
  m = new RegExp(
    String.raw`^(${MONTH_NAMES})\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?[\s,/.\-]+(\d{4}|\d{2})$`,
    'i',
  ).exec(t);
  if (m) {
    const iso = toIso(expandYear(Number(m[3])), monthNumber(m[1]!) ?? 0, Number(m[2]));
    return { dayFirst: iso, monthFirst: iso };
  }
  return null;
}

/**
 * Parses one printed date. `order` is the document's convention when known (see `inferDateOrder`); without
 * it an ambiguous numeric date ("03/04/2020") is returned with both candidates, day-first chosen, and
 * `isAmbiguous` set, so the caller can lower its confidence.
 */
export function parseDate(printed: string, order?: DateOrder | null): DateParse | null {
  const r = readings(printed);
  if (!r) return null;
  const candidates = [...new Set([r.dayFirst, r.monthFirst].filter((v): v is string => v !== null))];
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return { value: candidates[0]!, candidates, isAmbiguous: false };
  if (order === 'month-first') return { value: r.monthFirst!, candidates, isAmbiguous: false };
  if (order === 'day-first') return { value: r.dayFirst!, candidates, isAmbiguous: false };
  return { value: r.dayFirst!, candidates, isAmbiguous: true };
}

/**
 * Every valid date printed in a text, with where it starts, in reading order. A match that is not a real
 * date ("19- 18/01" out of "REG #19- 18/01/2018") is retried one character later, so it cannot hide the
 * real date it overlaps.
 */
export function findDates(text: string): { text: string; index: number }[] {
  const pattern = new RegExp(DATE_PATTERN.source, 'gi');
  const found: { text: string; index: number }[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (parseDate(m[0])) found.push({ text: m[0], index: m.index });
    else pattern.lastIndex = m.index + 1;
  }
  return found;
}
