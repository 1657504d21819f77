import type { Rng } from './synth-document.ts';
import {
  addDays,
  type CalendarDate,
  contractMoney,
  type DateStyle,
  digits,
  isoDate,
  type Party,
  taxOf,
} from './synth-values.ts';

/** One invoice's content, before any layout draws it; money in integer cents. */
export type SynthInvoice = {
  vendor: Party;
  vendorTaxId?: { label: string; value: string };
  customer: Party;
  number: string;
  date: CalendarDate;
  due?: CalendarDate;
  po?: string;
  currency: { code: string; symbol: string; decimals: 'dot' | 'comma' };
  dateStyle: DateStyle;
  lines: Array<{ description: string; quantity: number; unitCents: number }>;
  taxRate: number;
  taxLabel: string;
  bank?: { name: string; rows: Array<{ label: string; value: string }>; account: string; routing: string };
};

const SERVICES = [
  'Consulting services',
  'Software licence (annual)',
  'Implementation support',
  'Cloud hosting',
  'Design workshop',
  'Freight and handling',
  'Office supplies',
  'Printer toner cartridges',
  'Maintenance contract',
  'Training session',
  'Data migration',
  'Travel expenses',
  'Network equipment',
  'Security audit',
  'Translation services',
  'Project management',
];

/** Lines from a few dollars to a few thousand: dearer units come in smaller quantities. */
export function invoiceLines(rng: Rng, count: number): SynthInvoice['lines'] {
  return Array.from({ length: count }, () => {
    const scale = rng.pick([1, 10, 10, 100]);
    return {
      description: rng.pick(SERVICES),
      quantity: scale === 100 ? rng.pick([1, 1, 2, 3]) : rng.pick([1, 2, 3, 4, 5, 8, 10, 12, 20]),
      unitCents: rng.int(2, 25) * scale * 100 + rng.pick([0, 0, 0, 50, 95, 99]) * (scale === 1 ? 1 : 0),
    };
  });
}

export function invoiceNumber(rng: Rng): string {
  const year = rng.int(2022, 2026);
  return rng.pick([
    `INV-${year}-${digits(rng, 4)}`,
    `${digits(rng, 6)}`,
    `INV${digits(rng, 5)}`,
    `${year}/${digits(rng, 3)}`,
    `RE-${digits(rng, 5)}`,
  ]);
}

export function dueAfter(rng: Rng, date: CalendarDate): CalendarDate {
  return addDays(date, rng.pick([14, 15, 30, 30, 45, 60]));
}

export function invoiceTotalsInCents(invoice: SynthInvoice) {
  const subtotal = invoice.lines.reduce((sum, line) => sum + line.quantity * line.unitCents, 0);
  const tax = taxOf(subtotal, invoice.taxRate);
  return { subtotal, tax, total: subtotal + tax };
}

/** What a perfect extractor returns for the invoice, in the contract's formats; only what the page prints. */
export function invoiceExpected(invoice: SynthInvoice): Record<string, unknown> {
  const totals = invoiceTotalsInCents(invoice);
  return {
    vendor_name: invoice.vendor.name,
    vendor_address: invoice.vendor.addressLines.join(', '),
    ...(invoice.vendorTaxId && { vendor_tax_id: invoice.vendorTaxId.value }),
    customer_name: invoice.customer.name,
    invoice_number: invoice.number,
    invoice_date: isoDate(invoice.date),
    ...(invoice.due && { due_date: isoDate(invoice.due) }),
    ...(invoice.po && { po_number: invoice.po }),
    currency: invoice.currency.code,
    subtotal: contractMoney(totals.subtotal),
    tax_amount: contractMoney(totals.tax),
    total_amount: contractMoney(totals.total),
    ...(invoice.bank && { bank_account: invoice.bank.account, bank_routing: invoice.bank.routing }),
  };
}
