import { describe, expect, it } from 'vitest';
import { totalsBalance } from '../../../../tools/validate/rules/totals-balance.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('totals_balance', () => {
  it.each([
    [{ subtotal: '100.00', tax_amount: '8.00', total_amount: '108.00' }, undefined],
    [
      { subtotal: '100.00', tax_amount: '8.00', total_amount: '110.00' },
      'subtotal 100.00 + tax 8.00 = 108.00, but the total is 110.00.',
    ],
    // Floats would make 0.10 + 0.20 = 0.30000000000000004; cents make it exact.
    [{ subtotal: '0.10', tax_amount: '0.20', total_amount: '0.30' }, undefined],
    [{ subtotal: '1234567.89', tax_amount: '0.01', total_amount: '1234567.90' }, undefined],
    [
      { subtotal: '19.99', tax_amount: '1.60', total_amount: '21.60' },
      'subtotal 19.99 + tax 1.60 = 21.59, but the total is 21.60.',
    ],
    [{ subtotal: '-50.00', tax_amount: '-4.00', total_amount: '-54.00' }, undefined],
    [{ subtotal: '100.00', total_amount: '100.00' }, undefined],
    [
      { subtotal: '100.00', total_amount: '108.00' },
      'subtotal 100.00 with no tax found, but the total is 108.00.',
    ],
    [{ tax_amount: '8.00', total_amount: '110.00' }, undefined],
    [{ subtotal: '1,000.00', tax_amount: '8.00', total_amount: '110.00' }, undefined],
  ])('%j → %s', (values, message) => {
    const findings = totalsBalance.check(extraction('invoice', values), context());
    if (message === undefined) expect(findings).toEqual([]);
    else
      expect(findings).toEqual([
        { rule: 'totals_balance', severity: 'error', field: 'total_amount', message },
      ]);
  });
});
