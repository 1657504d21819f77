import { describeDocuments } from '../describe-documents.ts';
import type { Rule } from '../rule.ts';

/**
 * Another document has the same total (and whatever else the caller matched on, such as vendor and date).
 * Only a warning: monthly fees repeat the same amount legitimately, but a re-typed invoice looks like this.
 */
export const possibleDuplicateAmount: Rule = {
  id: 'possible_duplicate_amount',
  docTypes: ['invoice', 'receipt'],
  check({ fields }, { duplicates }) {
    const others = duplicates.sameAmount;
    if (others.length === 0) return [];
    const amount = typeof fields.total_amount?.value === 'string' ? ` ${fields.total_amount.value}` : '';
    return [
      {
        rule: 'possible_duplicate_amount',
        severity: 'warning',
        field: 'total_amount',
        message: `The same amount${amount} appears on ${describeDocuments(others)}; check it is not a duplicate.`,
      },
    ];
  },
};
