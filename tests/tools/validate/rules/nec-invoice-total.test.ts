import { describe, expect, it } from 'vitest';
import { necInvoiceTotal } from '../../../../tools/validate/rules/nec-invoice-total.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const approved = (count: number, totalCents: number) => ({
  payee: { invoicesWithOtherTaxId: [], approvedInvoices: { taxYear: 2025, count, totalCents } },
});

describe('nec_invoice_total', () => {
  it.each([
    ['equal to the invoices', '12000.00', approved(4, 1_200_000), undefined],
    ['within 1% of a large total', '12100.00', approved(4, 1_200_000), undefined],
    ['just past 1%', '12120.01', approved(4, 1_200_000), 'differs'],
    ['within $1 of a small total', '50.99', approved(1, 5_000), undefined],
    ['more than $1 off a small total', '51.01', approved(1, 5_000), 'differs'],
    ['no approved invoices', '700.00', approved(0, 0), 'none'],
    ['no payee history gathered', '700.00', {}, undefined],
  ] as const)('compensation %s: %s', (_, paid, ctx, expected) => {
    const findings = necInvoiceTotal.check(
      extraction('form_1099_nec', { recipient_name: 'Jo Smith', nonemployee_compensation: paid }),
      context(ctx),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.field])).toEqual(
      expected ? [['nec_invoice_total', 'warning', 'nonemployee_compensation']] : [],
    );
    if (expected === 'none')
      expect(findings[0]?.message).toMatch(/^No approved invoices from Jo Smith dated in 2025/);
    if (expected === 'differs') expect(findings[0]?.message).toMatch(/^Nonemployee compensation /);
  });

  it('states both figures, the invoice count and the year', () => {
    const [finding] = necInvoiceTotal.check(
      extraction('form_1099_nec', { recipient_name: 'Jo Smith', nonemployee_compensation: '9000.00' }),
      context({
        ...approved(3, 750_000),
        vendors: { count: 1, match: { id: 'v', name: 'Smith Design', aliases: [] } },
      }),
    );
    expect(finding?.message).toBe(
      'Nonemployee compensation 9000.00 differs from 7500.00, the total of 3 approved invoices from Smith Design dated in 2025; check the amount against the payments made.',
    );
  });
});
