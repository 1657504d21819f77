import { repairDigitLookalikes } from './digit-lookalikes.ts';

/** Printed amounts → the schema's money format: a decimal string with a dot, two decimals, no grouping. */

const CURRENCY_AFFIX =
  /^(?:US\$|[SACN]Z?\$|HK\$|RM|MYR|USD|SGD|EUR|GBP|RS\.?|INR|\$|€|£|¥|₹)\s*|\s*(?:RM|MYR|USD|SGD|EUR|GBP|€|£|\$)$/i;

export type MoneyParse = {
  /** "1234.50" */
  value: string;
  /** Whether the printed text had a decimal part; totals almost always do. */
  hasDecimals: boolean;
  /** Whether OCR look-alike letters had to be mapped to digits. */
  wasRepaired: boolean;
};

/** Splits "1.234,50" / "1,234.50" / "1 234,50" / "12,50" into integer and fraction digits. */
function splitDecimal(body: string): { whole: string; fraction: string } | null {
  const compact = body.replace(/(?<=\d)[\s'’](?=\d{3}(?:\D|$))/g, '');
  if (!/^\d[\d.,]*$/.test(compact) && !/^[.,]\d+$/.test(compact)) return null;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  const lastSep = Math.max(lastDot, lastComma);
  if (lastSep < 0) return { whole: compact, fraction: '' };
  const sep = compact[lastSep]!;
  const after = compact.slice(lastSep + 1);
  const sepCount = compact.split(sep).length - 1;
  const bothKinds = lastDot >= 0 && lastComma >= 0;
  // A lone separator followed by exactly three digits is grouping ("1,234"), unless the other kind also appears.
  const isDecimal =
    bothKinds ||
    (sepCount === 1 && after.length !== 3) ||
    (sepCount === 1 && after.length === 3 && sep === '.' && compact.startsWith('0'));
  if (!isDecimal) {
    if (!/^\d{1,3}([.,]\d{3})+$/.test(compact)) return null;
    return { whole: compact.replace(/[.,]/g, ''), fraction: '' };
  }
  const whole = compact.slice(0, lastSep).replace(/[.,]/g, '');
  if (after.length > 2 && !bothKinds) return null;
  if (after.length > 2) return null;
  return { whole: whole === '' ? '0' : whole, fraction: after };
}

/**
 * Parses one printed amount: currency symbols or codes before or after, grouping with commas, dots,
 * spaces or apostrophes, a decimal comma, negatives as "-12.00", "(12.00)", "12.00-" or "12.00 CR",
 * and digit look-alike letters in an otherwise numeric token ("8O.9O"). Returns null for anything else.
 */
export function parseMoney(printed: string): MoneyParse | null {
  let text = printed.trim().replace(/[\u2212\u2013]/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/\s*(?:-|CR)$/i.test(text) && /\d/.test(text)) {
    negative = true;
    text = text.replace(/\s*(?:-|CR)$/i, '');
  }
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY_AFFIX, '').trim();
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1).trim();
  }
  if (text === '' || /[a-z]{2,}/i.test(text.replace(/[OoDQlIiSsBZz]/g, '0'))) return null;
  const { text: digits, wasRepaired: repaired } = repairDigitLookalikes(text);
  const parts = splitDecimal(digits);
  if (!parts || !/^\d+$/.test(parts.whole) || !/^\d*$/.test(parts.fraction)) return null;
  const cents = `${parts.fraction}00`.slice(0, 2);
  const whole = parts.whole.replace(/^0+(?=\d)/, '');
  const isZero = /^0+$/.test(whole) && cents === '00';
  return {
    value: `${negative && !isZero ? '-' : ''}${whole}.${cents}`,
    hasDecimals: parts.fraction.length > 0,
    wasRepaired: repaired,
  };
}

/** Money as a number of cents, for arithmetic checks (subtotal + tax = total). */
export function moneyToCents(value: string): number {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = '00'] = value.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(`${fraction}00`.slice(0, 2));
  return negative ? -cents : cents;
}

/** Cents back to the schema's money string. */
export function centsToMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
