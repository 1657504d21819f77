import { describe, expect, it } from 'vitest';
import { taxExceedsTotal } from '../../../../tools/validate/rules/tax-exceeds-total.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('tax_exceeds_total', () => {
  it.each([
    ['6.00', '106.00', false],
    ['106.00', '106.00', false],
    ['160.00', '16.00', true],
    ['-6.00', '-106.00', false],
  ])('a receipt with tax %s and total %s is flagged: %s', (tax, total, isFlagged) => {
    const findings = taxExceedsTotal.check(
      extraction('receipt', { tax_amount: tax, total_amount: total }),
      context(),
    );
    expect(findings.length > 0).toBe(isFlagged);
    if (isFlagged) {
      expect(findings[0]).toEqual({
        rule: 'tax_exceeds_total',
        severity: 'error',
        field: 'tax_amount',
        message: `The tax ${tax} is more than the total ${total}.`,
      });
    }
  });
});

describe('tax_exceeds_total on invoices', () => {
  it.each([
    [{ tax_amount: '160.00', total_amount: '16.00' }, 1],
    [{ subtotal: '10.00', tax_amount: '160.00', total_amount: '16.00' }, 0],
  ])('with %j gives %i findings (a subtotal leaves it to totals_balance)', (values, count) => {
    expect(taxExceedsTotal.check(extraction('invoice', values), context())).toHaveLength(count);
  });
});
