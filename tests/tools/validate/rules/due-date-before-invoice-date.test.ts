import { describe, expect, it } from 'vitest';
import { dueDateBeforeInvoiceDate } from '../../../../tools/validate/rules/due-date-before-invoice-date.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('due_date_before_invoice_date', () => {
  it.each([
    ['2025-03-15', '2025-04-14', false],
    ['2025-03-15', '2025-03-15', false],
    ['2025-03-15', '2025-03-14', true],
    ['2025-03-15', 'not a date', false],
  ])('issued %s, due %s: flagged %s', (issued, due, isFlagged) => {
    const findings = dueDateBeforeInvoiceDate.check(
      extraction('invoice', { invoice_date: issued, due_date: due }),
      context(),
    );
    expect(findings).toEqual(
      isFlagged
        ? [
            {
              rule: 'due_date_before_invoice_date',
              severity: 'error',
              field: 'due_date',
              message: `The due date ${due} is before the invoice date ${issued}.`,
            },
          ]
        : [],
    );
  });
});
