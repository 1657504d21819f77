/**
 * The 1099-NEC reporting threshold by tax year: payments to a payee below it need no 1099-NEC (unless tax was
 * withheld). $600 since 1954; the One Big Beautiful Bill Act (Pub. L. 119-21, 2025) raises it to $2,000 for
 * payments made after 31 December 2025, indexed for inflation from 2027. When the IRS publishes an indexed
 * figure, add a row here: this table is the only place the threshold lives.
 */
const THRESHOLDS_CENTS: readonly [fromTaxYear: number, cents: number][] = [
  [2026, 200_000],
  [0, 60_000],
];

/** The threshold in cents for a tax year (rows are newest first; the first that started by then applies). */
export function necThresholdCents(taxYear: number): number {
  return THRESHOLDS_CENTS.find(([from]) => taxYear >= from)?.[1] ?? 60_000;
}
