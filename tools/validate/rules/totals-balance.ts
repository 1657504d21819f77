import { centsToMoney } from '../../understand/normalize/money.ts';
import { centsValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/**
 * Subtotal + tax = total, to the cent. Without a tax amount the subtotal must equal the total: a gap then
 * usually means the tax line was not read, and the clerk should see that.
 */
export const totalsBalance: Rule = {
  id: 'totals_balance',
  docTypes: ['invoice'],
  check({ fields }) {
    const subtotal = centsValue(fields, 'subtotal');
    const total = centsValue(fields, 'total_amount');
    if (subtotal === undefined || total === undefined) return [];
    const tax = centsValue(fields, 'tax_amount');
    const sum = subtotal + (tax ?? 0);
    if (sum === total) return [];
    const terms =
      tax === undefined
        ? `subtotal ${centsToMoney(subtotal)} with no tax found`
        : `subtotal ${centsToMoney(subtotal)} + tax ${centsToMoney(tax)} = ${centsToMoney(sum)}`;
    return [
      {
        rule: 'totals_balance',
        severity: 'error',
        field: 'total_amount',
        message: `${terms}, but the total is ${centsToMoney(total)}.`,
      },
    ];
  },
};
