import { describe, expect, it } from 'vitest';
import { moneyFormat } from '../../../../tools/validate/rules/money-format.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('money_format', () => {
  it.each([
    ['1234.50', true],
    ['-12.00', true],
    ['0.00', true],
    ['1,234.50', false],
    ['$12.00', false],
    ['12.5', false],
    ['12', false],
    ['12,50', false],
    [12.5, false],
  ])('a total of %j is accepted: %s', (value, isValid) => {
    const findings = moneyFormat.check(extraction('receipt', { total_amount: value }), context());
    expect(findings.length === 0).toBe(isValid);
    if (!isValid) {
      expect(findings[0]).toMatchObject({ rule: 'money_format', severity: 'error', field: 'total_amount' });
    }
  });

  it('checks the amounts of line items and names the row', () => {
    const findings = moneyFormat.check(
      extraction('invoice', {
        line_items: [
          { description: 'A', amount: '10.00', unit_price: '5.00' },
          { description: 'B', amount: '1.000,00' },
        ],
      }),
      context(),
    );
    expect(findings).toEqual([
      {
        rule: 'money_format',
        severity: 'error',
        field: 'line_items',
        message: 'Row 2: the amount "1.000,00" is not a decimal amount like 1234.50.',
      },
    ]);
  });
});
