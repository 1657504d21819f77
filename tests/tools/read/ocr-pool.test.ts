import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../tools/core/app-error.ts';
import { createOcrPool } from '../../../tools/read/ocr-pool.ts';
import { photographText } from './make-scan.ts';

const blankPng = () =>
  sharp({ create: { width: 64, height: 32, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();

describe('createOcrPool', () => {
  it('sizes itself to the cores unless told otherwise', async () => {
    const pool = createOcrPool();
    expect(pool.size).toBeGreaterThanOrEqual(1);
    expect(createOcrPool({ size: 3 }).size).toBe(3);
    // Nothing was started, so closing has nothing to stop.
    await pool.close();
  });

  it('rejects a page whose caller has already given up, without starting an engine', async () => {
    const pool = createOcrPool({ size: 1 });
    const reason = new Error('document cancelled');
    await expect(pool.recognize(await blankPng(), AbortSignal.abort(reason))).rejects.toBe(reason);
    await pool.close();
  });

  it.each([
    [
      'a closed pool',
      async () => {
        const pool = createOcrPool({ size: 1 });
        await pool.close();
        return pool.recognize(await blankPng());
      },
    ],
    ['bytes that are not a PNG', async () => createOcrPool({ size: 1 }).recognize(new Uint8Array([1, 2, 3]))],
  ])('fails with a system error on %s', async (_name, run) => {
    const error = await run().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'system', isRetryable: true });
  });

  it('stops waiting for a page when its caller aborts', async () => {
    const pool = createOcrPool({ size: 1 });
    const controller = new AbortController();
    const page = pool.recognize(await blankPng(), controller.signal);
    controller.abort(new Error('document cancelled'));
    await expect(page).rejects.toThrow('document cancelled');
    await pool.close();
  });

  it('fails a page the engine cannot decode with a retryable error, then reads the next one', async () => {
    const pool = createOcrPool({ size: 1 });
    const png = await blankPng();
    const broken = Buffer.concat([png.subarray(0, 33), Buffer.alloc(40, 7)]);
    const error = await pool.recognize(broken).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: 'INTERNAL',
      kind: 'system',
      message: expect.stringMatching(/failed on a page/),
    });
    await expect(pool.recognize(png)).resolves.toMatchObject({ width: 64, height: 32, words: [] });
    await pool.close();
  });

  it('reads an image in single-line mode when asked, and later images in the pool mode', async () => {
    const pool = createOcrPool({ size: 1 });
    const line = await sharp(await photographText([{ text: 'TOTAL 65.20', x: 40, y: 700, size: 14 }], 150))
      .extract({ left: 60, top: 170, width: 300, height: 60 })
      .png()
      .toBuffer();
    const single = await pool.recognize(line, undefined, { pageSegmentation: Tesseract.PSM.SINGLE_LINE });
    expect(single.words.map((word) => word.text)).toEqual(['TOTAL', '65.20']);
    const page = await pool.recognize(line);
    expect(page.words.map((word) => word.text)).toEqual(['TOTAL', '65.20']);
    await pool.close();
  });
});
