import { invoiceTotalsInCents, type SynthInvoice } from './synth-invoice.ts';
import { createSynthPdf, embedFamily, type FontFamily, writerFor } from './synth-pdf.ts';
import { printDate, printMoney } from './synth-values.ts';

/**
 * A European invoice: A4, the sender line above the recipient's window address, VAT number, positions
 * numbered, comma decimals with the euro sign after the amount, DD.MM.YYYY dates, IBAN/BIC in the footer.
 */
export async function drawEuropeanInvoice(invoice: SynthInvoice, family: FontFamily): Promise<Uint8Array> {
  const pdf = await createSynthPdf();
  const page = pdf.addPage([595, 842]);
  const [font, bold] = await embedFamily(pdf, family);
  const w = writerFor(page, font, bold, 9.5);
  const money = (cents: number) => `${printMoney(cents, 'comma')} ${invoice.currency.symbol}`;
  const date = (d: SynthInvoice['date']) => printDate(d, invoice.dateStyle);

  w.text(invoice.vendor.name, 50, 790, 15, true);
  invoice.vendor.addressLines.forEach((line, i) => {
    w.text(line, 50, 774 - i * 12, 9);
  });
  if (invoice.vendorTaxId) w.text(`${invoice.vendorTaxId.label}: ${invoice.vendorTaxId.value}`, 50, 738, 9);

  w.text(`${invoice.vendor.name} · ${invoice.vendor.addressLines.join(' · ')}`, 50, 700, 6.5);
  w.text('Customer:', 50, 684, 9, true);
  w.text(invoice.customer.name, 50, 670);
  invoice.customer.addressLines.forEach((line, i) => {
    w.text(line, 50, 657 - i * 12);
  });

  const details: Array<[string, string]> = [
    ['Invoice No.', invoice.number],
    ['Invoice date', date(invoice.date)],
    ...(invoice.due ? [['Due date', date(invoice.due)] as [string, string]] : []),
    ...(invoice.po ? [['Order No.', invoice.po] as [string, string]] : []),
  ];
  details.forEach(([label, value], i) => {
    w.text(label, 360, 684 - i * 14);
    w.right(value, 545, 684 - i * 14);
  });

  w.text('Invoice', 50, 590, 18, true);
  let y = 555;
  w.text('Pos.', 50, y, 9, true);
  w.text('Description', 80, y, 9, true);
  w.right('Qty', 340, y, 9, true);
  w.right('Unit price', 440, y, 9, true);
  w.right('Amount', 545, y, 9, true);
  w.rule(y - 5, 50, 545);
  invoice.lines.forEach((line, i) => {
    y -= 17;
    w.text(String(i + 1), 50, y);
    w.text(line.description, 80, y);
    w.right(String(line.quantity), 340, y);
    w.right(money(line.unitCents), 440, y);
    w.right(money(line.quantity * line.unitCents), 545, y);
  });
  w.rule(y - 8, 50, 545);
  const totals = invoiceTotalsInCents(invoice);
  y -= 28;
  w.text('Subtotal (net)', 340, y);
  w.right(money(totals.subtotal), 545, y);
  w.text(`${invoice.taxLabel} ${invoice.taxRate}%`, 340, y - 15);
  w.right(money(totals.tax), 545, y - 15);
  w.text('Total amount', 340, y - 34, 11, true);
  w.right(money(totals.total), 545, y - 34, 11, true);

  w.text(`Payable within 30 days without deduction.`, 50, y - 80, 9);
  w.rule(95, 50, 545);
  if (invoice.bank) {
    w.text(invoice.bank.name, 50, 80, 8);
    invoice.bank.rows.forEach(({ label, value }, i) => {
      w.text(`${label}: ${value}`, 50, 68 - i * 11, 8);
    });
  }
  w.right(`Page 1 of 1`, 545, 80, 8);
  return pdf.save();
}
