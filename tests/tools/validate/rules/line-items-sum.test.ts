import { describe, expect, it } from 'vitest';
import { lineItemsSum } from '../../../../tools/validate/rules/line-items-sum.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const line = (amount?: string) => ({ description: 'Item', ...(amount === undefined ? {} : { amount }) });

describe('line_items_sum', () => {
  it.each([
    ['lines equal to the subtotal', [line('1500.00'), line('234.50')], { subtotal: '1734.50' }, undefined],
    [
      'a missed line',
      [line('1500.00')],
      { subtotal: '1734.50' },
      'The 1 line item comes to 1500.00, but the subtotal is 1734.50.',
    ],
    [
      'lines against the total less tax when there is no subtotal',
      [line('0.10'), line('0.20')],
      { tax_amount: '0.03', total_amount: '0.33' },
      undefined,
    ],
    [
      'lines against the total when there is neither subtotal nor tax',
      [line('90.00'), line('200.00')],
      { total_amount: '300.00' },
      'The 2 line items add up to 290.00, but the total is 300.00.',
    ],
    ['a line without an amount', [line('90.00'), line()], { subtotal: '300.00' }, undefined],
    ['no lines', [], { subtotal: '300.00' }, undefined],
    ['nothing to compare with', [line('1.00')], {}, undefined],
  ])('%s', (_, items, totals, message) => {
    const findings = lineItemsSum.check(extraction('invoice', { ...totals, line_items: items }), context());
    if (message === undefined) expect(findings).toEqual([]);
    else
      expect(findings).toEqual([{ rule: 'line_items_sum', severity: 'error', field: 'line_items', message }]);
  });
});
