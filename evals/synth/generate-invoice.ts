import { drawEuropeanInvoice } from './draw-invoice-european.ts';
import { drawModernInvoice } from './draw-invoice-modern.ts';
import { drawMultiPageInvoice } from './draw-invoice-multipage.ts';
import { invoiceTotals, makeInvoicePdf } from './make-invoice-pdf.ts';
import type { Rng, SynthDocument, SynthGenerator } from './synth-document.ts';
import {
  dueAfter,
  invoiceExpected,
  invoiceLines,
  invoiceNumber,
  type SynthInvoice,
} from './synth-invoice.ts';
import { stabilizePdf } from './synth-pdf.ts';
import {
  contractMoney,
  digits,
  euCompany,
  groupIban,
  makeIban,
  printDate,
  randomDate,
  usCompany,
} from './synth-values.ts';

export const INVOICE_LAYOUTS = ['classic', 'modern', 'european', 'multi-page'] as const;

const US_CURRENCIES = [
  { code: 'USD', symbol: '$', decimals: 'dot' },
  { code: 'USD', symbol: '$', decimals: 'dot' },
  { code: 'USD', symbol: 'US$', decimals: 'dot' },
  { code: 'CAD', symbol: 'CA$', decimals: 'dot' },
] as const;

function usBank(rng: Rng): SynthInvoice['bank'] {
  const account = digits(rng, rng.int(8, 12));
  const routing = digits(rng, 9);
  return {
    name: rng.pick(['First Harbor Bank', 'Cascade Savings Bank', 'Pioneer National Bank']),
    rows: [
      { label: 'Account No.', value: account },
      { label: 'Routing No.', value: routing },
    ],
    account,
    routing,
  };
}

/** The content every US-style layout shares; the layout only changes how it is drawn. */
function usInvoice(rng: Rng, lineCount: number): SynthInvoice {
  const date = randomDate(rng);
  const hasEin = rng.chance(0.5);
  return {
    vendor: usCompany(rng),
    ...(hasEin && { vendorTaxId: { label: 'EIN', value: `${digits(rng, 2)}-${digits(rng, 7)}` } }),
    customer: usCompany(rng),
    number: invoiceNumber(rng),
    date,
    ...(rng.chance(0.8) && { due: dueAfter(rng, date) }),
    ...(rng.chance(0.4) && { po: `PO-${digits(rng, 5)}` }),
    currency: { ...rng.pick(US_CURRENCIES) },
    dateStyle: rng.pick(['us', 'us', 'us-long', 'iso'] as const),
    lines: invoiceLines(rng, lineCount),
    taxRate: rng.pick([0, 5, 6, 7, 8, 10]),
    taxLabel: rng.pick(['Tax', 'Sales Tax']),
    ...(rng.chance(0.4) && { bank: usBank(rng) }),
  };
}

function europeanInvoice(rng: Rng): SynthInvoice {
  const date = randomDate(rng);
  const country = rng.pick(['DE', 'NL', 'BE', 'AT'] as const);
  const iban = makeIban(country, digits(rng, country === 'AT' ? 16 : 18));
  const bic = `${rng.pick(['DEUT', 'COBA', 'INGB', 'RABO', 'GEBA'])}${country}${rng.pick(['FF', '2A', 'BB'])}`;
  return {
    vendor: euCompany(rng, country),
    vendorTaxId: { label: 'VAT No.', value: `${country}${digits(rng, 9)}` },
    customer: euCompany(rng, rng.pick(['DE', 'NL', 'BE', 'AT'] as const)),
    number: invoiceNumber(rng),
    date,
    ...(rng.chance(0.7) && { due: dueAfter(rng, date) }),
    ...(rng.chance(0.3) && { po: digits(rng, 7) }),
    currency: { code: 'EUR', symbol: '€', decimals: 'comma' },
    dateStyle: 'dotted',
    lines: invoiceLines(rng, rng.int(1, 6)),
    taxRate: rng.pick([19, 21, 20, 7]),
    taxLabel: 'VAT',
    bank: {
      name: rng.pick(['Deutsche Bank', 'ING Bank', 'Rabobank', 'Erste Bank']),
      rows: [
        { label: 'IBAN', value: groupIban(iban) },
        { label: 'BIC', value: bic },
      ],
      account: iban,
      routing: bic,
    },
  };
}

/** The original fixture layout (make-invoice-pdf.ts): its own float arithmetic decides the printed totals. */
async function classicInvoice(rng: Rng): Promise<SynthDocument> {
  const invoice = usInvoice(rng, rng.int(1, 6));
  invoice.vendorTaxId = undefined;
  invoice.po = undefined;
  const fixture = {
    vendor: invoice.vendor.name,
    vendorAddress: invoice.vendor.addressLines,
    customer: invoice.customer.name,
    invoiceNumber: invoice.number,
    invoiceDate: printDate(invoice.date, invoice.dateStyle),
    dueDate: invoice.due && printDate(invoice.due, invoice.dateStyle),
    currencySymbol: invoice.currency.symbol,
    lines: invoice.lines.map((l) => ({ ...l, unitPrice: l.unitCents / 100 })),
    taxRate: invoice.taxRate / 100,
    ...(invoice.bank && { bank: { name: invoice.bank.name, lines: invoice.bank.rows } }),
  };
  const totals = invoiceTotals(fixture);
  const expected = {
    ...invoiceExpected(invoice),
    subtotal: contractMoney(Math.round(Number(totals.subtotal) * 100)),
    tax_amount: contractMoney(Math.round(Number(totals.tax) * 100)),
    total_amount: contractMoney(Math.round(Number(totals.total) * 100)),
  };
  return {
    docType: 'invoice',
    layout: 'classic',
    pdf: await stabilizePdf(await makeInvoicePdf(fixture)),
    expected,
  };
}

/** Invoices in four layouts, three fonts, US and European conventions; 1 to 70 lines. */
export const generateInvoice: SynthGenerator = async (rng) => {
  const layout = rng.pick(INVOICE_LAYOUTS);
  if (layout === 'classic') return classicInvoice(rng);
  const family = rng.pick(['helvetica', 'helvetica', 'times', 'courier'] as const);
  const invoice =
    layout === 'european'
      ? europeanInvoice(rng)
      : usInvoice(rng, layout === 'multi-page' ? rng.int(30, 70) : rng.int(1, 8));
  const draw =
    layout === 'european'
      ? drawEuropeanInvoice
      : layout === 'modern'
        ? drawModernInvoice
        : drawMultiPageInvoice;
  return { docType: 'invoice', layout, pdf: await draw(invoice, family), expected: invoiceExpected(invoice) };
};
