/** The schema's formats, checked as the reviewer types; the server checks them again and has the last word. */
const MONEY_FIELDS = new Set([
  'subtotal',
  'tax_amount',
  'total_amount',
  'nonemployee_compensation',
  'federal_tax_withheld',
  'opening_balance',
  'closing_balance',
]);

const FORMATS = {
  money: { pattern: /^-?\d+\.\d{2}$/, hint: 'Money like 1234.50: a dot, two decimals, no grouping.' },
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'A date as YYYY-MM-DD.' },
  currency: { pattern: /^[A-Z]{3}$/, hint: 'An ISO currency code like USD.' },
  year: { pattern: /^\d{4}$/, hint: 'A year like 2025.' },
};

export function formatOf(name) {
  if (MONEY_FIELDS.has(name)) return FORMATS.money;
  if (/(^|_)date$|^period_(start|end)$/.test(name)) return FORMATS.date;
  if (name === 'currency') return FORMATS.currency;
  if (name === 'tax_year') return FORMATS.year;
  return undefined;
}

/** A message when the value cannot be right, else undefined. */
export function checkValue(name, value) {
  if (value.trim() === '') return 'Enter a value.';
  const format = formatOf(name);
  if (format && !format.pattern.test(value.trim())) return format.hint;
  if (format === FORMATS.date && !isCalendarDate(value.trim())) return 'That date does not exist.';
  return undefined;
}

function isCalendarDate(iso) {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === iso;
}
