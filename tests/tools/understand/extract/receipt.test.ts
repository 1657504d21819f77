import { describe, expect, it } from 'vitest';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { extractReceipt } from '../../../../tools/understand/extract/receipt.ts';
import { buildPage, ocrConfusions, type PageNoise, type PrintedLine } from '../support/build-page.ts';

/** A Malaysian till slip: name, registration, address, GST, items, total, rounding, cash and change. */
const TILL_SLIP: PrintedLine[] = [
  { row: 0, runs: [[4, 'KEDAI BUKU MAJU SDN BHD']] },
  { row: 1, runs: [[10, '(123456-X)']] },
  { row: 2, runs: [[2, 'NO 12, JALAN BESAR 3']] },
  { row: 3, runs: [[2, '43000 KAJANG, SELANGOR']] },
  { row: 4, runs: [[2, 'TEL: 03-8734 1234']] },
  { row: 5, runs: [[2, 'GST ID: 000123456789']] },
  { row: 6, runs: [[8, 'TAX INVOICE']] },
  {
    row: 7,
    runs: [
      [0, 'DATE: 05/11/2018'],
      [24, '14:02'],
    ],
  },
  {
    row: 9,
    runs: [
      [0, 'PEN BLUE 2 X 1.50'],
      [30, '3.00'],
    ],
  },
  {
    row: 10,
    runs: [
      [0, 'NOTEBOOK A5'],
      [30, '9.47'],
    ],
  },
  { row: 11, runs: [[0, 'TOTAL QTY: 3']] },
  {
    row: 12,
    runs: [
      [0, 'SUBTOTAL'],
      [30, '12.47'],
    ],
  },
  {
    row: 13,
    runs: [
      [0, 'TOTAL GST 6%'],
      [30, '0.71'],
    ],
  },
  {
    row: 14,
    runs: [
      [0, 'TOTAL INCL GST'],
      [30, '12.47'],
    ],
  },
  {
    row: 15,
    runs: [
      [0, 'ROUNDING ADJ'],
      [30, '-0.02'],
    ],
  },
  {
    row: 16,
    runs: [
      [0, 'TOTAL'],
      [29, 'RM12.45'],
    ],
  },
  {
    row: 17,
    runs: [
      [0, 'CASH'],
      [30, '20.00'],
    ],
  },
  {
    row: 18,
    runs: [
      [0, 'CHANGE'],
      [30, '7.55'],
    ],
  },
  { row: 20, runs: [[6, 'THANK YOU, PLEASE COME AGAIN']] },
];

/** A US café receipt: the name on top, a month-first date, "Amount due" and a card payment. */
const CAFE: PrintedLine[] = [
  { row: 0, runs: [[6, 'BLUE DOOR CAFE']] },
  { row: 1, runs: [[2, '455 Market St']] },
  { row: 2, runs: [[2, 'San Francisco, CA 94105']] },
  { row: 3, runs: [[2, 'Phone (415) 555-0199']] },
  { row: 5, runs: [[0, '03/04/2024 08:15 AM']] },
  {
    row: 7,
    runs: [
      [0, 'Latte'],
      [30, '$4.50'],
    ],
  },
  {
    row: 8,
    runs: [
      [0, 'Croissant'],
      [30, '$3.25'],
    ],
  },
  {
    row: 9,
    runs: [
      [0, 'Subtotal'],
      [30, '$7.75'],
    ],
  },
  {
    row: 10,
    runs: [
      [0, 'Sales Tax'],
      [30, '$0.67'],
    ],
  },
  {
    row: 11,
    runs: [
      [0, 'Amount Due'],
      [30, '$8.42'],
    ],
  },
  {
    row: 12,
    runs: [
      [0, 'VISA'],
      [30, '$8.42'],
    ],
  },
];

function extract(lines: PrintedLine[], noise?: PageNoise) {
  return extractReceipt(buildDocumentView([buildPage(lines, { width: 500, height: 900, noise })]));
}

