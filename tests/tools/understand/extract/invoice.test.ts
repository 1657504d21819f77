import { describe, expect, it } from 'vitest';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { extractInvoice } from '../../../../tools/understand/extract/invoice.ts';
import { buildPage, ocrConfusions, type PageNoise, type PrintedLine } from '../support/build-page.ts';

/** A classic invoice: labels right of values, subtotal + tax = total, US address, month-first dates. */
const CLASSIC: PrintedLine[] = [
  {
    row: 0,
    runs: [
      [0, 'Northwind Traders LLC'],
      [50, 'INVOICE'],
    ],
  },
  { row: 1, runs: [[0, '200 Harbor Way']] },
  {
    row: 2,
    runs: [
      [0, 'Seattle, WA 98101'],
      [45, 'Invoice No: INV-2024-0107'],
    ],
  },
  {
    row: 3,
    runs: [
      [0, 'EIN: 12-3456789'],
      [45, 'Invoice Date: 03/04/2024'],
    ],
  },
  { row: 4, runs: [[45, 'Due Date: 04/03/2024']] },
  { row: 5, runs: [[45, 'PO Number: PO-5531']] },
  {
    row: 7,
    runs: [
      [0, 'Bill To:'],
      [10, 'Contoso Ltd'],
    ],
  },
  { row: 8, runs: [[10, '1 Microsoft Way']] },
  {
    row: 10,
    runs: [
      [0, 'Description'],
      [40, 'Qty'],
      [50, 'Amount'],
    ],
  },
  {
    row: 11,
    runs: [
      [0, 'Consulting hours'],
      [40, '10'],
      [50, '$1,500.00'],
    ],
  },
  {
    row: 12,
    runs: [
      [0, 'Travel'],
      [40, '1'],
      [50, '$250.00'],
    ],
  },
  {
    row: 14,
    runs: [
      [38, 'Subtotal'],
      [50, '$1,750.00'],
    ],
  },
  {
    row: 15,
    runs: [
      [38, 'Sales Tax'],
      [50, '$140.00'],
    ],
  },
  {
    row: 16,
    runs: [
      [38, 'Total Due'],
      [50, '$1,890.00'],
    ],
  },
];

/** An ad-buy invoice: contract number, advertiser, flight dates, gross total and a smaller net. */
const AD_BUY: PrintedLine[] = [
  {
    row: 0,
    runs: [
      [30, 'INVOICE'],
      [60, 'Page 1 of 1'],
    ],
  },
  {
    row: 2,
    runs: [
      [0, 'KXYZ-TV'],
      [40, 'Invoice #'],
      [52, '2436316-1'],
    ],
  },
  {
    row: 3,
    runs: [
      [0, 'PO Box 743299'],
      [20, 'Advertiser'],
      [30, 'POL/Jane Doe/Senate/US'],
      [58, '03/29/20'],
    ],
  },
  {
    row: 4,
    runs: [
      [0, 'Atlanta, GA 30384'],
      [40, 'Order #'],
      [52, '2436316'],
    ],
  },
  {
    row: 5,
    runs: [
      [40, 'Order Flight'],
      [52, '03/27/20 - 03/31/20'],
    ],
  },
  {
    row: 8,
    runs: [
      [0, 'Line'],
      [10, 'Description'],
      [50, 'Rate'],
    ],
  },
  {
    row: 9,
    runs: [
      [0, '1'],
      [10, 'News at 6a'],
      [50, '$90.00'],
    ],
  },
  {
    row: 10,
    runs: [
      [0, '2'],
      [10, 'Morning Show'],
      [50, '$200.00'],
    ],
  },
  {
    row: 12,
    runs: [
      [30, 'Gross Total'],
      [45, '$290.00'],
    ],
  },
  {
    row: 13,
    runs: [
      [30, 'Agency Commission'],
      [45, '$43.50'],
    ],
  },
  {
    row: 14,
    runs: [
      [30, 'Net Amount Due'],
      [45, '$246.50'],
    ],
  },
];

