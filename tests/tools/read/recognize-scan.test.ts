import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import type { Bbox, Word } from '../../../tools/documents/page.ts';
import type { OcrPool, RecognizeOptions } from '../../../tools/read/ocr-pool.ts';
import type { GrayImage } from '../../../tools/read/page-image.ts';
import { readPngSize } from '../../../tools/read/png-size.ts';
import { recognizeScan } from '../../../tools/read/recognize-scan.ts';

const word = (text: string, bbox: Bbox, confidence: number): Word => ({ text, bbox, confidence });
/** White, with the date line's rows gray, so the scripted engine can tell which line a crop holds. */
const PAGE: GrayImage = {
  data: Buffer.alloc(400 * 1000, 255).fill(160, 400 * 400, 400 * 420),
  width: 400,
  height: 1000,
};
const DATE_LABEL = word('Date:', [0.1, 0.4, 0.2, 0.42], 0.9);
const TOTAL_LABEL = word('TOTAL', [0.1, 0.6, 0.25, 0.62], 0.95);
const TOTAL = word('24.50', [0.7, 0.6, 0.85, 0.62], 0.9);

/**
 * An engine scripted per mode: the page pass misreads the date (at 0.7: doubtful enough for a line
 * re-read, clean enough to be left out of the key-cell vote) and drops the amount column; the
 * sparse pass finds the amount; a single-line crop of the date reads what `lineReading` says (it is
 * told the crop's scale and how many single-line crops came before). A line crop spans the page's
 * width plus a border, so its scale is known and the word is placed where it is on the page; a key
 * cell's crop is only the date and a little room, and the word fills most of it.
 */
function scriptedPool(lineReading: (scale: number, call: number) => string): OcrPool & { modes: string[] } {
  let call = 0;
  const modes: string[] = [];
  return {
    size: 2,
    modes,
    close: async () => {},
    async recognize(png: Uint8Array, _signal?: AbortSignal, options: RecognizeOptions = {}) {
      const { width, height } = readPngSize(png);
      modes.push(options.pageSegmentation ?? 'page');
      if (options.pageSegmentation === Tesseract.PSM.SPARSE_TEXT) return { width, height, words: [TOTAL] };
      if (options.pageSegmentation !== Tesseract.PSM.SINGLE_LINE) {
        return {
          width,
          height,
          words: [DATE_LABEL, word('03/01/2018', [0.25, 0.4, 0.45, 0.42], 0.7), TOTAL_LABEL],
        };
      }
      const scale = (width - 24) / PAGE.width;
      const x = (fraction: number) => (fraction * PAGE.width * scale + 12) / width;
      const { channels } = await sharp(png).stats();
      const isDateLine = channels[0]!.mean < 240;
      if (!isDateLine) return { width, height, words: [] };
      const text = lineReading(scale, call++);
      const isLineCrop = (width - 24) / (height - 24) > 8;
      const bbox: Bbox = isLineCrop ? [x(0.25), 0.3, x(0.45), 0.7] : [0.15, 0.3, 0.85, 0.7];
      return { width, height, words: /\d/.test(text) ? [word(text, bbox, 0.9)] : [] };
    },
  };
}

describe('recognizeScan', () => {
  it('adds what the sparse pass found and takes a line re-read that both heights agree on', async () => {
    const pool = scriptedPool(() => '05/01/2018');
    const { words } = await recognizeScan(PAGE, pool);
    expect(words.map((w) => w.text).sort()).toEqual(['05/01/2018', '24.50', 'Date:', 'TOTAL']);
    const date = words.find((w) => w.text === '05/01/2018')!;
    // Back in page fractions, where the misread word was.
    expect(date.bbox[0]).toBeCloseTo(0.25, 2);
    expect(date.bbox[2]).toBeCloseTo(0.45, 2);
    expect(date.bbox[1]).toBeGreaterThan(0.39);
    expect(date.bbox[3]).toBeLessThan(0.43);
    // Only the doubtful date line is re-read, at two heights; the amount was read at 0.9, sure enough.
    expect(pool.modes.filter((mode) => mode === Tesseract.PSM.SINGLE_LINE)).toHaveLength(2);
  });

  it('takes the date a closer look agrees on when the two re-read heights disagree', async () => {
    // The line's two heights read 05 and 06; every reading of the key cell after them reads 05.
    const pool = scriptedPool((_scale, call) => (call === 1 ? '06/01/2018' : '05/01/2018'));
    const { words } = await recognizeScan(PAGE, pool);
    expect(words.map((w) => w.text).sort()).toEqual(['05/01/2018', '24.50', 'Date:', 'TOTAL']);
    // Two line readings, then the cell at three sizes in three preparations.
    expect(pool.modes.filter((mode) => mode === Tesseract.PSM.SINGLE_LINE)).toHaveLength(2 + 9);
  });

  it('keeps the first reading when the re-read heights disagree and the closer look is split too', async () => {
    const pool = scriptedPool((_scale, call) => (call % 2 === 0 ? '05/01/2018' : '06/01/2018'));
    const { words } = await recognizeScan(PAGE, pool);
    expect(words.map((w) => w.text)).toContain('03/01/2018');
    expect(words.map((w) => w.text)).not.toContain('05/01/2018');
  });
});
