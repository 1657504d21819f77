import { afterAll, describe, expect, it } from 'vitest';
import { invoiceTotals, makeInvoicePdf, SAMPLE_INVOICE } from '../../../../evals/synth/make-invoice-pdf.ts';
import { parseConfig } from '../../../../tools/core/config.ts';
import { createOcrPool } from '../../../../tools/read/ocr-pool.ts';
import { readDocument } from '../../../../tools/read/read-document.ts';
import { readLimitsFromConfig } from '../../../../tools/read/read-limits.ts';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { extractInvoice } from '../../../../tools/understand/extract/invoice.ts';
import { findLineItems } from '../../../../tools/understand/extract/line-items.ts';
import { buildPage, ocrConfusions, type PageNoise, type PrintedLine } from '../support/build-page.ts';

/** A monospaced invoice table: description, quantity, unit price and amount, a wrapped description. */
function table(
  header: [number, string][],
  rows: [number, string][][],
  totals: [string, string][],
): PrintedLine[] {
  const lines: PrintedLine[] = [
    { row: 0, runs: [[0, 'Acme Supplies Inc']] },
    { row: 2, runs: header },
  ];
  rows.forEach((runs, i) => {
    lines.push({ row: 3 + i, runs });
  });
  totals.forEach(([label, amount], i) => {
    lines.push({
      row: 4 + rows.length + i,
      runs: [
        [38, label],
        [55, amount],
      ],
    });
  });
  return lines;
}

const HEADER: [number, string][] = [
  [0, 'Description'],
  [30, 'Qty'],
  [40, 'Unit Price'],
  [55, 'Amount'],
];
const ROWS: [number, string][][] = [
  [
    [0, 'Widget 2000 blue'],
    [30, '4'],
    [40, '12.50'],
    [55, '50.00'],
  ],
  [[0, 'with mounting kit']],
  [
    [0, 'Installation'],
    [30, '2.5'],
    [40, '$80.00'],
    [55, '$200.00'],
  ],
];

function itemsOf(lines: PrintedLine[], noise?: PageNoise) {
  const view = buildDocumentView([buildPage(lines, { width: 800, height: 1000, noise })]);
  return { table: findLineItems(view), fields: extractInvoice(view) };
}

describe('findLineItems', () => {
  it('reads each row in the schema formats, joining a wrapped description', () => {
    const { table: found } = itemsOf(table(HEADER, ROWS, [['Subtotal', '250.00']]));
    expect(found?.items.map(({ source: _s, ...item }) => item)).toEqual([
      {
        description: 'Widget 2000 blue with mounting kit',
        quantity: '4',
        unit_price: '12.50',
        amount: '50.00',
      },
      { description: 'Installation', quantity: '2.5', unit_price: '80.00', amount: '200.00' },
    ]);
    expect(found?.items[0]?.source.text).toBe('Widget 2000 blue 4 12.50 50.00 with mounting kit');
  });

  it.each([
    [['Item', 'Qty', 'Rate', 'Total']],
    [['Particulars', 'Hours', 'Price', 'Amt']],
    [['DESCRIPTION', 'QTY', 'U/PRICE', 'AMOUNT']],
  ])('recognises the header %j', (labels) => {
    const header = labels.map((label, i) => [[0, 30, 40, 55][i]!, label] as [number, string]);
    expect(itemsOf(table(header, ROWS, [])).table?.items).toHaveLength(2);
  });

  it('stops at the totals block', () => {
    const { table: found } = itemsOf(
      table(HEADER, ROWS, [
        ['Subtotal', '250.00'],
        ['Tax', '20.00'],
        ['Total', '270.00'],
      ]),
    );
    expect(found?.items).toHaveLength(2);
  });

  it('raises confidence when the lines add up to the subtotal and lowers it when they do not', () => {
    const agreeing = itemsOf(table(HEADER, ROWS, [['Subtotal', '250.00']])).fields.line_items!;
    const disagreeing = itemsOf(table(HEADER, ROWS, [['Subtotal', '290.00']])).fields.line_items!;
    expect(agreeing.confidence).toBeGreaterThan(0.9);
    expect(disagreeing.confidence).toBeLessThan(0.6);
  });

  it.each([1, 2, 3, 4])('reads the rows under OCR noise, jitter and skew (seed %i)', (seed) => {
    const { table: found } = itemsOf(table(HEADER, ROWS, [['Subtotal', '250.00']]), {
      jitter: 2,
      skew: 8,
      confuse: ocrConfusions,
      seed,
    });
    expect(found?.items.map((i) => i.amount)).toEqual(['50.00', '200.00']);
  });

  it('finds no table without a header row', () => {
    expect(itemsOf(ROWS.map((runs, i) => ({ row: i, runs }))).table).toBeNull();
  });
});

describe('line items of a born-digital invoice', () => {
  const ocr = createOcrPool({ size: 1 });
  afterAll(() => ocr.close());

  it('reads every line and the totals of the generated PDF', async () => {
    const bytes = await makeInvoicePdf();
    const { pages } = await readDocument(bytes, {
      mediaType: 'application/pdf',
      limits: readLimitsFromConfig(parseConfig({})),
      ocr,
    });
    const fields = extractInvoice(buildDocumentView(pages));
    const items = fields.line_items?.value as { description: string; amount: string }[];
    expect(items.map((i) => [i.description, i.amount])).toEqual(
      SAMPLE_INVOICE.lines.map((l) => [l.description, (l.quantity * l.unitPrice).toFixed(2)]),
    );
    const totals = invoiceTotals(SAMPLE_INVOICE);
    expect(fields.subtotal?.value).toBe(totals.subtotal);
    expect(fields.tax_amount?.value).toBe(totals.tax);
    expect(fields.total_amount?.value).toBe(totals.total);
    expect(fields.due_date?.value).toBe('2025-04-14');
    expect(fields.currency?.value).toBe('USD');
    expect(fields.line_items?.confidence).toBeGreaterThan(0.9);
  });
});
