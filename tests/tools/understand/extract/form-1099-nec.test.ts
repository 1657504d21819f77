import { afterAll, describe, expect, it } from 'vitest';
import { degradeScan } from '../../../../evals/synth/degrade-scan.ts';
import { FORM_1099_NEC_LAYOUTS, generate1099NecLayout } from '../../../../evals/synth/make-1099-nec-pdf.ts';
import { renderPdfPageToPng } from '../../../../evals/synth/rasterize-pdf.ts';
import { createRng } from '../../../../evals/synth/synth-document.ts';
import { parseConfig } from '../../../../tools/core/config.ts';
import type { ExtractedField } from '../../../../tools/documents/extraction-result.ts';
import { createOcrPool } from '../../../../tools/read/ocr-pool.ts';
import { readDocument } from '../../../../tools/read/read-document.ts';
import { readLimitsFromConfig } from '../../../../tools/read/read-limits.ts';
import { classifyDocument } from '../../../../tools/understand/classify.ts';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { extract1099Nec } from '../../../../tools/understand/extract/form-1099-nec.ts';
import { buildPage, type PrintedLine } from '../support/build-page.ts';

const valuesOf = (fields: Record<string, ExtractedField>) =>
  Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.value]));

/** A recipient statement as OCR returns it: labels at column 0, values at column 40. */
function statement(rows: [string, string][]) {
  const lines: PrintedLine[] = rows.map(([label, value], i) => ({
    row: i,
    runs: [
      [0, label],
      [40, value],
    ],
  }));
  return extract1099Nec(buildDocumentView([buildPage(lines)]));
}

describe('extract1099Nec on OCR-shaped text', () => {
  it.each([
    ['an apostrophe OCR dropped', 'PAYERS TIN:', '12-3456789', 'payer_tin', '12-3456789'],
    ['a curly apostrophe', 'RECIPIENT’S TIN:', '401-51-2819', 'recipient_tin', '401-51-2819'],
    ['look-alike letters in a TIN', 'Payer TIN:', 'l2-34S6789', 'payer_tin', '12-3456789'],
    [
      'an amount with its currency word apart',
      'Box 1 Nonemployee compensation',
      '$ 12,345.00',
      'nonemployee_compensation',
      '12345.00',
    ],
    ['withholding', 'Box 4 Federal income tax withheld', '$1,200.50', 'federal_tax_withheld', '1200.50'],
    ['a year with a look-alike letter', 'Tax year:', '2O25', 'tax_year', '2025'],
  ])('reads %s', (_, label, printed, field, value) => {
    expect(statement([[label, printed]])[field]?.value).toBe(value);
  });

  it('reads no withholding when box 4 is empty and the state box below it is not', () => {
    const fields = statement([
      ['4 Federal income tax withheld', '$'],
      ['5 State tax withheld', '$ 43.62'],
    ]);
    expect(fields.federal_tax_withheld).toBeUndefined();
  });
});

describe('extract1099Nec on generated forms', () => {
  const ocr = createOcrPool({ size: 1 });
  afterAll(() => ocr.close());
  const limits = readLimitsFromConfig(parseConfig({}));
  const read = async (bytes: Uint8Array, mediaType: 'application/pdf' | 'image/jpeg') =>
    (await readDocument(bytes, { mediaType, limits, ocr })).pages;

  const cases = FORM_1099_NEC_LAYOUTS.flatMap((layout) =>
    [11, 12, 13, 14].map((seed) => [layout, seed] as const),
  );
  it.each(cases)('reads every field of a born-digital %s form (seed %i)', async (layout, seed) => {
    const doc = await generate1099NecLayout(createRng(seed), layout);
    const pages = await read(doc.pdf, 'application/pdf');
    expect(classifyDocument(pages).docType).toBe('form_1099_nec');
    const fields = extract1099Nec(buildDocumentView(pages));
    expect(valuesOf(fields)).toEqual(doc.expected);
    for (const field of Object.values(fields)) {
      expect(field.source?.page).toBe(1);
      expect(field.confidence).toBeGreaterThan(0.5);
    }
  });

  it('reads every field of a scanned IRS copy', { timeout: 300_000 }, async () => {
    const doc = await generate1099NecLayout(createRng(SCANNED_SEED), 'irs');
    const scan = await degradeScan(await renderPdfPageToPng(doc.pdf, 200), { seed: 1 });
    const pages = await read(scan, 'image/jpeg');
    expect(classifyDocument(pages).docType).toBe('form_1099_nec');
    expect(valuesOf(extract1099Nec(buildDocumentView(pages)))).toEqual(doc.expected);
  });
});

/** An individual recipient with an SSN; the scan is the default noisy, skewed one. */
const SCANNED_SEED = 15846;
