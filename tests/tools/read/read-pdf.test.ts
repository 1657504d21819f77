import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../tools/core/app-error.ts';
import type { Word } from '../../../tools/documents/page.ts';
import { analyzePageDrawing } from '../../../tools/read/hidden-text.ts';
import { createOcrPool } from '../../../tools/read/ocr-pool.ts';
import { openPdf } from '../../../tools/read/open-pdf.ts';
import { readDocument } from '../../../tools/read/read-document.ts';
import { TEST_READ_LIMITS } from '../../support/test-read-limits.ts';
import { makePagesPdf, makeTextPdf, PAGE_HEIGHT, PAGE_WIDTH } from './make-pdf.ts';
import { makeScannedPdf, photographText } from './make-scan.ts';

const LIMITS = TEST_READ_LIMITS;
// Started only by the one test that OCRs; the others prove they never need it.
const ocr = createOcrPool({ size: 1 });
afterAll(() => ocr.close());

const RUNS = [
  { text: 'Invoice number INV-4821', x: 72, y: 700, size: 14 },
  { text: 'Total due 1,234.50', x: 350, y: 120, size: 11 },
];

type Box = { x0: number; y0: number; x1: number; y1: number };
type Layout = { rotation?: number; cropBox?: [number, number, number, number] };

/** Where a box drawn in PDF user space should appear, as top-left fractions of the displayed page. */
function expectedBbox(box: Box, layout: Layout): [number, number, number, number] {
  if (layout.rotation === 90) {
    // Turned a quarter clockwise: up the page becomes rightwards, rightwards becomes down.
    return [box.y0 / PAGE_HEIGHT, box.x0 / PAGE_WIDTH, box.y1 / PAGE_HEIGHT, box.x1 / PAGE_WIDTH];
  }
  const [cx, cy, cw, ch] = layout.cropBox ?? [0, 0, PAGE_WIDTH, PAGE_HEIGHT];
  return [(box.x0 - cx) / cw, 1 - (box.y1 - cy) / ch, (box.x1 - cx) / cw, 1 - (box.y0 - cy) / ch];
}

function wordTexts(words: Word[]): string[] {
  return words.map((word) => word.text);
}

