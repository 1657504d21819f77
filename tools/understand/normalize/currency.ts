/** Currency symbols and codes as printed → ISO 4217. */

/** Symbols and local abbreviations; longer keys are tried first so "US$" wins over "$". */
const SYMBOLS: Record<string, string> = {
  US$: 'USD',
  USD: 'USD',
  S$: 'SGD',
  SGD: 'SGD',
  A$: 'AUD',
  AU$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  HK$: 'HKD',
  NZ$: 'NZD',
  RM: 'MYR',
  MYR: 'MYR',
  '€': 'EUR',
  EUR: 'EUR',
  '£': 'GBP',
  GBP: 'GBP',
  '¥': 'JPY',
  JPY: 'JPY',
  '₹': 'INR',
  RS: 'INR',
  INR: 'INR',
  RP: 'IDR',
  IDR: 'IDR',
  '฿': 'THB',
  THB: 'THB',
  '₱': 'PHP',
  PHP: 'PHP',
  CHF: 'CHF',
  CAD: 'CAD',
  AUD: 'AUD',
  NZD: 'NZD',
  HKD: 'HKD',
  CNY: 'CNY',
  RMB: 'CNY',
  $: 'USD',
};

const KEYS = Object.keys(SYMBOLS).sort((a, b) => b.length - a.length);

/** The ISO code for one printed symbol or code ("RM", "us$", "€"), or null when it is not one. */
export function normalizeCurrency(printed: string): string | null {
  const key = printed.trim().toUpperCase().replace(/\.$/, '');
  return SYMBOLS[key] ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SYMBOL_RE = new RegExp(
  KEYS.map((k) => (/^[A-Z]+$/.test(k) ? `\\b${k}(?=[\\s\\d.:]|$)` : escapeRegExp(k))).join('|'),
  'gi',
);

/**
 * Counts currency evidence in a document's text and returns the most frequent code. Letter codes need a
 * word boundary and a number or end after them, so "RM" in "FORM" or "Rs" in "Orders" does not count.
 */
export function detectCurrency(text: string): { code: string; count: number } | null {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(SYMBOL_RE)) {
    const code = normalizeCurrency(match[0]);
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best: { code: string; count: number } | null = null;
  for (const [code, count] of counts) if (!best || count > best.count) best = { code, count };
  return best;
}
