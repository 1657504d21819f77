import { centsToMoney } from '../../understand/normalize/money.ts';
import { centsValue, textValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/**
 * How far box 1 may be from the approved invoices before it is worth a look: the larger of $1 and 1%. Box 1
 * counts payments made in the year and the invoices are counted by invoice date, so a December invoice paid in
 * January differs legitimately; the message gives both figures for the reviewer to judge.
 */
const toleranceCents = (totalCents: number) => Math.max(100, Math.round(Math.abs(totalCents) / 100));

/**
 * A 1099-NEC's compensation agrees with the recipient's approved invoices dated in the tax year
 * (`ctx.payee.approvedInvoices`, gathered by the caller); none at all is a warning too.
 */
export const necInvoiceTotal: Rule = {
  id: 'nec_invoice_total',
  docTypes: ['form_1099_nec'],
  check({ fields }, { payee, vendors }) {
    const paid = centsValue(fields, 'nonemployee_compensation');
    const invoices = payee?.approvedInvoices;
    if (paid === undefined || invoices === undefined) return [];
    const who = vendors.match?.name ?? textValue(fields, 'recipient_name');
    const { taxYear, count, totalCents } = invoices;
    if (count === 0) {
      return [
        {
          rule: 'nec_invoice_total',
          severity: 'warning',
          field: 'nonemployee_compensation',
          message: `No approved invoices from ${who} dated in ${taxYear} are on file to support the ${centsToMoney(paid)} reported; check the recipient and the amount.`,
        },
      ];
    }
    if (Math.abs(paid - totalCents) <= toleranceCents(totalCents)) return [];
    return [
      {
        rule: 'nec_invoice_total',
        severity: 'warning',
        field: 'nonemployee_compensation',
        message: `Nonemployee compensation ${centsToMoney(paid)} differs from ${centsToMoney(totalCents)}, the total of ${count} approved invoice${count === 1 ? '' : 's'} from ${who} dated in ${taxYear}; check the amount against the payments made.`,
      },
    ];
  },
};
