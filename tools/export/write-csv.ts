/** Characters a spreadsheet reads as the start of a formula (or of a cell it then re-parses). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number is data to every spreadsheet, even with a leading minus: `-12.00` stays as is. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV cell (RFC 4180). Document text is hostile: a cell that a spreadsheet would run as a formula
 * (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`) is prefixed with `'`, so it is shown as text instead.
 */
export function formatCsvCell(value: unknown): string {
  const text = cellText(value);
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV text: one line per row, CRLF line ends, a final line end. */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return rows.map((row) => `${row.map(formatCsvCell).join(',')}\r\n`).join('');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}