describe('extractReceipt', () => {
  it('reads every field of a till slip and takes the rounded total', () => {
    const fields = extract(TILL_SLIP);
    expect(fields.merchant_name?.value).toBe('KEDAI BUKU MAJU SDN BHD');
    expect(fields.merchant_address?.value).toBe('NO 12, JALAN BESAR 3 43000 KAJANG, SELANGOR');
    expect(fields.date?.value).toBe('2018-11-05');
    expect(fields.total_amount?.value).toBe('12.45');
    expect(fields.total_amount?.source?.text).toBe('RM12.45');
    expect(fields.tax_amount?.value).toBe('0.71');
    expect(fields.currency?.value).toBe('MYR');
  });

  it('reads a US receipt month-first and in dollars', () => {
    const fields = extract(CAFE);
    expect(fields.merchant_name?.value).toBe('BLUE DOOR CAFE');
    expect(fields.date?.value).toBe('2024-03-04');
    expect(fields.total_amount?.value).toBe('8.42');
    expect(fields.tax_amount?.value).toBe('0.67');
    expect(fields.currency?.value).toBe('USD');
  });

  it('points every value at where it is printed', () => {
    const total = extract(CAFE).total_amount!;
    const [x0, y0, x1, y1] = total.source!.bbox;
    expect(x0).toBeGreaterThan(0.5);
    expect(y1).toBeGreaterThan(y0);
    expect(x1).toBeGreaterThan(x0);
    expect(total.source!.page).toBe(1);
  });

  it('gives confidences that are probabilities and higher for a confirmed total', () => {
    const fields = extract(TILL_SLIP);
    for (const field of Object.values(fields)) {
      expect(field.confidence).toBeGreaterThan(0);
      expect(field.confidence).toBeLessThan(1);
    }
    expect(fields.total_amount!.confidence).toBeGreaterThan(fields.merchant_address!.confidence);
  });

  it.each([1, 2, 3, 4, 5])(
    'still finds the total and the date under OCR noise, box jitter and skew (seed %i)',
    (seed) => {
      const fields = extract(TILL_SLIP, { jitter: 2, skew: 15, confuse: ocrConfusions, seed });
      expect(fields.total_amount?.value).toBe('12.45');
      expect(fields.date?.value).toBe('2018-11-05');
    },
  );

  it.each([['(81109-A)'], ['CO. NO. 373665-A'], ['ROC: 1026984-X']])(
    'leaves the registration number %j out of the address',
    (registration) => {
      const lines = TILL_SLIP.map((l) =>
        l.row === 2
          ? { row: 2, runs: [[2, `${registration} NO 12, JALAN BESAR 3`]] as [number, string][] }
          : l,
      ).filter((l) => l.row !== 1);
      expect(extract(lines).merchant_address?.value).toBe('NO 12, JALAN BESAR 3 43000 KAJANG, SELANGOR');
    },
  );

  it.each([
    [['WESTERN EASTERN', 'STATIONERY SDN. BHD'], 'WESTERN EASTERN STATIONERY SDN. BHD'],
    [
      ['AIK HUAT HARDWARE', 'ENTERPRISE (SETIA', 'ALAM) SDN BHD'],
      'AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD',
    ],
    [['KEDAI BUKU MAJU SON BHD'], 'KEDAI BUKU MAJU SDN BHD'],
  ])('joins a merchant name that wraps: %j', (nameLines, expected) => {
    const lines: PrintedLine[] = [
      ...nameLines.map((text, row) => ({ row, runs: [[4, text]] as [number, string][] })),
      ...TILL_SLIP.filter((l) => l.row >= 2).map((l) => ({ ...l, row: l.row + nameLines.length })),
    ];
    expect(extract(lines).merchant_name?.value).toBe(expected);
  });

  it('leaves a field out when it is not printed', () => {
    const fields = extract(
      TILL_SLIP.filter((l) => !/TOTAL|CASH|CHANGE|ROUNDING|SUBTOTAL/.test(l.runs[0]![1])),
    );
    expect(fields.total_amount).toBeUndefined();
  });
});
