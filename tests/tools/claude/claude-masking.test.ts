import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractWithEngine } from '../../../tools/claude/extract-with-engine.ts';
import type { Bbox, Page } from '../../../tools/documents/page.ts';
import { claudeTestConfig } from './claude-config.ts';
import {
  askedFields,
  type FakeMessagesApi,
  sentText,
  startFakeMessagesApi,
  toolAnswer,
} from './fake-messages-api.ts';

const WIDTH = 1000;
const HEIGHT = 1300;
const GRAY = 128;

type PlacedWord = { text: string; bbox: Bbox };

/** A scanned form: OCR words, and an image where every word is a gray block, so a mask shows as black. */
async function scannedPage(words: PlacedWord[]): Promise<{ page: Page; image: Uint8Array }> {
  const blocks = await Promise.all(
    words.map(async ({ bbox }) => {
      const [left, top] = [Math.round(bbox[0] * WIDTH), Math.round(bbox[1] * HEIGHT)];
      const width = Math.round((bbox[2] - bbox[0]) * WIDTH);
      const height = Math.round((bbox[3] - bbox[1]) * HEIGHT);
      const input = await sharp({
        create: { width, height, channels: 3, background: { r: GRAY, g: GRAY, b: GRAY } },
      })
        .png()
        .toBuffer();
      return { input, left, top };
    }),
  );
  const image = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#ffffff' } })
    .composite(blocks)
    .png()
    .toBuffer();
  return {
    page: {
      number: 1,
      width: WIDTH,
      height: HEIGHT,
      source: 'ocr',
      words: words.map((w) => ({ ...w, confidence: 0.95 })),
    },
    image: new Uint8Array(image),
  };
}

/** Lays out a line of words left to right from x0 on the band y0..y1. */
function line(texts: string[], x0: number, y0: number, y1 = y0 + 0.02): PlacedWord[] {
  let x = x0;
  return texts.map((text) => {
    const width = 0.012 * text.length + 0.01;
    const word = { text, bbox: [x, y0, x + width, y1] as Bbox };
    x += width + 0.01;
    return word;
  });
}

/** Gray levels of the image inside a box, as 0..255 values of its first channel. */
async function pixelsIn(png: Uint8Array, box: Bbox): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const values: number[] = [];
  for (let y = Math.ceil(box[1] * info.height) + 1; y < Math.floor(box[3] * info.height) - 1; y += 2) {
    for (let x = Math.ceil(box[0] * info.width) + 1; x < Math.floor(box[2] * info.width) - 1; x += 2) {
      values.push(data[(y * info.width + x) * info.channels] ?? -1);
    }
  }
  return values;
}

describe('masking tax ids before anything leaves the machine', () => {
  let api: FakeMessagesApi;
  beforeAll(async () => {
    api = await startFakeMessagesApi();
  });
  afterAll(async () => api?.close());
  beforeEach(() => {
    api.requests.length = 0;
  });

  it('sends a W-9 scan without its TIN, in text or image, and fills the TIN locally', async () => {
    const tinWord = { text: '12-3456789', bbox: [0.62, 0.42, 0.78, 0.445] as Bbox };
    const words = [
      ...line(['Form', 'W-9', 'Request', 'for', 'Taxpayer'], 0.05, 0.05),
      ...line(['Name', 'Harbor', 'Freight', 'Partners'], 0.05, 0.15),
      ...line(['Employer', 'identification', 'number'], 0.05, 0.42),
      tinWord,
      ...line(['Signature', 'date', '03/02/2025'], 0.05, 0.8),
    ];
    const { page, image } = await scannedPage(words);
    api.setHandler((request) =>
      toolAnswer(request, {
        name: { value: 'Harbor Freight Partners', quote: 'Harbor Freight Partners', confidence: 0.9 },
        signature_date: { value: '2025-03-02', quote: '03/02/2025', confidence: 0.9 },
      }),
    );
    const result = await extractWithEngine([page], {
      config: claudeTestConfig(api.url),
      engine: 'claude',
      docType: 'w9',
      loadImage: async () => image,
    });

    const [request] = api.requests;
    const body = JSON.stringify(request?.body);
    expect(body).not.toContain('3456789');
    expect(sentText(request!)).toContain('[TIN]');
    expect(askedFields(request!)).not.toContain('tin');
    expect(askedFields(request!)).not.toContain('tin_type');
    const imageBlock = request?.body.messages[0].content.find((b: { type: string }) => b.type === 'image');
    expect(imageBlock?.source.media_type).toBe('image/png');
    const sent = new Uint8Array(Buffer.from(imageBlock.source.data, 'base64'));
    expect(new Set(await pixelsIn(image, tinWord.bbox))).toEqual(new Set([GRAY]));
    expect(new Set(await pixelsIn(sent, tinWord.bbox))).toEqual(new Set([0]));
    const nameBox = words.find((w) => w.text === 'Harbor')?.bbox as Bbox;
    expect(new Set(await pixelsIn(sent, nameBox))).toEqual(new Set([GRAY]));

    expect(result.fields.tin).toMatchObject({ value: '12-3456789', source: { bbox: tinWord.bbox } });
    expect(result.fields.tin_type?.value).toBe('EIN');
    expect(result.fields.name?.source?.text).toBe('Harbor Freight Partners');
  });

  it('places a 1099-NEC payer and recipient TIN by their labels, unseen by the model', async () => {
    const words = [
      ...line(['Form', '1099-NEC', 'Nonemployee', 'Compensation'], 0.05, 0.05),
      ...line(["PAYER'S", 'TIN'], 0.05, 0.3),
      ...line(["RECIPIENT'S", 'TIN'], 0.5, 0.3),
      { text: '98-7654321', bbox: [0.05, 0.34, 0.2, 0.36] as Bbox },
      { text: '123-45-6789', bbox: [0.5, 0.34, 0.67, 0.36] as Bbox },
    ];
    const { page } = await scannedPage(words);
    const result = await extractWithEngine([page], {
      config: claudeTestConfig(api.url),
      engine: 'claude',
      docType: 'form_1099_nec',
    });
    const body = JSON.stringify(api.requests[0]?.body);
    expect(body).not.toContain('7654321');
    expect(body).not.toContain('45-6789');
    expect(result.fields.payer_tin?.value).toBe('98-7654321');
    expect(result.fields.recipient_tin?.value).toBe('123-45-6789');
  });

  it('sends an invoice unmasked by default, and masks it when MASK_BEFORE_SEND lists it', async () => {
    const words = [...line(['Invoice', 'INV-9'], 0.05, 0.05), ...line(['EIN', '12-3456789'], 0.05, 0.1)];
    const { page } = await scannedPage(words);
    await extractWithEngine([page], {
      config: claudeTestConfig(api.url),
      engine: 'claude',
      docType: 'invoice',
    });
    expect(JSON.stringify(api.requests[0]?.body)).toContain('12-3456789');
    await extractWithEngine([page], {
      config: claudeTestConfig(api.url, { MASK_BEFORE_SEND: 'invoice' }),
      engine: 'claude',
      docType: 'invoice',
    });
    expect(JSON.stringify(api.requests[1]?.body)).not.toContain('3456789');
  });
});
