import type { Vendor } from '../validate/rule.ts';
import { vendorKey } from './vendor-key.ts';

export { vendorKey };

/** Fuzzy matches must be this similar (1 − edit distance / length): about one typo per ten characters. */
const MIN_SIMILARITY = 0.9;

/** Levenshtein distance, or Infinity as soon as it is sure to exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return Number.POSITIVE_INFINITY;
    previous = current;
  }
  return previous[b.length]!;
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // The epsilon keeps 10 × (1 − 0.9) = 0.9999… from flooring to 0.
  const limit = Math.floor(longest * (1 - MIN_SIMILARITY) + 1e-9);
  return 1 - editDistance(a, b, limit) / longest;
}

function keysOf(vendor: Vendor): string[] {
  return [vendor.name, ...vendor.aliases].map(vendorKey).filter((key) => key !== '');
}

/** The one vendor in `found`, or undefined when there are none or several different ones. */
function single(found: readonly Vendor[]): Vendor | undefined {
  const ids = new Set(found.map((v) => v.id));
  return ids.size === 1 ? found[0] : undefined;
}

/**
 * The vendor whose name or an alias has the same key as `name`; failing that, the one vendor whose name or
 * alias is at least 0.9 similar to it (an OCR slip, "Northwlnd Traders"). Two vendors that match equally
 * well match neither: a wrong vendor would lend the invoice a tax id and bank details it should not have.
 */
export function matchVendor(name: string, vendors: readonly Vendor[]): Vendor | undefined {
  const key = vendorKey(name);
  if (key === '') return undefined;
  const exact = vendors.filter((vendor) => keysOf(vendor).includes(key));
  if (exact.length > 0) return single(exact);
  const close = vendors
    .map((vendor) => ({ vendor, score: Math.max(0, ...keysOf(vendor).map((k) => similarity(key, k))) }))
    .filter((c) => c.score >= MIN_SIMILARITY);
  return single(close.map((c) => c.vendor));
}
