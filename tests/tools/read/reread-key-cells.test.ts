import Tesseract from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import type { Bbox, Word } from '../../../tools/documents/page.ts';
import type { OcrPool, RecognizeOptions } from '../../../tools/read/ocr-pool.ts';
import type { GrayImage } from '../../../tools/read/page-image.ts';
import { readPngSize } from '../../../tools/read/png-size.ts';
import { rereadKeyCells } from '../../../tools/read/reread-key-cells.ts';

const word = (text: string, bbox: Bbox, confidence: number): Word => ({ text, bbox, confidence });
const PAGE: GrayImage = { data: Buffer.alloc(500 * 1000, 255), width: 500, height: 1000 };
const LABEL = [word('Total', [0.1, 0.6, 0.2, 0.62], 0.9), word('GST', [0.3, 0.6, 0.36, 0.62], 0.9)];

/** An engine that reads every single-line crop as `reading(call)` says, in the crop's right half. */
function scriptedPool(reading: (call: number) => string | null): OcrPool & { calls: number } {
  const pool = {
    size: 2,
    calls: 0,
    close: async () => {},
    async recognize(png: Uint8Array, _signal?: AbortSignal, options: RecognizeOptions = {}) {
      expect(options.pageSegmentation).toBe(Tesseract.PSM.SINGLE_LINE);
      const { width, height } = readPngSize(png);
      const text = reading(pool.calls++);
      return { width, height, words: text ? [word(text, [0.6, 0.3, 0.8, 0.7], 0.8)] : [] };
    },
  };
  return pool;
}

describe('rereadKeyCells', () => {
  it('puts the amount most readings agree on where the page pass read a garbled one', async () => {
    const pool = scriptedPool((call) => (call === 0 ? '4.20' : '4.70'));
    const words = await rereadKeyCells(PAGE, [...LABEL, word('70', [0.8, 0.6, 0.85, 0.62], 0.86)], pool);
    expect(words.map((w) => w.text).sort()).toEqual(['4.70', 'GST', 'Total']);
    const amount = words.find((w) => w.text === '4.70')!;
    // Back in page fractions: right of the label, on its line.
    expect(amount.bbox[0]).toBeGreaterThan(0.36);
    expect(amount.bbox[1]).toBeGreaterThan(0.58);
    expect(amount.bbox[3]).toBeLessThan(0.64);
    expect(amount.confidence).toBeGreaterThan(0.5);
  });

  it('takes a value read twice as often as any other', async () => {
    // Nine re-reads, 6:3; the page pass's garbled "70" is no amount and casts no vote.
    const pool = scriptedPool((call) => (call % 3 === 0 ? '738.70' : '758.70'));
    const words = await rereadKeyCells(PAGE, [...LABEL, word('70', [0.8, 0.6, 0.85, 0.62], 0.86)], pool);
    expect(words.map((w) => w.text)).toContain('758.70');
    expect(words.map((w) => w.text)).not.toContain('738.70');
  });

  it('keeps the page pass reading when the readings are split', async () => {
    const pool = scriptedPool((call) => (call % 2 === 0 ? '758.70' : '738.70'));
    const amount = word('758.70', [0.8, 0.6, 0.9, 0.62], 0.79);
    expect(await rereadKeyCells(PAGE, [...LABEL, amount], pool)).toContain(amount);
  });

  it('keeps the page pass reading when few readings find a value', async () => {
    const pool = scriptedPool((call) => (call < 2 ? '4.70' : null));
    const words = await rereadKeyCells(PAGE, [...LABEL, word('©', [0.8, 0.6, 0.82, 0.62], 0.1)], pool);
    expect(words.map((w) => w.text)).not.toContain('4.70');
  });

  it('reads nothing again when the amount was read cleanly and confidently', async () => {
    const pool = scriptedPool(() => '1.00');
    await rereadKeyCells(PAGE, [...LABEL, word('4.70', [0.8, 0.6, 0.86, 0.62], 0.95)], pool);
    expect(pool.calls).toBe(0);
  });
});
