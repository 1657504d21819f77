import { describe, expect, it } from 'vitest';
import { possibleDuplicateAmount } from '../../../../tools/validate/rules/possible-duplicate-amount.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('possible_duplicate_amount', () => {
  it('warns and names the documents with the same amount', () => {
    const ctx = context({
      duplicates: {
        sameContent: [],
        sameInvoiceNumber: [],
        sameAmount: [{ documentId: 'd1', file: 'scan-0042.png', createdAt: '2025-05-30T08:00:00Z' }],
      },
    });
    expect(possibleDuplicateAmount.check(extraction('receipt', { total_amount: '80.90' }), ctx)).toEqual([
      {
        rule: 'possible_duplicate_amount',
        severity: 'warning',
        field: 'total_amount',
        message: 'The same amount 80.90 appears on scan-0042.png (2025-05-30); check it is not a duplicate.',
      },
    ]);
  });

  it('is silent when no other document has the amount', () => {
    expect(
      possibleDuplicateAmount.check(extraction('receipt', { total_amount: '80.90' }), context()),
    ).toEqual([]);
  });
});
