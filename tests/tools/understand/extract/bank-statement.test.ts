import { afterAll, describe, expect, it } from 'vitest';
import type { BankStatementLayout } from '../../../../evals/synth/bank-statement-fixture.ts';
import { degradeScan } from '../../../../evals/synth/degrade-scan.ts';
import { bankStatementGenerator } from '../../../../evals/synth/make-bank-statement-pdf.ts';
import { renderPdfPageToPng } from '../../../../evals/synth/rasterize-pdf.ts';
import { createRng } from '../../../../evals/synth/synth-document.ts';
import { parseConfig } from '../../../../tools/core/config.ts';
import type { ExtractedField } from '../../../../tools/documents/extraction-result.ts';
import type { MediaType } from '../../../../tools/read/media-type.ts';
import { createOcrPool } from '../../../../tools/read/ocr-pool.ts';
import { readDocument } from '../../../../tools/read/read-document.ts';
import { readLimitsFromConfig } from '../../../../tools/read/read-limits.ts';
import { extractBankStatement } from '../../../../tools/understand/extract/bank-statement.ts';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { understandDocument } from '../../../../tools/understand/understand-document.ts';
import { validateExtraction } from '../../../../tools/validate/validate-extraction.ts';
import { context } from '../../validate/support/rule-fixtures.ts';
import { buildPage, type PrintedLine } from '../support/build-page.ts';

const SCALARS = [
  'bank_name',
  'account_holder',
  'account_number_last4',
  'period_start',
  'period_end',
  'opening_balance',
  'closing_balance',
] as const;

type Transaction = { date: string; description: string; amount: string };

function transactionsOf(fields: Record<string, ExtractedField>): Transaction[] {
  const rows = (fields.transactions?.value ?? []) as Transaction[];
  return rows.map(({ date, description, amount }) => ({ date, description, amount }));
}

function extractFromLines(lines: PrintedLine[]) {
  return extractBankStatement(buildDocumentView([buildPage(lines, { width: 800, height: 1100 })]));
}

describe('extractBankStatement', () => {
  it('signs a bare amount column from the running balance and dates MM/DD rows across a year end', () => {
    const fields = extractFromLines([
      { row: 0, runs: [[0, 'Harbor Bank']] },
      { row: 1, runs: [[0, 'Statement period: 12/15/2024 - 01/14/2025']] },
      { row: 2, runs: [[0, 'Account Number: XXXX4821']] },
      {
        row: 4,
        runs: [
          [0, 'Date'],
          [8, 'Description'],
          [40, 'Amount'],
          [52, 'Balance'],
        ],
      },
      {
        row: 5,
        runs: [
          [0, '12/15'],
          [8, 'Opening balance'],
          [51, '1,000.00'],
        ],
      },
      {
        row: 6,
        runs: [
          [0, '12/20'],
          [8, 'GROCERY MART'],
          [41, '45.00'],
          [52, '955.00'],
        ],
      },
      {
        row: 7,
        runs: [
          [0, '12/31'],
          [8, 'PAYROLL'],
          [38, '1,200.00'],
          [51, '2,155.00'],
        ],
      },
      {
        row: 8,
        runs: [
          [0, '01/05'],
          [8, 'RENT'],
          [40, '900.00'],
          [51, '1,255.00'],
        ],
      },
      {
        row: 9,
        runs: [
          [8, 'Closing balance'],
          [51, '1,255.00'],
        ],
      },
    ]);
    expect(transactionsOf(fields)).toEqual([
      { date: '2024-12-20', description: 'GROCERY MART', amount: '-45.00' },
      { date: '2024-12-31', description: 'PAYROLL', amount: '1200.00' },
      { date: '2025-01-05', description: 'RENT', amount: '-900.00' },
    ]);
    expect(fields.opening_balance?.value).toBe('1000.00');
    expect(fields.closing_balance?.value).toBe('1255.00');
    expect(fields.account_number_last4?.value).toBe('4821');
    expect(fields.transactions?.confidence).toBeGreaterThan(0.9);
  });

  it('reads CR and DR as money in and out, and lowers confidence when the balances do not add up', () => {
    const lines = (closing: string): PrintedLine[] => [
      { row: 0, runs: [[0, 'Kestrel Bank']] },
      {
        row: 1,
        runs: [
          [0, 'Opening Balance'],
          [20, '500.00'],
        ],
      },
      {
        row: 2,
        runs: [
          [0, 'Closing Balance'],
          [20, closing],
        ],
      },
      {
        row: 4,
        runs: [
          [0, 'Date'],
          [12, 'Narrative'],
          [44, 'Amount'],
        ],
      },
      {
        row: 5,
        runs: [
          [0, '2025-03-02'],
          [12, 'SALARY NORTHWIND'],
          [40, '1,250.00 CR'],
        ],
      },
      {
        row: 6,
        runs: [
          [0, '2025-03-04'],
          [12, 'CARD PAYMENT'],
          [43, '45.10DR'],
        ],
      },
    ];
    const balanced = extractFromLines(lines('1,704.90'));
    expect(transactionsOf(balanced).map((t) => t.amount)).toEqual(['1250.00', '-45.10']);
    expect(transactionsOf(balanced).map((t) => t.description)).toEqual(['SALARY NORTHWIND', 'CARD PAYMENT']);
    const unbalanced = extractFromLines(lines('1,800.00'));
    expect(unbalanced.transactions!.confidence).toBeLessThan(balanced.transactions!.confidence - 0.3);
  });

  it('gives a row without a date the date above it and joins a wrapped description', () => {
    const fields = extractFromLines([
      { row: 0, runs: [[0, 'Northgate Bank']] },
      { row: 1, runs: [[0, 'Statement period 1 March 2025 to 31 March 2025']] },
      {
        row: 3,
        runs: [
          [0, 'Date'],
          [12, 'Description'],
          [40, 'Paid out'],
          [50, 'Paid in'],
          [60, 'Balance'],
        ],
      },
      {
        row: 4,
        runs: [
          [0, '01 Mar'],
          [12, 'Balance brought forward'],
          [61, '100.00'],
        ],
      },
      {
        row: 5,
        runs: [
          [0, '03 Mar'],
          [12, 'DIRECT DEBIT GAS'],
          [43, '20.00'],
          [62, '80.00'],
        ],
      },
      {
        row: 6,
        runs: [
          [12, 'FASTER PAYMENT'],
          [51, '50.00'],
          [61, '130.00'],
        ],
      },
      { row: 7, runs: [[12, 'REF 884213']] },
      {
        row: 8,
        runs: [
          [12, 'Balance carried forward'],
          [61, '130.00'],
        ],
      },
    ]);
    expect(transactionsOf(fields)).toEqual([
      { date: '2025-03-03', description: 'DIRECT DEBIT GAS', amount: '-20.00' },
      { date: '2025-03-03', description: 'FASTER PAYMENT REF 884213', amount: '50.00' },
    ]);
    expect(fields.opening_balance?.value).toBe('100.00');
    expect(fields.closing_balance?.value).toBe('130.00');
  });
});

