import { centsToMoney, moneyToCents } from '../../understand/normalize/money.ts';
import { centsValue, isMoney, rowsValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/**
 * The line amounts add up to the subtotal, to the cent. Without a subtotal they add up to the total less
 * the tax (or to the total when there is no tax). A line without a readable amount makes the sum
 * unknowable, so nothing is checked (the format rule reports a malformed one).
 */
export const lineItemsSum: Rule = {
  id: 'line_items_sum',
  docTypes: ['invoice'],
  check({ fields }) {
    const rows = rowsValue(fields, 'line_items');
    if (rows.length === 0 || !rows.every((row) => isMoney(row.amount))) return [];
    const sum = rows.reduce((cents, row) => cents + moneyToCents(row.amount as string), 0);
    const subtotal = centsValue(fields, 'subtotal');
    const total = centsValue(fields, 'total_amount');
    const tax = centsValue(fields, 'tax_amount');
    let target: { cents: number; label: string } | undefined;
    if (subtotal !== undefined) target = { cents: subtotal, label: 'the subtotal is' };
    else if (total !== undefined && tax !== undefined) {
      target = { cents: total - tax, label: 'the total less tax is' };
    } else if (total !== undefined) target = { cents: total, label: 'the total is' };
    if (!target || sum === target.cents) return [];
    const lines = rows.length === 1 ? 'The 1 line item comes' : `The ${rows.length} line items add up`;
    return [
      {
        rule: 'line_items_sum',
        severity: 'error',
        field: 'line_items',
        message: `${lines} to ${centsToMoney(sum)}, but ${target.label} ${centsToMoney(target.cents)}.`,
      },
    ];
  },
};
