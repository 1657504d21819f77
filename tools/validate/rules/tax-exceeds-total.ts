import { centsToMoney } from '../../understand/normalize/money.ts';
import { centsValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/**
 * The tax is part of the total, so it cannot be larger; on a receipt, or an invoice without a subtotal to
 * balance (totals_balance covers those), this is the one arithmetic check there is. Credit notes (negative
 * totals) compare by size.
 */
export const taxExceedsTotal: Rule = {
  id: 'tax_exceeds_total',
  docTypes: ['invoice', 'receipt'],
  check({ fields }) {
    const tax = centsValue(fields, 'tax_amount');
    const total = centsValue(fields, 'total_amount');
    if (fields.subtotal !== undefined || tax === undefined || total === undefined) return [];
    if (Math.abs(tax) <= Math.abs(total)) return [];
    return [
      {
        rule: 'tax_exceeds_total',
        severity: 'error',
        field: 'tax_amount',
        message: `The tax ${centsToMoney(tax)} is more than the total ${centsToMoney(total)}.`,
      },
    ];
  },
};
