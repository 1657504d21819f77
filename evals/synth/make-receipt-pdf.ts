import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Synthetic till receipts with known values, for the tests (the full synthetic corpus is a later issue). */
export type ReceiptFixture = {
  merchant: string;
  addressLines: string[];
  date: string; // as printed
  time: string;
  items: Array<{ description: string; amount: number }>;
  taxRate: number;
  currencyLabel: string;
  cash: number;
};

export const SAMPLE_RECEIPT: ReceiptFixture = {
  merchant: 'KEDAI RUNCIT MAJU JAYA',
  addressLines: ['NO 12, JALAN MERANTI 3', '81100 JOHOR BAHRU, JOHOR'],
  date: '25/12/2018',
  time: '14:32',
  items: [
    { description: 'MILO 1KG', amount: 28.9 },
    { description: 'ROTI GARDENIA', amount: 4.2 },
    { description: 'TELUR GRED A 10S', amount: 5.6 },
  ],
  taxRate: 0.06,
  currencyLabel: 'RM',
  cash: 50,
};

export function receiptTotals(fixture: ReceiptFixture) {
  const subtotal = fixture.items.reduce((sum, item) => sum + item.amount, 0);
  const tax = Math.round(subtotal * fixture.taxRate * 100) / 100;
  const total = Math.round((subtotal + tax) * 100) / 100;
  return {
    subtotal: subtotal.toFixed(2),
    tax: tax.toFixed(2),
    total: total.toFixed(2),
    change: (fixture.cash - total).toFixed(2),
  };
}

/** An 80 mm till slip in a monospace font, the way most point-of-sale printers lay one out. */
export async function makeReceiptPdf(fixture: ReceiptFixture = SAMPLE_RECEIPT): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const width = 227;
  const page = pdf.addPage([width, 420]);
  const font = await pdf.embedFont(StandardFonts.Courier);
  const bold = await pdf.embedFont(StandardFonts.CourierBold);
  const size = 8.5;
  let y = 395;
  const center = (text: string, isBold = false) => {
    const f = isBold ? bold : font;
    page.drawText(text, { x: (width - f.widthOfTextAtSize(text, size)) / 2, y, size, font: f });
    y -= 12;
  };
  const row = (left: string, right: string, isBold = false) => {
    const f = isBold ? bold : font;
    page.drawText(left, { x: 12, y, size, font: f });
    page.drawText(right, { x: width - 12 - f.widthOfTextAtSize(right, size), y, size, font: f });
    y -= 12;
  };
  center(fixture.merchant, true);
  for (const line of fixture.addressLines) center(line);
  center('TEL: 07-3345678');
  y -= 6;
  center('TAX INVOICE', true);
  row(`DATE: ${fixture.date}`, `TIME: ${fixture.time}`);
  row('CASHIER: 02', 'RCPT: 10045');
  y -= 6;
  for (const item of fixture.items) row(item.description, item.amount.toFixed(2));
  y -= 6;
  const totals = receiptTotals(fixture);
  row('SUBTOTAL', totals.subtotal);
  row(`GST ${Math.round(fixture.taxRate * 100)}%`, totals.tax);
  row(`TOTAL (${fixture.currencyLabel})`, totals.total, true);
  row('CASH', fixture.cash.toFixed(2));
  row('CHANGE', totals.change);
  y -= 6;
  center('THANK YOU, PLEASE COME AGAIN');
  return pdf.save();
}
