import { rgb } from 'pdf-lib';
import { invoiceTotalsInCents, type SynthInvoice } from './synth-invoice.ts';
import { createSynthPdf, embedFamily, type FontFamily, writerFor } from './synth-pdf.ts';
import { printDate, printMoney } from './synth-values.ts';

/**
 * The layout of most invoicing apps: a big "INVOICE" top left, the vendor block right-aligned top right,
 * "Bill To" on the left with the invoice details beside it, a ruled table and a shaded total.
 */
export async function drawModernInvoice(invoice: SynthInvoice, family: FontFamily): Promise<Uint8Array> {
  const pdf = await createSynthPdf();
  const page = pdf.addPage([612, 792]);
  const [font, bold] = await embedFamily(pdf, family);
  const w = writerFor(page, font, bold);
  const money = (cents: number) => `${invoice.currency.symbol}${printMoney(cents)}`;
  const date = (d: SynthInvoice['date']) => printDate(d, invoice.dateStyle);

  w.text('INVOICE', 40, 730, 26, true);
  w.right(invoice.vendor.name, 572, 740, 13, true);
  invoice.vendor.addressLines.forEach((line, i) => {
    w.right(line, 572, 724 - i * 13, 9.5);
  });
  if (invoice.vendorTaxId) {
    const { label, value } = invoice.vendorTaxId;
    w.right(`${label}: ${value}`, 572, 724 - invoice.vendor.addressLines.length * 13, 9.5);
  }

  w.text('Bill To', 40, 650, 10, true);
  w.text(invoice.customer.name, 40, 636);
  invoice.customer.addressLines.forEach((line, i) => {
    w.text(line, 40, 622 - i * 13, 9.5);
  });
  const details: Array<[string, string]> = [
    ['Invoice #', invoice.number],
    ['Invoice Date', date(invoice.date)],
    ...(invoice.due ? [['Due Date', date(invoice.due)] as [string, string]] : []),
    ...(invoice.po ? [['P.O. Number', invoice.po] as [string, string]] : []),
  ];
  details.forEach(([label, value], i) => {
    w.text(label, 360, 650 - i * 15, 10, true);
    w.right(value, 572, 650 - i * 15);
  });

  let y = 560;
  page.drawRectangle({ x: 40, y: y - 5, width: 532, height: 18, color: rgb(0.88, 0.9, 0.94) });
  w.text('Description', 46, y, 10, true);
  w.right('Qty', 370, y, 10, true);
  w.right('Rate', 470, y, 10, true);
  w.right('Amount', 566, y, 10, true);
  for (const line of invoice.lines) {
    y -= 20;
    w.text(line.description, 46, y);
    w.right(String(line.quantity), 370, y);
    w.right(printMoney(line.unitCents), 470, y);
    w.right(printMoney(line.quantity * line.unitCents), 566, y);
  }
  w.rule(y - 10);
  const totals = invoiceTotalsInCents(invoice);
  y -= 34;
  w.text('Subtotal', 380, y);
  w.right(money(totals.subtotal), 566, y);
  w.text(`${invoice.taxLabel} (${invoice.taxRate}%)`, 380, y - 16);
  w.right(money(totals.tax), 566, y - 16);
  page.drawRectangle({ x: 374, y: y - 43, width: 198, height: 20, color: rgb(0.88, 0.9, 0.94) });
  w.text('Total', 380, y - 37, 12, true);
  w.right(money(totals.total), 566, y - 37, 12, true);

  if (invoice.bank) {
    y -= 90;
    w.text('Payment details', 40, y, 10, true);
    for (const { label, value } of [{ label: 'Bank', value: invoice.bank.name }, ...invoice.bank.rows]) {
      y -= 14;
      w.text(label, 40, y, 9.5);
      w.text(value, 150, y, 9.5);
    }
  }
  w.center('Thank you for your business.', 60, 9);
  return pdf.save();
}
