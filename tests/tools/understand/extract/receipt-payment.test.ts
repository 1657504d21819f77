import { describe, expect, it } from 'vitest';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { findPaymentEvidence } from '../../../../tools/understand/extract/receipt-payment.ts';
import { buildPage, type PrintedLine } from '../support/build-page.ts';

function evidenceOf(rows: [string, string][]) {
  const lines: PrintedLine[] = rows.map(([label, amount], row) => ({
    row,
    runs: [
      [0, label],
      [30, amount],
    ],
  }));
  return findPaymentEvidence(buildDocumentView([buildPage(lines, { width: 500, height: 900 })])).map((e) => [
    e.kind,
    e.cents,
  ]);
}

describe('findPaymentEvidence', () => {
  it.each([
    [
      [
        ['CASH', '50.00'],
        ['CHANGE', '7.55'],
      ],
      [['cash-change', 4245]],
    ],
    [
      [
        ['Cash', '71.00'],
        ['Cash Received', '101,00'],
        ['Change', '30.00'],
      ],
      [['cash-change', 7100]],
    ],
    [
      [
        ['Cash', '-51. 00'],
        ['CHANGE', '10.00'],
      ],
      [['cash-change', 4100]],
    ],
    [
      [
        ['CASH RM', '14.00'],
        ['CHANGE RM', '40'],
      ],
      [['cash-change', 1360]],
    ],
    [
      [
        ['CASH', '6.20'],
        ['Change', '0.00'],
      ],
      [['paid', 620]],
    ],
    [[['VISA', '8.42']], [['paid', 842]]],
    [
      [
        ['Payment :', '101 00'],
        ['Change Due :', '70.10'],
      ],
      [['cash-change', 3090]],
    ],
    [
      [
        ['Cash Received', '30.50 1'],
        ['Change', '005'],
      ],
      [
        ['cash-change', 2550],
        ['cash-change', 3045],
      ],
    ],
    [
      [
        ['TOTAL', '12.40'],
        ['CHANGE', '0.60'],
      ],
      [],
    ],
  ] as [[string, string][], [string, number][]][])('reads %j as %j', (rows, expected) => {
    expect(evidenceOf(rows)).toEqual(expected);
  });
});