/** An order form with labels above their values, as many broadcast contracts print them. */
const STACKED: PrintedLine[] = [
  { row: 0, runs: [[30, 'CONTRACT']] },
  {
    row: 2,
    runs: [
      [0, 'WTAE'],
      [40, 'Contract / Revision'],
    ],
  },
  {
    row: 3,
    runs: [
      [0, '400 Ardmore Blvd.'],
      [40, '2010245 / 26912071'],
    ],
  },
  {
    row: 4,
    runs: [
      [0, 'Pittsburgh, PA 15221'],
      [24, 'Advertiser'],
    ],
  },
  { row: 5, runs: [[24, 'Priorities USA Action']] },
  { row: 6, runs: [[24, 'Contract Dates']] },
  { row: 7, runs: [[24, '09/15/20 - 09/21/20']] },
  {
    row: 10,
    runs: [
      [20, 'Totals'],
      [30, '51'],
      [40, '$48,450.00'],
    ],
  },
];

function extract(lines: PrintedLine[], noise?: PageNoise) {
  return extractInvoice(buildDocumentView([buildPage(lines, { noise })]));
}

describe('extractInvoice', () => {
  it('reads every field of a classic invoice', () => {
    const f = extract(CLASSIC);
    expect(f.vendor_name?.value).toBe('Northwind Traders LLC');
    expect(f.invoice_number?.value).toBe('INV-2024-0107');
    expect(f.invoice_date?.value).toBe('2024-03-04');
    expect(f.due_date?.value).toBe('2024-04-03');
    expect(f.po_number?.value).toBe('PO-5531');
    expect(f.vendor_tax_id?.value).toBe('12-3456789');
    expect(f.customer_name?.value).toBe('Contoso Ltd');
    expect(f.subtotal?.value).toBe('1750.00');
    expect(f.tax_amount?.value).toBe('140.00');
    expect(f.total_amount?.value).toBe('1890.00');
    expect(f.currency?.value).toBe('USD');
  });

  it('joins the vendor address lines with commas, as the schema asks', () => {
    expect(extract(CLASSIC).vendor_address?.value).toMatch(/^200 Harbor Way, Seattle, WA 98101/);
  });

  it('reads the line items of a classic invoice', () => {
    const items = extract(CLASSIC).line_items?.value as { description: string; amount?: string }[];
    expect(items.map((i) => [i.description, i.amount])).toEqual([
      ['Consulting hours', '1500.00'],
      ['Travel', '250.00'],
    ]);
  });

  it('raises the confidence of totals that add up', () => {
    const balanced = extract(CLASSIC).total_amount!.confidence;
    const unbalanced = extract(
      CLASSIC.map((l) =>
        l.row === 15
          ? {
              ...l,
              runs: [
                [38, 'Sales Tax'],
                [50, '$99.00'],
              ],
            }
          : l,
      ) as PrintedLine[],
    );
    expect(balanced).toBeGreaterThan(unbalanced.total_amount!.confidence);
  });

  it('reads an ad-buy invoice: invoice number over order number, gross over net, flight dates', () => {
    const f = extract(AD_BUY);
    expect(f.invoice_number?.value).toBe('2436316-1');
    expect(f.customer_name?.value).toBe('POL/Jane Doe/Senate/US');
    expect(f.total_amount?.value).toBe('290.00');
    expect(f.period_start?.value).toBe('2020-03-27');
    expect(f.period_end?.value).toBe('2020-03-31');
    expect(f.total_amount?.source?.text).toBe('$290.00');
  });

  it('reads values printed under their labels', () => {
    const f = extract(STACKED);
    expect(f.invoice_number?.value).toBe('2010245');
    expect(f.customer_name?.value).toBe('Priorities USA Action');
    expect(f.period_start?.value).toBe('2020-09-15');
    expect(f.period_end?.value).toBe('2020-09-21');
    expect(f.total_amount?.value).toBe('48450.00');
  });

  it.each([11, 12, 13, 14])(
    'keeps the invoice number and total under OCR noise, jitter and skew (seed %i)',
    (seed) => {
      for (const layout of [CLASSIC, AD_BUY]) {
        const clean = extract(layout);
        const noisy = extract(layout, { jitter: 2, skew: 10, confuse: ocrConfusions, seed });
        expect(noisy.total_amount?.value).toBe(clean.total_amount?.value);
        expect(noisy.invoice_number?.value).toBe(clean.invoice_number?.value);
      }
    },
  );

  it('leaves out what is not printed', () => {
    const f = extract(STACKED);
    expect(f.due_date).toBeUndefined();
    expect(f.po_number).toBeUndefined();
  });
});
