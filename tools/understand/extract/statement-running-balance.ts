/** A transaction as the running-balance check sees it: the amount read, and the balances around it. */
export type BalancedEntry = {
  /** Signed amount in cents as read, or undefined when OCR lost it. */
  cents?: number;
  /** The balance printed on the row, after the transaction. */
  balance?: number;
  /** The last balance printed before the row (previous row, or a brought-forward line). */
  before?: number;
  /** The amount came from a bare amount column with no sign printed, so its sign is a guess. */
  canFlip: boolean;
  isConfirmed: boolean;
  isRepaired: boolean;
};

/** A row's printed balance is right when the next row's amount leads from it to the next balance. */
function isCorroborated(entries: readonly BalancedEntry[], i: number, closing: number | undefined): boolean {
  const entry = entries[i]!;
  if (entry.balance === undefined) return false;
  const next = entries[i + 1];
  if (!next) return closing === entry.balance;
  if (next.before !== entry.balance || next.balance === undefined || next.cents === undefined) return false;
  return Math.abs(next.balance - entry.balance) === Math.abs(next.cents);
}

/**
 * Checks every amount against the running balance. Agreement confirms it, and settles a sign the page
 * did not print; a row without an amount gets the balance's change. When the amount disagrees but the
 * balances on both sides are themselves confirmed by their neighbours, the amount is the misread one and
 * takes the change; otherwise the amount stands, unconfirmed. `closing` is a closing line's balance.
 */
export function reconcileRunningBalance(entries: BalancedEntry[], closing: number | undefined): void {
  entries.forEach((entry, i) => {
    if (entry.balance === undefined || entry.before === undefined) return;
    const change = entry.balance - entry.before;
    if (entry.cents === undefined || entry.cents === change || (entry.canFlip && entry.cents === -change)) {
      entry.cents = change;
      entry.isConfirmed = true;
      return;
    }
    const previous = entries[i - 1];
    const isBeforeRight =
      !previous ||
      (previous.balance === entry.before &&
        (previous.isConfirmed || isCorroborated(entries, i - 1, closing)));
    if (isBeforeRight && isCorroborated(entries, i, closing)) {
      entry.cents = change;
      entry.isRepaired = true;
    }
  });
}
