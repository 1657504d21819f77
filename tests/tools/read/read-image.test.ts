import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../tools/core/app-error.ts';
import { createOcrPool } from '../../../tools/read/ocr-pool.ts';
import { readDocument } from '../../../tools/read/read-document.ts';
import { TEST_READ_LIMITS } from '../../support/test-read-limits.ts';
import { PAGE_HEIGHT, PAGE_WIDTH } from './make-pdf.ts';
import { photographText } from './make-scan.ts';

const LIMITS = TEST_READ_LIMITS;
const ocr = createOcrPool({ size: 1 });
afterAll(() => ocr.close());

const blank = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#ffffff' } });

describe('readDocument on images', () => {
  it('reads the words of a scanned page with their boxes and confidences', async () => {
    // 12 pt text at 100 dpi is ~15 px high: small enough that the reader upscales it before OCR.
    const png = await photographText(
      [
        { text: 'Receipt 0042', x: 72, y: 700, size: 12 },
        { text: 'Date 2024-03-15', x: 72, y: 680, size: 12 },
        { text: 'TOTAL 1234.50', x: 320, y: 400, size: 12 },
      ],
      100,
    );
    const { pages, timings } = await readDocument(png, {
      mediaType: 'image/png',
      limits: LIMITS,
      ocr,
      renderImages: true,
    });
    const page = pages[0]!;
    expect(page).toMatchObject({ number: 1, source: 'ocr', width: 850, height: 1100 });
    expect(page.words.map((word) => word.text)).toEqual([
      'Receipt',
      '0042',
      'Date',
      '2024-03-15',
      'TOTAL',
      '1234.50',
    ]);
    const total = page.words.find((word) => word.text === '1234.50')!;
    expect(total.bbox[0]).toBeGreaterThan(320 / PAGE_WIDTH);
    expect(total.bbox[3]).toBeCloseTo(1 - 400 / PAGE_HEIGHT, 2);
    expect(total.confidence).toBeGreaterThan(0.8);
    expect(timings.ocrMs).toBeGreaterThan(0);
    // The review image is the page as it came, not the upscaled copy OCR read.
    expect(await sharp(page.image!).metadata()).toMatchObject({ format: 'png', width: 850, height: 1100 });
    // The language model is read from node_modules; nothing is cached into the working directory.
    expect(fs.existsSync(path.join(process.cwd(), 'eng.traineddata'))).toBe(false);
  });

  it.each([
    [
      'a JPEG whose EXIF says it was taken on its side',
      'image/jpeg',
      () => blank(120, 80).withMetadata({ orientation: 6 }).jpeg().toBuffer(),
      [{ width: 80, height: 120 }],
    ],
    [
      'a two-page TIFF',
      'image/tiff',
      async () => {
        const page = await blank(100, 60).png().toBuffer();
        return sharp([page, page], { join: { animated: true } })
          .tiff()
          .toBuffer();
      },
      [
        { width: 100, height: 60 },
        { width: 100, height: 60 },
      ],
    ],
  ] as const)('reads %s as upright pages', async (_name, mediaType, make, sizes) => {
    const { pages } = await readDocument(await make(), { mediaType, limits: LIMITS, ocr });
    expect(pages.map(({ number, width, height }) => ({ number, width, height }))).toEqual(
      sizes.map((size, index) => ({ number: index + 1, ...size })),
    );
  });

  it('rejects an image cut off before its pixels as the file’s fault', async () => {
    const jpeg = await blank(400, 300).jpeg().toBuffer();
    const error = await readDocument(jpeg.subarray(0, 300), {
      mediaType: 'image/jpeg',
      limits: LIMITS,
      ocr,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CORRUPT_FILE', kind: 'user' });
  });
});
