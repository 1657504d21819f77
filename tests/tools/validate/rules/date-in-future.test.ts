import { describe, expect, it } from 'vitest';
import { dateInFuture } from '../../../../tools/validate/rules/date-in-future.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

// Now is 2025-06-15T12:00Z (see rule-fixtures).
describe('date_in_future', () => {
  it.each([
    ['invoice', 'invoice_date', '2025-06-15', false],
    ['invoice', 'invoice_date', '2025-06-16', false],
    ['invoice', 'invoice_date', '2025-06-17', true],
    ['invoice', 'invoice_date', '2026-06-15', true],
    ['receipt', 'date', '2025-07-01', true],
    ['w9', 'signature_date', '2025-12-01', true],
    ['bank_statement', 'period_end', '2025-06-30', true],
    // Due dates and service periods lie ahead as a matter of course.
    ['invoice', 'due_date', '2025-12-01', false],
    ['invoice', 'period_end', '2025-12-01', false],
  ] as const)('a %s with %s %s is flagged: %s', (docType, field, date, isFlagged) => {
    const findings = dateInFuture.check(extraction(docType, { [field]: date }), context());
    expect(findings).toEqual(
      isFlagged
        ? [
            {
              rule: 'date_in_future',
              severity: 'error',
              field,
              message: `The ${field.replaceAll('_', ' ')} ${date} is in the future.`,
            },
          ]
        : [],
    );
  });

  it.each([
    ['2024', false],
    ['2025', false],
    ['2026', true],
  ])('a 1099 for tax year %s is flagged: %s', (year, isFlagged) => {
    const findings = dateInFuture.check(extraction('form_1099_nec', { tax_year: year }), context());
    expect(findings.map((f) => f.field)).toEqual(isFlagged ? ['tax_year'] : []);
  });
});
