import { describe, expect, it } from 'vitest';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { findReceiptTotal } from '../../../../tools/understand/extract/receipt-total.ts';
import { buildPage, type PrintedLine } from '../support/build-page.ts';

/** A receipt's totals block: one label and one amount per row, amounts right-aligned at column 30. */
function totalsBlock(rows: [label: string, amount?: string][]): PrintedLine[] {
  return [
    { row: 0, runs: [[4, 'KEDAI MAJU SDN BHD']] },
    {
      row: 1,
      runs: [
        [0, 'ITEM A'],
        [30, '9.99'],
      ],
    },
    ...rows.map(([label, amount], i) => ({
      row: i + 3,
      runs:
        amount === undefined
          ? ([[0, label]] as [number, string][])
          : ([
              [0, label],
              [30, amount],
            ] as [number, string][]),
    })),
  ];
}

function totalOf(rows: [string, string?][]) {
  return findReceiptTotal(buildDocumentView([buildPage(totalsBlock(rows), { width: 500, height: 900 })]));
}

describe('findReceiptTotal', () => {
  it.each([
    ['1oTaL', '12.40'],
    ['TuTAL', '12.40'],
    ['T0TAL RM', '12.40'],
    ['TOTA L', '12.40'],
    ['Total Amt', '12.40'],
    ['Nett Total', '12.40'],
    ['Grand Total', '12.40'],
    ['Total Incl GST', '12.40'],
    ['Rounded Total', '12.40'],
    ['Amount Due', '12.40'],
    ['Total Sales (Inclusive GST)', '12.40'],
  ])('reads the total under the label %j', (label, amount) => {
    expect(totalOf([[label, amount]])?.value).toBe(amount);
  });

  it.each([
    [['RM', '65.', '20'].join(' '), '65.20'],
    ['65 .20', '65.20'],
    ['RM65.20', '65.20'],
    ['65,20', '65.20'],
  ])('joins an amount OCR split or glued: %j', (printed, value) => {
    const total = totalOf([['TOTAL', printed]]);
    expect(total?.value).toBe(value);
    expect(total?.words.map((w) => w.text).join(' ')).toBe(printed);
  });

  it('skips subtotals, counts and tax lines', () => {
    const total = totalOf([
      ['SUBTOTAL', '11.70'],
      ['TOTAL QTY', '3'],
      ['TOTAL GST 6%', '0.70'],
      ['TOTAL', '12.40'],
    ]);
    expect(total?.value).toBe('12.40');
  });

  it('pairs the change with the tender line just above it, not the first cash line', () => {
    const total = totalOf([
      ['TOTAL', '71.00'],
      ['Cash', '71.00'],
      ['Cash Received', '101.00'],
      ['Change', '30.00'],
    ]);
    expect(total?.value).toBe('71.00');
    expect(total!.score).toBeGreaterThan(0.9);
  });

  it('corrects one misread digit of the total when tender and change agree on another value', () => {
    const total = totalOf([
      ['Grand Total', '30.50'],
      ['Payment', '101.00'],
      ['Change Due', '70.10'],
    ]);
    expect(total?.value).toBe('30.90');
    expect(total?.words.map((w) => w.text)).toEqual(['30.50']);
  });

  it.each([
    [
      'a payment a few cents off, which is cash rounding',
      [
        ['Total:', '72.93'],
        ['CASH', '73.00'],
        ['Change Due', '0.05'],
      ],
      '72.93',
    ],
    [
      'two total lines that agree with each other',
      [
        ['Total', '5.00'],
        ['Total After Rounding', '5.00'],
        ['Cash', '10.02'],
        ['CHANGE', '5.00'],
      ],
      '5.00',
    ],
    [
      'a weaker total one digit off, when the best-labelled one is not',
      [
        ['Total After Adj Incl GST', '42.50'],
        ['CASH', '50.00'],
        ['Change Amt', '7.56'],
        ['GST Summary'],
        ['Total', '42.47'],
      ],
      '42.50',
    ],
  ] as [string, [string, string?][], string][])('does not correct the total from %s', (_, rows, value) => {
    expect(totalOf(rows)?.value).toBe(value);
  });

  it('confirms a total by the subtotal and the charges under it, or uses their sum when none is readable', () => {
    const charges: [string, string?][] = [
      ['SUB TOTAL', '295.00'],
      ['SERVICE CHARGE 10%', '29.50'],
      ['GST 6%', '19.47'],
      ['ROUNDING ADJ', '-0.02'],
    ];
    const confirmed = totalOf([...charges, ['NET TOTAL', '343.95']]);
    expect(confirmed?.value).toBe('343.95');
    expect(confirmed!.score).toBeGreaterThan(0.9);
    const summed = totalOf([...charges, ['NET TOTAL', '343.%']]);
    expect(summed?.value).toBe('343.95');
    expect(summed!.score).toBeLessThan(0.6);
  });

  it('does not sum a subtotal whose only charges are zero lines: a garbled tax line may be missing', () => {
    const total = totalOf([
      ['SUB-TOTAL', '49.06'],
      ['DISC', '0.00'],
      ['6ST', '2.94'],
      ['ROUNDING', '0.00'],
      ['TOTAL'],
    ]);
    expect(total).toBeNull();
  });

  it('does not correct the total from a payment with no change, which OCR misreads as easily', () => {
    const total = totalOf([
      ['Nett Total', '9.20'],
      ['CASH', '6.20'],
      ['Change', '0.00'],
    ]);
    expect(total?.value).toBe('9.20');
  });

  it('prefers the rounded total printed under the unrounded one', () => {
    const total = totalOf([
      ['Total Sales (Inclusive GST)', '37.44'],
      ['Rounding Adjustment', '.m'],
      ['Rounding', '37.45'],
    ]);
    expect(total?.value).toBe('37.45');
  });

  it('reads change printed without its decimal point', () => {
    const total = totalOf([
      ['Total Sales (Inclusive GST)', '13.58'],
      ['Rounding', '13.60'],
      ['CASH', '14.00'],
      ['CHANGE', '40'],
    ]);
    expect(total?.value).toBe('13.60');
  });

  it('falls back to what was paid when no total label can be read', () => {
    const total = totalOf([
      ['fata]', '18.80'],
      ['CASH', '50.00'],
      ['CHANGE', '31.20'],
    ]);
    expect(total?.value).toBe('18.80');
    expect(total!.score).toBeLessThan(0.8);
  });

  it('reads an amount OCR put on its own line under the total label', () => {
    const total = totalOf([['TOTAL INCL. GST'], ['RM 71.90'], ['CASH', '72.00'], ['CHANGE', '0.10']]);
    expect(total?.value).toBe('71.90');
    expect(total?.words.map((w) => w.text).join(' ')).toBe('RM 71.90');
  });

  it('finds nothing when neither a total nor a payment is printed', () => {
    expect(totalOf([['THANK YOU']])).toBeNull();
  });
});
