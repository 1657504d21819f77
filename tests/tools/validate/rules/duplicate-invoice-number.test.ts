import { describe, expect, it } from 'vitest';
import { duplicateInvoiceNumber } from '../../../../tools/validate/rules/duplicate-invoice-number.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('duplicate_invoice_number', () => {
  it('names the other invoices with the same number', () => {
    const ctx = context({
      duplicates: {
        sameContent: [],
        sameInvoiceNumber: [{ documentId: 'd1', file: 'march.pdf', createdAt: '2025-03-16T08:00:00Z' }],
        sameAmount: [],
      },
    });
    expect(duplicateInvoiceNumber.check(extraction('invoice', { invoice_number: 'INV-7' }), ctx)).toEqual([
      {
        rule: 'duplicate_invoice_number',
        severity: 'error',
        field: 'invoice_number',
        message: 'Invoice number INV-7 was already received in march.pdf (2025-03-16).',
      },
    ]);
  });

  it('is silent when no other invoice has the number', () => {
    expect(
      duplicateInvoiceNumber.check(extraction('invoice', { invoice_number: 'INV-7' }), context()),
    ).toEqual([]);
  });
});
