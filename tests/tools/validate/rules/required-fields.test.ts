import { describe, expect, it } from 'vitest';
import { requiredFields } from '../../../../tools/validate/rules/required-fields.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const INVOICE = {
  vendor_name: 'Acme',
  invoice_number: 'INV-1',
  invoice_date: '2025-06-01',
  total_amount: '10.00',
};

describe('required_fields', () => {
  it.each([
    ['a complete invoice', 'invoice', INVOICE, []],
    ['an invoice without a number', 'invoice', { ...INVOICE, invoice_number: undefined }, ['invoice_number']],
    ['an invoice with an empty vendor name', 'invoice', { ...INVOICE, vendor_name: '  ' }, ['vendor_name']],
    ['a receipt with only a total', 'receipt', { total_amount: '5.00' }, ['merchant_name', 'date']],
    ['a W-9 with nothing', 'w9', {}, ['name', 'tax_classification', 'tin_type', 'tin']],
    ['a document of type other', 'other', {}, []],
  ] as const)('on %s reports the missing fields as errors', (_, docType, values, missing) => {
    const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    const findings = requiredFields.check(extraction(docType, defined), context());
    expect(findings.map((f) => f.field)).toEqual(missing);
    for (const f of findings) {
      expect(f).toMatchObject({ rule: 'required_fields', severity: 'error' });
      expect(f.message.toLowerCase()).toContain((f.field ?? '').replaceAll('_', ' '));
    }
  });

  it.each([
    ['w9', 'tin', 'The TIN was not found; enter it from the form; a W-9 without a TIN must be sent back'],
    ['w9', 'tin_type', 'The TIN type was not found; enter it from the document.'],
    [
      'form_1099_nec',
      'payer_tin',
      'The payer TIN was not found; enter it from the form; without it the 1099-NEC',
    ],
    [
      'form_1099_nec',
      'recipient_tin',
      "The recipient TIN was not found; enter it from the form or the recipient's W-9",
    ],
    ['invoice', 'vendor_name', 'The vendor name was not found; enter it from the document.'],
  ] as const)('on a %s names the missing %s in words and says where to find it', (docType, field, start) => {
    const finding = requiredFields.check(extraction(docType, {}), context()).find((f) => f.field === field);
    expect(finding?.message.startsWith(start)).toBe(true);
  });
});
