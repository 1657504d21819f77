import { describe, expect, it } from 'vitest';
import type { InvoiceRef } from '../../../../tools/validate/rule.ts';
import { w9InvoiceTaxId } from '../../../../tools/validate/rules/w9-invoice-tax-id.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const invoice = (n: number, invoiceNumber?: string): InvoiceRef => ({
  documentId: `d${n}`,
  file: `inv-${n}.pdf`,
  ...(invoiceNumber && { invoiceNumber }),
});

describe('w9_invoice_tax_id', () => {
  it.each([
    ['no invoices with another tax id', [], undefined],
    [
      'one',
      [invoice(1, 'A-1')],
      "1 invoice from Northwind prints a tax id other than this W-9's TIN ******6789: A-1 (inv-1.pdf); check which is the payee's.",
    ],
    [
      'five, some without a number',
      [invoice(1, 'A-1'), invoice(2), invoice(3, 'A-3'), invoice(4), invoice(5)],
      "5 invoices from Northwind print a tax id other than this W-9's TIN ******6789: A-1 (inv-1.pdf), inv-2.pdf, A-3 (inv-3.pdf) and 2 more; check which is the payee's.",
    ],
  ])('%s', (_, invoicesWithOtherTaxId, message) => {
    const findings = w9InvoiceTaxId.check(
      extraction('w9', { name: 'Northwind', tin: '12-3456789' }),
      context({ payee: { invoicesWithOtherTaxId } }),
    );
    expect(findings).toEqual(
      message ? [{ rule: 'w9_invoice_tax_id', severity: 'warning', field: 'tin', message }] : [],
    );
  });

  it('says nothing when the caller gathered no payee history', () => {
    expect(w9InvoiceTaxId.check(extraction('w9', { tin: '12-3456789' }), context())).toEqual([]);
  });
});
