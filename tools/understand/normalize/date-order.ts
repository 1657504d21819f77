import type { DateOrder } from './date.ts';

export type DateOrderEvidence = {
  /** Other numeric dates printed in the same document ("25/12/2018"). */
  numericDates?: readonly string[];
  /** The document's ISO currency, when known. */
  currency?: string | null;
  /** The document's text, searched for a country in the addresses. */
  text?: string;
};

const DAY_FIRST_CURRENCIES = new Set([
  'MYR',
  'SGD',
  'EUR',
  'GBP',
  'AUD',
  'NZD',
  'INR',
  'IDR',
  'THB',
  'PHP',
  'HKD',
  'CHF',
]);
const MONTH_FIRST_CURRENCIES = new Set(['USD']);

const MALAYSIA =
  /\b(malaysia|selangor|johor|kuala lumpur|pulau pinang|penang|perak|pahang|kedah|kelantan|terengganu|melaka|negeri sembilan|sabah|sarawak|putrajaya|jalan|taman|sdn\.? bhd)\b/i;
const DAY_FIRST_COUNTRY =
  /\b(singapore|united kingdom|australia|new zealand|india|indonesia|ireland|france|germany|spain|italy)\b/i;
const US_STATE_ZIP =
  /\b(A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])[,.]?\s+\d{5}(?:-\d{4})?\b/;

/**
 * Decides whether the document writes dates day-first or month-first. Strongest first: another date in
 * the same document whose first or second part is above 12; then the country in the addresses; then the
 * currency. Returns null when nothing points either way.
 */
export function inferDateOrder(evidence: DateOrderEvidence): { order: DateOrder; reason: string } | null {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const date of evidence.numericDates ?? []) {
    // Dotted triples with a two-digit end are as often times ("09.20.00") as dates: not evidence.
    const m = /^(\d{1,2})[-/](\d{1,2})[-/]\d{2,4}$|^(\d{1,2})\.(\d{1,2})\.\d{4}$/.exec(
      date.trim().replace(/\s/g, ''),
    );
    if (!m) continue;
    const first = Number(m[1] ?? m[3]);
    const second = Number(m[2] ?? m[4]);
    if (first > 12 && second <= 12) dayFirst++;
    if (second > 12 && first <= 12) monthFirst++;
  }
  if (dayFirst > monthFirst) return { order: 'day-first', reason: 'another date has a day above 12 first' };
  if (monthFirst > dayFirst)
    return { order: 'month-first', reason: 'another date has a day above 12 second' };
  const text = evidence.text ?? '';
  const isMalaysian =
    MALAYSIA.test(text) || /\b\d{5}\s+(kuala|petaling|shah alam|johor|klang|ipoh)/i.test(text);
  const isUs = US_STATE_ZIP.test(text);
  if ((isMalaysian || DAY_FIRST_COUNTRY.test(text)) && !isUs)
    return { order: 'day-first', reason: 'address country' };
  if (isUs && !isMalaysian) return { order: 'month-first', reason: 'US state and ZIP in an address' };
  const currency = evidence.currency ?? '';
  if (DAY_FIRST_CURRENCIES.has(currency)) return { order: 'day-first', reason: `currency ${currency}` };
  if (MONTH_FIRST_CURRENCIES.has(currency)) return { order: 'month-first', reason: `currency ${currency}` };
  return null;
}
