import { invoiceTotalsInCents, type SynthInvoice } from './synth-invoice.ts';
import { createSynthPdf, embedFamily, type FontFamily, type PageWriter, writerFor } from './synth-pdf.ts';
import { printDate, printMoney } from './synth-values.ts';

/**
 * A long invoice (parts lists, timesheets): the table runs over several pages, each with the header, the
 * invoice number and "Page n of m"; the totals close the last page.
 */
export async function drawMultiPageInvoice(invoice: SynthInvoice, family: FontFamily): Promise<Uint8Array> {
  const pdf = await createSynthPdf();
  const [font, bold] = await embedFamily(pdf, family);
  const money = (cents: number) => `${invoice.currency.symbol}${printMoney(cents)}`;
  const date = (d: SynthInvoice['date']) => printDate(d, invoice.dateStyle);

  const tableHeader = (w: PageWriter, y: number) => {
    w.text('#', 40, y, 9, true);
    w.text('Item', 62, y, 9, true);
    w.right('Qty', 380, y, 9, true);
    w.right('Unit Price', 475, y, 9, true);
    w.right('Line Total', 572, y, 9, true);
    w.rule(y - 5);
  };

  const pages: PageWriter[] = [];
  const newPage = () => {
    const writer = writerFor(pdf.addPage([612, 792]), font, bold, 9);
    pages.push(writer);
    return writer;
  };
  let w = newPage();
  w.text(invoice.vendor.name, 40, 745, 15, true);
  invoice.vendor.addressLines.forEach((line, i) => {
    w.text(line, 40, 729 - i * 12);
  });
  if (invoice.vendorTaxId) w.text(`${invoice.vendorTaxId.label}: ${invoice.vendorTaxId.value}`, 40, 693);
  w.right('INVOICE', 572, 745, 18, true);
  const details: Array<[string, string]> = [
    ['Invoice Number:', invoice.number],
    ['Invoice Date:', date(invoice.date)],
    ...(invoice.due ? [['Payment Due:', date(invoice.due)] as [string, string]] : []),
    ...(invoice.po ? [['PO Number:', invoice.po] as [string, string]] : []),
  ];
  details.forEach(([label, value], i) => {
    w.text(label, 390, 722 - i * 13);
    w.right(value, 572, 722 - i * 13);
  });
  w.text('Sold To:', 40, 660, 9, true);
  w.text(invoice.customer.name, 40, 647);
  invoice.customer.addressLines.forEach((line, i) => {
    w.text(line, 40, 634 - i * 12);
  });

  let y = 580;
  tableHeader(w, y);
  invoice.lines.forEach((line, i) => {
    if (y < 70) {
      w = newPage();
      w.text(`${invoice.vendor.name} · Invoice ${invoice.number} (continued)`, 40, 750, 9);
      y = 720;
      tableHeader(w, y);
    }
    y -= 16;
    w.text(String(i + 1), 40, y);
    w.text(line.description, 62, y);
    w.right(String(line.quantity), 380, y);
    w.right(printMoney(line.unitCents), 475, y);
    w.right(printMoney(line.quantity * line.unitCents), 572, y);
  });
  if (y < 130) {
    w = newPage();
    y = 740;
  }
  const totals = invoiceTotalsInCents(invoice);
  w.rule(y - 8);
  y -= 26;
  w.text('Subtotal', 400, y, 10);
  w.right(money(totals.subtotal), 572, y, 10);
  w.text(`${invoice.taxLabel} (${invoice.taxRate}%)`, 400, y - 15, 10);
  w.right(money(totals.tax), 572, y - 15, 10);
  w.text('Total Due', 400, y - 33, 11, true);
  w.right(money(totals.total), 572, y - 33, 11, true);
  // "Page n of m" goes on last: m is known only once the table has run its course.
  for (const [i, page] of pages.entries()) page.right(`Page ${i + 1} of ${pages.length}`, 572, 30, 8);
  return pdf.save();
}