describe('readDocument on PDFs', () => {
  it.each<[string, Layout]>([
    ['an upright page', {}],
    ['a page turned a quarter clockwise', { rotation: 90 }],
    ['a page whose crop box starts away from the origin', { cropBox: [36, 60, 540, 700] }],
  ])('places text-layer words where they were drawn on %s', async (_name, layout) => {
    const { bytes, wordBoxes } = await makeTextPdf([RUNS], layout);
    const { pages } = await readDocument(bytes, { mediaType: 'application/pdf', limits: LIMITS, ocr });
    const page = pages[0]!;
    expect(page.source).toBe('text');
    expect(wordTexts(page.words)).toEqual(wordBoxes[0]!.map((box) => box.text));
    page.words.forEach((word, index) => {
      const drawn = wordBoxes[0]![index]!;
      const expected = expectedBbox(drawn, layout);
      // Along the line within 2 pt; across it within a quarter of the font size (fonts differ in
      // how far above the capitals they reach).
      const [alongTolerance, acrossTolerance] = [2.5, 0.25 * (drawn.y1 - drawn.y0)];
      const [, , cropWidth, cropHeight] = layout.cropBox ?? [0, 0, PAGE_WIDTH, PAGE_HEIGHT];
      const tolerances =
        layout.rotation === 90
          ? [acrossTolerance / PAGE_HEIGHT, alongTolerance / PAGE_WIDTH]
          : [alongTolerance / cropWidth, acrossTolerance / cropHeight];
      word.bbox.forEach((value, side) => {
        expect(Math.abs(value - expected[side]!)).toBeLessThan(tolerances[side % 2]!);
      });
      expect(word.confidence).toBe(1);
    });
    if (layout.rotation === 90) expect([page.width, page.height]).toEqual([PAGE_HEIGHT, PAGE_WIDTH]);
  });

  it('renders born-digital pages at 150 dpi for the review UI when asked', async () => {
    const { bytes } = await makeTextPdf([RUNS, RUNS]);
    const done: number[] = [];
    const { pages } = await readDocument(bytes, {
      mediaType: 'application/pdf',
      limits: LIMITS,
      ocr,
      renderImages: true,
      onPage: (count) => done.push(count),
    });
    expect(pages.map((page) => page.number)).toEqual([1, 2]);
    expect(done).toEqual([1, 2]);
    const metadata = await sharp(pages[0]!.image!).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1275, 1650]);
  });

  it('reads values typed into form fields and ticked boxes', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.drawText('Name (as shown on your income tax return)', { x: 72, y: 700, size: 10, font });
    const form = pdf.getForm();
    const name = form.createTextField('name');
    name.setText('Jane Q Doe');
    name.addToPage(page, { x: 72, y: 660, width: 300, height: 24 });
    const box = form.createCheckBox('individual');
    box.addToPage(page, { x: 72, y: 600, width: 12, height: 12 });
    box.check();
    const { pages } = await readDocument(await pdf.save(), {
      mediaType: 'application/pdf',
      limits: LIMITS,
      ocr,
    });
    const fieldWords = pages[0]!.words.filter((word) => ['Jane', 'Q', 'Doe', 'X'].includes(word.text));
    expect(wordTexts(fieldWords)).toEqual(['Jane', 'Q', 'Doe', 'X']);
    const [left, top, , bottom] = fieldWords[0]!.bbox;
    expect(left).toBeCloseTo(72 / PAGE_WIDTH, 2);
    expect(top).toBeCloseTo(1 - 684 / PAGE_HEIGHT, 2);
    expect(bottom).toBeCloseTo(1 - 660 / PAGE_HEIGHT, 2);
  });

  it('ignores an invisible old OCR layer and reads the scan itself', async () => {
    const scan = await photographText([{ text: 'TOTAL 1234.50', x: 300, y: 200, size: 28 }]);
    const bytes = await makeScannedPdf(scan, {
      text: 'WRONG OLD LAYER TEXT THAT NOBODY CAN SEE',
      hiddenBy: 'invisible-mode',
    });
    const { pages, timings } = await readDocument(bytes, {
      mediaType: 'application/pdf',
      limits: LIMITS,
      ocr,
    });
    const page = pages[0]!;
    expect(page.source).toBe('ocr');
    expect(wordTexts(page.words)).toEqual(['TOTAL', '1234.50']);
    expect(page.words[0]!.bbox[0]).toBeCloseTo(300 / PAGE_WIDTH, 1);
    expect(page.words[0]!.bbox[3]).toBeCloseTo(1 - 200 / PAGE_HEIGHT, 1);
    expect(timings.ocrMs).toBeGreaterThan(0);
  });

  it.each([
    ['invisible-mode', { visibleGlyphs: 0, hiddenGlyphs: 33 }],
    ['image-on-top', { visibleGlyphs: 0, hiddenGlyphs: 33 }],
  ] as const)('counts old OCR text hidden by %s as hidden', async (hiddenBy, expected) => {
    const scan = await sharp({ create: { width: 85, height: 110, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const bytes = await makeScannedPdf(scan, { text: 'WRONG OLD LAYER TEXT THAT NOBODY CAN SEE', hiddenBy });
    const pdf = await openPdf(bytes, { maxImagePixels: LIMITS.maxImagePixels });
    const page = await pdf.getPage(1);
    const drawing = analyzePageDrawing(await page.getOperatorList(), page.view);
    await pdf.destroy();
    expect(drawing).toMatchObject(expected);
    expect(drawing.scanPixelsPerPoint).toBeCloseTo(85 / PAGE_WIDTH, 5);
  });

  it.each([
    ['reads a letterhead page (text over a full-page background image) from its text layer', 12, 'text'],
    ['OCRs a scan with a short stamp drawn over it', 1, 'ocr'],
  ] as const)('%s', async (_name, lineCount, source) => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    const background = await sharp({ create: { width: 85, height: 110, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    page.drawImage(await pdf.embedPng(background), { x: 0, y: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT });
    for (let line = 0; line < lineCount; line += 1) {
      page.drawText(`RECEIVED AP DEPT line ${line} of the invoice`, {
        x: 72,
        y: 700 - 20 * line,
        size: 12,
        font,
      });
    }
    const { pages } = await readDocument(await pdf.save(), {
      mediaType: 'application/pdf',
      limits: LIMITS,
      ocr,
    });
    expect(pages[0]!.source).toBe(source);
  });

  it.each([
    ['a PDF cut off halfway', async () => (await makePagesPdf(3)).slice(0, 400), 'CORRUPT_FILE'],
    ['a PDF over the page limit', () => makePagesPdf(6), 'TOO_MANY_PAGES'],
  ])('rejects %s as the file’s fault', async (_name, make, code) => {
    const error = await readDocument(await make(), {
      mediaType: 'application/pdf',
      limits: LIMITS,
      ocr,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, kind: 'user' });
  });
});
