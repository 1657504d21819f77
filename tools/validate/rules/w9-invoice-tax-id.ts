import { textValue } from '../field-values.ts';
import { maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';

/** How many invoices a message names before it says "and N more". */
const LISTED = 3;

/**
 * The payee's invoices on file print a tax id other than the W-9's TIN (`ctx.payee`, gathered by the caller).
 * A warning: an invoice may print a VAT number or a parent company's EIN, but the 1099 must carry the W-9's.
 */
export const w9InvoiceTaxId: Rule = {
  id: 'w9_invoice_tax_id',
  docTypes: ['w9'],
  check({ fields }, { payee, vendors }) {
    const tin = textValue(fields, 'tin');
    const invoices = payee?.invoicesWithOtherTaxId ?? [];
    if (!tin || invoices.length === 0) return [];
    const who = vendors.match?.name ?? textValue(fields, 'business_name') ?? textValue(fields, 'name');
    const listed = invoices
      .slice(0, LISTED)
      .map((invoice) =>
        invoice.invoiceNumber ? `${invoice.invoiceNumber} (${invoice.file})` : invoice.file,
      );
    const more = invoices.length > LISTED ? ` and ${invoices.length - LISTED} more` : '';
    const count = invoices.length === 1 ? '1 invoice' : `${invoices.length} invoices`;
    return [
      {
        rule: 'w9_invoice_tax_id',
        severity: 'warning',
        field: 'tin',
        message: `${count} from ${who} print${invoices.length === 1 ? 's' : ''} a tax id other than this W-9's TIN ${maskIdentifier(tin)}: ${listed.join(', ')}${more}; check which is the payee's.`,
      },
    ];
  },
};
