import { describeDocuments } from '../describe-documents.ts';
import type { Rule } from '../rule.ts';

/** Another invoice carries the same number (from the same vendor, as the caller queries it): a resend or a copy. */
export const duplicateInvoiceNumber: Rule = {
  id: 'duplicate_invoice_number',
  docTypes: ['invoice'],
  check({ fields }, { duplicates }) {
    const others = duplicates.sameInvoiceNumber;
    if (others.length === 0) return [];
    const number = typeof fields.invoice_number?.value === 'string' ? ` ${fields.invoice_number.value}` : '';
    return [
      {
        rule: 'duplicate_invoice_number',
        severity: 'error',
        field: 'invoice_number',
        message: `Invoice number${number} was already received in ${describeDocuments(others)}.`,
      },
    ];
  },
};
