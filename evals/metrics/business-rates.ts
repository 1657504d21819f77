import type { BusinessRates, DocumentRow } from '../eval-report.ts';
import { ratio } from './ratio.ts';

export const AUTO_APPROVED = 'auto_approved';

/** A document the routing let through although an expected field was wrong or missing. */
export function isFalseAccept(row: DocumentRow): boolean {
  return row.status === AUTO_APPROVED && row.scored.some((s) => !s.isMatch);
}

/**
 * The figures a business reads: how much skips review (straight-through rate) and how much of that was
 * wrong (false-accept rate, over all documents and over the auto-approved ones). A document whose
 * extraction failed has no verdict and counts as not approved.
 */
export function businessRates(rows: readonly DocumentRow[]): BusinessRates {
  const autoApproved = rows.filter((r) => r.status === AUTO_APPROVED).length;
  const falseAccepts = rows.filter(isFalseAccept).length;
  return {
    documents: rows.length,
    autoApproved,
    straightThroughRate: ratio(autoApproved, rows.length),
    falseAccepts,
    falseAcceptRate: ratio(falseAccepts, rows.length),
    falseAcceptsPerAutoApproved: ratio(falseAccepts, autoApproved),
  };
}
