import { describe, expect, it } from 'vitest';
import { dateFormat } from '../../../../tools/validate/rules/date-format.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('date_format', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-04-31', false],
    ['03/15/2025', false],
    ['2025-3-5', false],
    [20250315, false],
  ])('an invoice date of %j is accepted: %s', (value, isValid) => {
    const findings = dateFormat.check(extraction('invoice', { invoice_date: value }), context());
    expect(findings.length === 0).toBe(isValid);
    if (!isValid)
      expect(findings[0]).toMatchObject({ rule: 'date_format', severity: 'error', field: 'invoice_date' });
  });

  it('checks every date field of the type and the dates in table rows', () => {
    const findings = dateFormat.check(
      extraction('bank_statement', {
        period_start: '2025-01-01',
        period_end: '2025-01-32',
        transactions: [
          { date: '2025-01-05', description: 'Fee', amount: '-1.00' },
          { date: '5 Jan', description: 'Fee', amount: '-1.00' },
        ],
      }),
      context(),
    );
    expect(findings.map((f) => [f.field, f.message])).toEqual([
      ['period_end', 'The period end "2025-01-32" is not a real date in YYYY-MM-DD form.'],
      ['transactions', 'Row 2: the date "5 Jan" is not a real date in YYYY-MM-DD form.'],
    ]);
  });

  it.each([
    ['2024', 0],
    ['24', 1],
  ])('a 1099 tax year of %s gives %i findings', (year, count) => {
    expect(dateFormat.check(extraction('form_1099_nec', { tax_year: year }), context())).toHaveLength(count);
  });

  it('ignores fields that are absent', () => {
    expect(dateFormat.check(extraction('receipt', {}), context())).toEqual([]);
  });
});
