import { afterAll, describe, expect, it } from 'vitest';
import { degradeScan } from '../../../../evals/synth/degrade-scan.ts';
import { generateW9Layout, W9_LAYOUTS } from '../../../../evals/synth/make-w9-pdf.ts';
import { renderPdfPageToPng } from '../../../../evals/synth/rasterize-pdf.ts';
import { createRng } from '../../../../evals/synth/synth-document.ts';
import { parseConfig } from '../../../../tools/core/config.ts';
import type { ExtractedField } from '../../../../tools/documents/extraction-result.ts';
import { createOcrPool } from '../../../../tools/read/ocr-pool.ts';
import { readDocument } from '../../../../tools/read/read-document.ts';
import { readLimitsFromConfig } from '../../../../tools/read/read-limits.ts';
import { classifyDocument } from '../../../../tools/understand/classify.ts';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { extractW9 } from '../../../../tools/understand/extract/w9.ts';
import { buildPage, type PrintedLine } from '../support/build-page.ts';

const valuesOf = (fields: Record<string, ExtractedField>) =>
  Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.value]));

/** A substitute form's rows as OCR returns them: a label at column 0 and its value at column 30. */
function substituteForm(rows: [string, string][]) {
  const lines: PrintedLine[] = [
    { row: 0, runs: [[0, 'Substitute Form W-9']] },
    ...rows.map(
      ([label, value], i): PrintedLine => ({
        row: 2 + i,
        runs: [
          [0, label],
          [30, value],
        ],
      }),
    ),
  ];
  return extractW9(buildDocumentView([buildPage(lines)]));
}

describe('extractW9 on OCR-shaped text', () => {
  it.each([
    [
      'one digit per box, dashes kept',
      'Employer identification number',
      '1 2 - 3 4 5 6 7 8 9',
      '12-3456789',
      'EIN',
    ],
    ['look-alike letters for digits', 'SSN:', '4O1-5l-2B19', '401-51-2819', 'SSN'],
    ['groups printed without dashes', 'Taxpayer ID number:', '401 51 2819', '401-51-2819', 'SSN'],
    [
      'nine bare digits under a label that names the type',
      'Social security number',
      '401512819',
      '401-51-2819',
      'SSN',
    ],
    ['an EIN in two groups', 'Tax ID:', '12 3456789', '12-3456789', 'EIN'],
  ])('reads a TIN from %s', (_, label, printed, tin, tinType) => {
    const fields = substituteForm([[label, printed]]);
    expect(fields.tin?.value).toBe(tin);
    expect(fields.tin_type?.value).toBe(tinType);
    expect(fields.tin?.source?.text).toBe(printed);
  });

  it.each([
    ['XXX-XX-6789', 'a masked TIN'],
    ['12-34567', 'too few digits'],
    ['on file', 'words'],
  ])('reads no TIN from %s (%s)', (printed) => {
    expect(substituteForm([['TIN:', printed]]).tin).toBeUndefined();
  });

  it('trusts a TIN that could have been issued more than one that could not', () => {
    const issued = substituteForm([['SSN:', '401-51-2819']]).tin?.confidence ?? 0;
    const neverIssued = substituteForm([['SSN:', '666-51-2819']]).tin?.confidence ?? 0;
    expect(issued).toBeGreaterThan(neverIssued);
  });

  it.each([
    ['[X] Individual/sole proprietor   [ ] C corporation', 'individual'],
    ['[ ] Individual/sole proprietor   x S corporation', 's_corporation'],
    ['✓ Partnership   [ ] Trust/estate', 'partnership'],
    ['[ ] Partnership   |X| Trust/estate', 'trust_estate'],
    ['XLLC. Enter the tax classification (C = C corporation, S = S corporation)', 'llc'],
  ])('reads the checked box of %j', (row, classification) => {
    const page = buildPage([
      { row: 0, runs: [[0, 'Form W-9']] },
      { row: 2, runs: [[0, row]] },
    ]);
    expect(extractW9(buildDocumentView([page])).tax_classification?.value).toBe(classification);
  });

  it('reads no classification when no box is checked', () => {
    const page = buildPage([{ row: 2, runs: [[0, '[ ] Individual/sole proprietor   [ ] C corporation']] }]);
    expect(extractW9(buildDocumentView([page])).tax_classification).toBeUndefined();
  });

  it('puts city, state and ZIP in the contract form whatever punctuation OCR kept', () => {
    expect(substituteForm([['City, state, ZIP:', 'Tampa FL. 336l4']]).city_state_zip?.value).toBe(
      'Tampa, FL 33614',
    );
  });
});

describe('extractW9 on generated forms', () => {
  const ocr = createOcrPool({ size: 1 });
  afterAll(() => ocr.close());
  const limits = readLimitsFromConfig(parseConfig({}));
  const read = async (bytes: Uint8Array, mediaType: 'application/pdf' | 'image/jpeg') =>
    (await readDocument(bytes, { mediaType, limits, ocr })).pages;

  const cases = W9_LAYOUTS.flatMap((layout) => [11, 12, 13].map((seed) => [layout, seed] as const));
  it.each(cases)('reads every field of a born-digital %s form (seed %i)', async (layout, seed) => {
    const doc = await generateW9Layout(createRng(seed), layout);
    const pages = await read(doc.pdf, 'application/pdf');
    expect(classifyDocument(pages).docType).toBe('w9');
    const fields = extractW9(buildDocumentView(pages));
    expect(valuesOf(fields)).toEqual(doc.expected);
    for (const field of Object.values(fields)) {
      expect(field.source?.page).toBe(1);
      expect(field.confidence).toBeGreaterThan(0.5);
    }
  });

  it('reads every field of a scanned IRS form', { timeout: 300_000 }, async () => {
    const doc = await generateW9Layout(createRng(SCANNED_SEED), 'irs');
    const scan = await degradeScan(await renderPdfPageToPng(doc.pdf, 200), { seed: 1 });
    const pages = await read(scan, 'image/jpeg');
    expect(classifyDocument(pages).docType).toBe('w9');
    expect(valuesOf(extractW9(buildDocumentView(pages)))).toEqual(doc.expected);
  });
});

/** A trust with a business name and an EIN in Part I's boxes: the boxes OCR reads worst. */
const SCANNED_SEED = 7932;
