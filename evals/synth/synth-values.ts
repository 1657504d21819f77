import type { Rng } from './synth-document.ts';

/**
 * Values the invoice and receipt generators draw from: parties, dates, amounts and how each convention prints
 * them. Amounts are integer cents throughout so a printed total always equals the expected one.
 */

export type Party = { name: string; addressLines: string[] };

const COMPANY_STEMS = [
  'Northwind',
  'Bluebird',
  'Harbor Point',
  'Cedar Ridge',
  'Summit Peak',
  'Silverline',
  'Redwood',
  'Ironbridge',
  'Maple Grove',
  'Brightwater',
  'Granite State',
  'Oakhurst',
];
const COMPANY_KINDS = ['Traders', 'Consulting', 'Logistics', 'Supply', 'Software', 'Design Studio'];
const US_SUFFIXES = ['LLC', 'Inc.', 'Corp.', 'Ltd.'];
const EU_SUFFIXES = ['GmbH', 'B.V.', 'S.A.', 'AG', 'Oy'];
const US_STREETS = ['Harbor Way', 'Market Street', 'Oak Avenue', 'Pine Road', 'Commerce Drive', 'Lake Blvd'];
const US_CITIES = [
  'Seattle, WA 98101',
  'Portland, OR 97204',
  'Austin, TX 78701',
  'Denver, CO 80202',
  'Boston, MA 02110',
  'Chicago, IL 60601',
];
/** Streets and towns by country, so an address, its VAT number and its IBAN agree. */
export const EU_COUNTRIES = {
  DE: { streets: ['Hauptstraße', 'Bahnhofstraße', 'Lindenallee'], towns: ['10115 Berlin', '80331 München'] },
  NL: { streets: ['Keizersgracht', 'Damrak', 'Herengracht'], towns: ['1017 Amsterdam', '3011 Rotterdam'] },
  BE: { streets: ['Rue de la Loi', 'Avenue Louise', 'Meir'], towns: ['1000 Bruxelles', '2000 Antwerpen'] },
  AT: { streets: ['Mariahilfer Straße', 'Landstraße'], towns: ['1060 Wien', '4020 Linz'] },
} as const;
export type EuCountry = keyof typeof EU_COUNTRIES;
const COUNTRY_NAMES: Record<EuCountry, string> = {
  DE: 'Germany',
  NL: 'Netherlands',
  BE: 'Belgium',
  AT: 'Austria',
};
const UK_STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'];
const UK_TOWNS = ['London EC1A 1BB', 'Manchester M1 1AE', 'Leeds LS1 4DY', 'Bristol BS1 5TR'];
const SHOP_STEMS = ['Corner', 'Green Leaf', 'Daily', 'Main Street', 'Riverside', 'Sunrise', 'Old Town'];
const SHOP_KINDS = ['Market', 'Cafe', 'Hardware', 'Pharmacy', 'Books', 'Deli', 'Grocers', 'Bakery'];

export function usCompany(rng: Rng): Party {
  return {
    name: `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_KINDS)} ${rng.pick(US_SUFFIXES)}`,
    addressLines: [`${rng.int(10, 9800)} ${rng.pick(US_STREETS)}`, rng.pick(US_CITIES)],
  };
}

export function euCompany(rng: Rng, country: EuCountry): Party {
  const { streets, towns } = EU_COUNTRIES[country];
  return {
    name: `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_KINDS)} ${rng.pick(EU_SUFFIXES)}`,
    addressLines: [
      `${rng.pick(streets)} ${rng.int(1, 180)}`,
      `${rng.pick(towns)}, ${COUNTRY_NAMES[country]}`,
    ],
  };
}

/** A shop: receipts come from cafes and grocers more than from consultancies. */
export function shop(rng: Rng, region: 'us' | 'uk' | EuCountry): Party {
  const name = `${rng.pick(SHOP_STEMS)} ${rng.pick(SHOP_KINDS)}`;
  if (region === 'us') return { name, addressLines: usCompany(rng).addressLines };
  if (region === 'uk') {
    return { name, addressLines: [`${rng.int(1, 300)} ${rng.pick(UK_STREETS)}`, rng.pick(UK_TOWNS)] };
  }
  return { name, addressLines: euCompany(rng, region).addressLines };
}

/** A date as year, month and day; generated days stop at 28 so every month has them. */
export type CalendarDate = { year: number; month: number; day: number };

export function randomDate(rng: Rng, years: [number, number] = [2022, 2026]): CalendarDate {
  return { year: rng.int(years[0], years[1]), month: rng.int(1, 12), day: rng.int(1, 28) };
}

/** Adds days without a Date built from the clock: UTC arithmetic on a fixed calendar date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
/** Month names as documents print them in full; the first three letters are the short form. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const DATE_STYLES = ['iso', 'us', 'us-long', 'day-first', 'dotted', 'day-first-short'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

export function isoDate(d: CalendarDate): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** A date as a document of that convention prints it. */
export function printDate(d: CalendarDate, style: DateStyle): string {
  switch (style) {
    case 'iso':
      return isoDate(d);
    case 'us':
      return `${pad(d.month)}/${pad(d.day)}/${d.year}`;
    case 'us-long':
      return `${MONTH_NAMES[d.month - 1]} ${d.day}, ${d.year}`;
    case 'day-first':
      return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
    case 'dotted':
      return `${pad(d.day)}.${pad(d.month)}.${d.year}`;
    case 'day-first-short':
      return `${pad(d.day)}-${MONTH_NAMES[d.month - 1]!.slice(0, 3)}-${d.year}`;
  }
}

/** The contract's money string for integer cents: "1234.50". */
export function contractMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

/** Money as printed: "1,234.50" (dot decimals) or "1.234,50" (comma decimals, as most of Europe). */
export function printMoney(cents: number, decimals: 'dot' | 'comma' = 'dot'): string {
  const [whole, fraction] = contractMoney(cents).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, decimals === 'dot' ? ',' : '.');
  return `${grouped}${decimals === 'dot' ? '.' : ','}${fraction}`;
}

/** Tax on a net amount, rounded half up to the cent, as invoicing software does. */
export function taxOf(netCents: number, ratePercent: number): number {
  return Math.round((netCents * ratePercent) / 100);
}

/** Tax already included in a gross amount (VAT/GST-inclusive receipts). */
export function includedTaxOf(grossCents: number, ratePercent: number): number {
  return Math.round((grossCents * ratePercent) / (100 + ratePercent));
}

/** A valid IBAN for a country and a numeric BBAN (mod-97 check digits, ISO 13616). */
export function makeIban(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${country}${pad(98 - remainder)}${bban}`;
}

export function digits(rng: Rng, count: number): string {
  let out = String(rng.int(1, 9));
  while (out.length < count) out += String(rng.int(0, 9));
  return out;
}

/** An IBAN printed in groups of four, as on paper. */
export function groupIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
