import { type InvoiceFixture, invoiceTotals } from '../../evals/synth/make-invoice-pdf.ts';

/** Today as printed on a US invoice, so the date rules see a current document whenever the test runs. */
export function printedToday(): string {
  const now = new Date();
  return `${String(now.getMonth() + 1).padStart(2, '0')}/${String(now.getDate()).padStart(2, '0')}/${now.getFullYear()}`;
}

/** An invoice dated today whose printed total is ten dollars more than its lines and tax: it lands in review. */
export function unbalancedInvoice(
  invoiceNumber: string,
  overrides: Partial<InvoiceFixture> = {},
): InvoiceFixture {
  const fixture: InvoiceFixture = {
    vendor: 'Fabrikam Supplies LLC',
    vendorAddress: ['77 Mill Road', 'Portland, OR 97201'],
    customer: 'Contoso Finance Inc.',
    invoiceNumber,
    invoiceDate: printedToday(),
    currencySymbol: '$',
    lines: [{ description: 'Printer paper, boxes', quantity: 4, unitPrice: 20 }],
    taxRate: 0.1,
    ...overrides,
  };
  return { ...fixture, printedTotal: Number(invoiceTotals(fixture).total) + 10 };
}
