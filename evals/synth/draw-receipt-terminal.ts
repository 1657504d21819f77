import { createSynthPdf, embedFamily, type FontFamily, writerFor } from './synth-pdf.ts';
import { type CalendarDate, type DateStyle, type Party, printDate, printMoney } from './synth-values.ts';

export type TerminalReceipt = {
  merchant: Party;
  date: CalendarDate;
  dateStyle: DateStyle;
  time: string;
  items: Array<{ description: string; cents: number }>;
  currencySymbol: string;
  /** Sales tax added on top of the items (US), or VAT already included in them (Europe). */
  tax: { label: string; ratePercent: number; cents: number; isIncluded: boolean };
  totalCents: number;
  card: { brand: string; last4: string; authCode: string };
};

/**
 * A card-terminal receipt: a narrow slip in a proportional font, "SALE", the items, the total, then the
 * card block (masked number, auth code, APPROVED) that terminals print under every purchase.
 */
export async function drawTerminalReceipt(receipt: TerminalReceipt, family: FontFamily): Promise<Uint8Array> {
  const width = 204;
  const height = 330 + receipt.items.length * 12;
  const pdf = await createSynthPdf();
  const page = pdf.addPage([width, height]);
  const [font, bold] = await embedFamily(pdf, family);
  const w = writerFor(page, font, bold, 8);
  let y = height - 26;
  const line = (gap = 11) => {
    y -= gap;
    return y + gap;
  };
  const row = (left: string, right: string, isBold = false) => {
    w.text(left, 10, y, 8, isBold);
    w.right(right, width - 10, y, 8, isBold);
    line();
  };

  w.center(receipt.merchant.name, line(13), 10, true);
  for (const address of receipt.merchant.addressLines) w.center(address, line());
  line(6);
  w.center('SALE', line(13), 9, true);
  row(printDate(receipt.date, receipt.dateStyle), receipt.time);
  line(4);
  for (const item of receipt.items) row(item.description, printMoney(item.cents));
  line(4);
  w.rule(y + 8, 10, width - 10);
  const money = (cents: number) => `${receipt.currencySymbol}${printMoney(cents)}`;
  if (!receipt.tax.isIncluded) {
    row('Subtotal', money(receipt.totalCents - receipt.tax.cents));
    row(`${receipt.tax.label} ${receipt.tax.ratePercent}%`, money(receipt.tax.cents));
  }
  row('TOTAL', money(receipt.totalCents), true);
  if (receipt.tax.isIncluded)
    row(`${receipt.tax.label} ${receipt.tax.ratePercent}% included`, money(receipt.tax.cents));
  line(8);
  row(receipt.card.brand, `**** **** **** ${receipt.card.last4}`);
  row('AUTH CODE', receipt.card.authCode);
  row('ENTRY', 'CHIP');
  line(4);
  w.center('APPROVED', line(13), 9, true);
  w.center('CUSTOMER COPY', line());
  w.center('Thank you for shopping with us', line());
  return pdf.save();
}