describe('bank statements through the PDF reader', () => {
  const ocr = createOcrPool({ size: 1 });
  const limits = readLimitsFromConfig(parseConfig({}));
  afterAll(() => ocr.close());

  async function understand(bytes: Uint8Array, mediaType: MediaType) {
    const { pages } = await readDocument(bytes, { mediaType, limits, ocr });
    return { pages, understanding: understandDocument(pages) };
  }

  const layouts: BankStatementLayout[] = ['us-retail', 'uk-running-balance', 'signed-amount'];
  // Three seeds of each layout with a drawn length, and one long enough to run onto a second page.
  const LENGTHS = { 'a drawn length': undefined, '60 transactions': 60 } as const;
  const cases: [BankStatementLayout, number, keyof typeof LENGTHS][] = layouts.flatMap((layout) => [
    [layout, 1, 'a drawn length'],
    [layout, 2, 'a drawn length'],
    [layout, 3, 'a drawn length'],
    [layout, 4, '60 transactions'],
  ]);

  it.each(cases)('reads a born-digital %s statement (seed %i, %s)', async (layout, seed, length) => {
    const count = LENGTHS[length];
    const doc = await bankStatementGenerator({ layout, transactions: count })(createRng(seed));
    const { pages, understanding } = await understand(doc.pdf, 'application/pdf');
    if (count === 60) expect(pages.length).toBeGreaterThan(1);
    expect(understanding.docType).toBe('bank_statement');
    const { fields } = understanding;
    for (const name of SCALARS) {
      expect(fields[name]?.value, name).toBe(doc.expected[name]);
      expect(fields[name]?.source?.page, name).toBeGreaterThanOrEqual(1);
    }
    expect(transactionsOf(fields)).toEqual(doc.expected.transactions);
    const findings = validateExtraction(
      { docType: 'bank_statement', fields },
      context({ now: new Date('2027-01-01') }),
    );
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads a scanned statement through OCR', async () => {
    const doc = await bankStatementGenerator({ layout: 'us-retail', transactions: 8 })(createRng(23_757));
    const scan = await degradeScan(await renderPdfPageToPng(doc.pdf, 200), { seed: 3 });
    const { understanding } = await understand(scan, 'image/jpeg');
    const { fields } = understanding;
    for (const name of SCALARS) expect(fields[name]?.value, name).toBe(doc.expected[name]);
    const expected = doc.expected.transactions as Transaction[];
    expect(transactionsOf(fields).map((t) => t.amount)).toEqual(expected.map((t) => t.amount));
  }, 120_000);
});
