import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../../tools/documents/extraction-result.ts';
import { DOC_TYPES } from '../../../tools/documents/types/index.ts';
import { RULES, validateExtraction } from '../../../tools/validate/validate-extraction.ts';
import { context, extraction } from './support/rule-fixtures.ts';

const CLEAN_INVOICE = {
  vendor_name: 'Northwind Traders LLC',
  vendor_tax_id: '12-3456789',
  invoice_number: 'INV-2025-1042',
  invoice_date: '2025-06-01',
  due_date: '2025-07-01',
  currency: 'USD',
  subtotal: '1734.50',
  tax_amount: '173.45',
  total_amount: '1907.95',
  line_items: [
    { description: 'Consulting services', quantity: '10', unit_price: '150.00', amount: '1500.00' },
    { description: 'Travel expenses', quantity: '1', unit_price: '234.50', amount: '234.50' },
  ],
};

describe('validateExtraction', () => {
  it('has one rule per id, each snake_case', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('finds nothing wrong with a clean invoice', () => {
    expect(validateExtraction(extraction('invoice', CLEAN_INVOICE), context())).toEqual([]);
  });

  it.each([
    [
      'w9',
      {
        name: 'Jo Smith',
        business_name: 'Smith Design',
        tax_classification: 'individual',
        tin_type: 'SSN',
        tin: '123-45-6789',
        signature_date: '2025-06-01',
      },
    ],
    [
      'form_1099_nec',
      {
        tax_year: '2024',
        payer_name: 'Northwind Traders',
        payer_tin: '12-3456789',
        recipient_name: 'Jo Smith',
        recipient_tin: '912-70-1234',
        nonemployee_compensation: '7500.00',
        federal_tax_withheld: '0.00',
      },
    ],
    [
      'bank_statement',
      {
        bank_name: 'First Bank',
        account_number_last4: '4321',
        period_start: '2025-05-01',
        period_end: '2025-05-31',
        opening_balance: '1000.00',
        closing_balance: '800.10',
        transactions: [
          { date: '2025-05-02', description: 'Rent', amount: '-250.10' },
          { date: '2025-05-31', description: 'Interest', amount: '50.20' },
        ],
      },
    ],
  ] as const)('finds nothing wrong with a clean %s', (docType, values) => {
    expect(validateExtraction(extraction(docType, values), context())).toEqual([]);
  });

  it('never puts a whole W-9 or 1099 TIN in a message', () => {
    const tin = fc.stringMatching(/^(\d{2}-\d{7}|\d{3}-\d{2}-\d{4}|\d{9})$/);
    fc.assert(
      fc.property(tin, tin, (payer, recipient) => {
        const vendor = { id: 'v', name: 'Jo Smith', aliases: [], taxId: '98-7654321' };
        const ctx = context({ vendors: { count: 1, match: vendor } });
        const findings = [
          ...validateExtraction(extraction('w9', { tin: payer, tax_classification: 'c_corporation' }), ctx),
          ...validateExtraction(
            extraction('form_1099_nec', { payer_tin: payer, recipient_tin: recipient }),
            ctx,
          ),
        ];
        for (const f of findings)
          for (const secret of [payer, recipient]) expect(f.message).not.toContain(secret);
      }),
    );
  });

  it('reports an unbalanced total as totals_balance on total_amount', () => {
    const findings = validateExtraction(
      extraction('invoice', { ...CLEAN_INVOICE, total_amount: '1910.00' }),
      context(),
    );
    expect(findings).toContainEqual({
      rule: 'totals_balance',
      severity: 'error',
      field: 'total_amount',
      message: 'subtotal 1734.50 + tax 173.45 = 1907.95, but the total is 1910.00.',
    });
  });

  it('runs only the rules of the document type', () => {
    // A receipt carries no invoice number, so duplicate invoice numbers the caller passed do not apply.
    const ref = { documentId: 'd', file: 'x.pdf', createdAt: '2025-06-01' };
    const ctx = context({ duplicates: { sameContent: [], sameInvoiceNumber: [ref], sameAmount: [] } });
    const receipt = { merchant_name: 'Kedai', date: '2025-06-01', total_amount: '9.90' };
    expect(validateExtraction(extraction('receipt', receipt), ctx)).toEqual([]);
  });

  it('lists findings in rule order: presence, then formats, then arithmetic', () => {
    const findings = validateExtraction(
      extraction('invoice', {
        ...CLEAN_INVOICE,
        vendor_name: undefined,
        currency: 'usd',
        total_amount: '1.00',
      }),
      context({ vendors: { count: 4 } }),
    );
    expect(findings.map((f) => f.rule)).toEqual(['required_fields', 'currency_code', 'totals_balance']);
  });

  it('returns findings that fit the extraction result schema, for any field values', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.object()), fc.object());
    fc.assert(
      fc.property(
        fc.constantFrom(...DOC_TYPES),
        fc.dictionary(fc.constantFrom(...Object.keys(CLEAN_INVOICE), 'tin', 'date', 'transactions'), value),
        (docType, values) => {
          for (const finding of validateExtraction(
            extraction(docType, values),
            context({ vendors: { count: 2 } }),
          )) {
            expect(FindingSchema.safeParse(finding).success).toBe(true);
          }
        },
      ),
    );
  });

  it('never puts a whole tax id or account number in a message', () => {
    const id = fc.stringMatching(/^[A-Z0-9]{8,20}$/);
    fc.assert(
      fc.property(id, id, id, (taxId, account, routing) => {
        const vendor = {
          id: 'v',
          name: 'Northwind',
          aliases: [],
          taxId: 'X1',
          bankAccount: 'X2',
          bankRouting: 'X3',
        };
        const findings = validateExtraction(
          extraction('invoice', {
            ...CLEAN_INVOICE,
            vendor_tax_id: taxId,
            bank_account: account,
            bank_routing: routing,
          }),
          context({ vendors: { count: 1, match: vendor } }),
        );
        for (const f of findings)
          for (const secret of [taxId, account, routing]) expect(f.message).not.toContain(secret);
      }),
    );
  });
});
