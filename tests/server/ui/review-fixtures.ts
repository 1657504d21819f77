/** Invoices for the UI test, printed as makeInvoicePdf prints them but with totals chosen by the test. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type InvoiceFixture, invoiceTotals, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';

export type PrintedTotals = { subtotal: string; tax: string; total: string };

const money = (amount: string) =>
  `$${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** An invoice whose printed totals are `printed` (by default the right ones), so a test can make them disagree. */
export async function makeInvoiceWithTotals(
  fixture: InvoiceFixture = SAMPLE_INVOICE,
  printed: PrintedTotals = invoiceTotals(fixture),
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const text = (value: string, x: number, y: number, size = 10, isBold = false) =>
    page.drawText(value, { x, y, size, font: isBold ? bold : font });
  const right = (value: string, xRight: number, y: number, size = 10, isBold = false) =>
    text(value, xRight - (isBold ? bold : font).widthOfTextAtSize(value, size), y, size, isBold);

  text(fixture.vendor, 50, 740, 16, true);
  for (const [i, line] of fixture.vendorAddress.entries()) text(line, 50, 722 - i * 13);
  text('INVOICE', 450, 740, 20, true);
  text('Invoice Number:', 380, 700);
  right(fixture.invoiceNumber, 562, 700);
  text('Invoice Date:', 380, 686);
  right(fixture.invoiceDate, 562, 686);
  if (fixture.dueDate) {
    text('Due Date:', 380, 672);
    right(fixture.dueDate, 562, 672);
  }
  text('Bill To:', 50, 640, 10, true);
  text(fixture.customer, 50, 626);

  let y = 580;
  text('Description', 50, y, 10, true);
  right('Qty', 360, y, 10, true);
  right('Unit Price', 460, y, 10, true);
  right('Amount', 562, y, 10, true);
  for (const line of fixture.lines) {
    y -= 18;
    text(line.description, 50, y);
    right(String(line.quantity), 360, y);
    right(money(line.unitPrice.toFixed(2)), 460, y);
    right(money((line.quantity * line.unitPrice).toFixed(2)), 562, y);
  }
  y -= 36;
  text('Subtotal', 400, y);
  right(money(printed.subtotal), 562, y);
  text(`Tax (${Math.round(fixture.taxRate * 100)}%)`, 400, y - 16);
  right(money(printed.tax), 562, y - 16);
  text('Total Due', 400, y - 34, 12, true);
  right(money(printed.total), 562, y - 34, 12, true);
  return pdf.save();
}
