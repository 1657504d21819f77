/**
 * Numeric dates that OCR damaged beyond letter look-alikes: digits misread as other digits on faint
 * thermal print ("17/83/2817" for 17/03/2017, "12/03/2518" for 12/03/2018). A date-shaped token whose
 * month or day is impossible, or whose year is implausible for a business document, gets the smallest
 * repair that makes it valid.
 */

/** Digits thermal-print OCR confuses, most likely first. */
const CONFUSED: Record<string, string> = {
  '0': '869',
  '1': '74',
  '2': '7',
  '3': '85',
  '4': '1',
  '5': '638',
  '6': '508',
  '7': '12',
  '8': '0365',
  '9': '08',
};

/** Years business documents carry; a wider window would let repairs invent dates. */
export const PLAUSIBLE_YEARS = { from: 1990, to: 2039 } as const;

function isPlausibleYear(year: string): boolean {
  const n = year.length === 2 ? 2000 + Number(year) : Number(year);
  return n >= PLAUSIBLE_YEARS.from && n <= PLAUSIBLE_YEARS.to;
}

/** The part as printed when valid, else its one-digit repairs that are valid, most likely first. */
function repairPart(part: string, isValid: (p: string) => boolean): string[] {
  if (isValid(part)) return [part];
  const repairs: string[] = [];
  for (let i = 0; i < part.length; i++) {
    for (const digit of CONFUSED[part[i]!] ?? '') {
      const tried = `${part.slice(0, i)}${digit}${part.slice(i + 1)}`;
      if (isValid(tried)) repairs.push(tried);
    }
  }
  // A four-digit year in the 2000s whose second digit was misread ("2518"): the century is not in doubt.
  if (part.length === 4 && part.startsWith('2')) {
    const tried = `20${part.slice(2)}`;
    if (isValid(tried)) repairs.push(tried);
  }
  return repairs;
}

/** Whether day `d` exists in month `m` of `year` (a day and a month can each be valid and not together). */
function isCalendarDate(d: string, m: string, year: string): boolean {
  const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
  const date = new Date(Date.UTC(fullYear, Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

const SHAPE = /^(\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4}|\d{2})$/;

/**
 * The repaired text of a day-month-year or month-day-year date, or null when it needs no repair or
 * cannot be repaired with one misread digit per part. Both orders are tried, day-first first.
 */
export function repairDateDigits(text: string): string | null {
  const m = SHAPE.exec(text);
  if (!m) return null;
  const [, a, sep1, b, sep2, year] = m as unknown as [string, string, string, string, string, string];
  const isDay = (p: string) => Number(p) >= 1 && Number(p) <= 31;
  const isMonth = (p: string) => Number(p) >= 1 && Number(p) <= 12;
  const fixedYear = repairPart(year, isPlausibleYear)[0];
  if (!fixedYear) return null;
  for (const isDayFirst of [true, false]) {
    for (const fixedA of repairPart(a, isDayFirst ? isDay : isMonth)) {
      for (const fixedB of repairPart(b, isDayFirst ? isMonth : isDay)) {
        const [day, month] = isDayFirst ? [fixedA, fixedB] : [fixedB, fixedA];
        if (!isCalendarDate(day, month, fixedYear)) continue;
        const repaired = `${fixedA}${sep1}${fixedB}${sep2}${fixedYear}`;
        return repaired === text ? null : repaired;
      }
    }
  }
  return null;
}
