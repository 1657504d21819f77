import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import { startTestServer, type TestServer, uploadForm } from '../../support/test-server.ts';
import { makeEncryptedPdf, makePagesPdf } from '../../tools/read/make-pdf.ts';

const MAX_UPLOAD_BYTES = 300_000;

type UploadAnswer = {
  documents?: Array<{ id: string; status: string }>;
  rejected?: Array<{ file: string; error: { code: string; message: string } }>;
  error?: { code: string; message: string };
};

describe('bad input over HTTP', () => {
  let server: TestServer;
  let goodPdf: Uint8Array;
  let png: Uint8Array;

  beforeAll(async () => {
    server = await startTestServer({
      MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
      MAX_PAGES: '3',
      MAX_IMAGE_PIXELS: '4000000',
    });
    goodPdf = await makeInvoicePdf();
    png = new Uint8Array(
      await sharp({ create: { width: 200, height: 100, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
  });
  afterAll(() => server?.stop());

  async function upload(files: Array<{ name: string; content: Uint8Array }>) {
    const response = await server.api('POST', '/api/documents', { body: uploadForm(files) });
    return { status: response.status, body: (await response.json()) as UploadAnswer };
  }

  const cases: Array<[string, () => Promise<{ name: string; content: Uint8Array }>, number, string]> = [
    ['an empty file', async () => ({ name: 'empty.pdf', content: new Uint8Array() }), 400, 'EMPTY_FILE'],
    ['a PNG named .pdf', async () => ({ name: 'invoice.pdf', content: png }), 415, 'FILE_TYPE_MISMATCH'],
    [
      'a text file named .pdf',
      async () => ({ name: 'notes.pdf', content: new TextEncoder().encode('hello, world\n') }),
      415,
      'FILE_TYPE_MISMATCH',
    ],
    [
      'a text file',
      async () => ({ name: 'notes.txt', content: new TextEncoder().encode('hello, world\n') }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a truncated PDF',
      async () => ({ name: 'cut.pdf', content: goodPdf.slice(0, Math.floor(goodPdf.length / 2)) }),
      422,
      'CORRUPT_FILE',
    ],
    [
      'an encrypted PDF',
      async () => ({ name: 'locked.pdf', content: makeEncryptedPdf() }),
      422,
      'ENCRYPTED_PDF',
    ],
    [
      'a PDF with too many pages',
      async () => ({ name: 'long.pdf', content: await makePagesPdf(5) }),
      422,
      'TOO_MANY_PAGES',
    ],
    [
      'an image over the pixel limit',
      async () => ({
        name: 'huge.png',
        content: new Uint8Array(
          await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#fff' } })
            .png()
            .toBuffer(),
        ),
      }),
      422,
      'IMAGE_TOO_LARGE',
    ],
    [
      'a file over the size limit',
      async () => ({ name: 'big.pdf', content: new Uint8Array(MAX_UPLOAD_BYTES + 1) }),
      413,
      'FILE_TOO_LARGE',
    ],
  ];

  it.each(cases)(
    'refuses %s at upload with a clear error and stores nothing',
    async (_label, make, status, code) => {
      const before = (await (await server.api('GET', '/api/documents')).json()) as { documents: unknown[] };
      const answer = await upload([await make()]);
      expect(answer.status).toBe(status);
      expect(answer.body.error?.code).toBe(code);
      expect(answer.body.error?.message.length).toBeGreaterThan(20);
      const after = (await (await server.api('GET', '/api/documents')).json()) as { documents: unknown[] };
      expect(after.documents.length).toBe(before.documents.length);
    },
  );

  it('accepts the good files of a mixed upload and lists the bad ones', async () => {
    const answer = await upload([
      {
        name: 'good.pdf',
        content: await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-MIXED-1' }),
      },
      { name: 'empty.pdf', content: new Uint8Array() },
    ]);
    expect(answer.status).toBe(202);
    expect(answer.body.documents).toHaveLength(1);
    expect(answer.body.rejected).toEqual([
      { file: 'empty.pdf', error: expect.objectContaining({ code: 'EMPTY_FILE' }) },
    ]);
    const view = await server.waitForSettled(answer.body.documents![0]!.id);
    expect(['auto_approved', 'needs_review']).toContain(view.status);
  });

  it('fails a document whose damage shows only while reading, and carries on with the next', async () => {
    // The header (and so the upload checks) is intact; the pixel data is cut off.
    const photo = await sharp({
      create: {
        width: 800,
        height: 600,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    const damaged = new Uint8Array(photo.subarray(0, Math.floor(photo.length / 3)));
    const answer = await upload([{ name: 'damaged.jpg', content: damaged }]);
    if (answer.status === 202) {
      const view = (await server.waitForSettled(answer.body.documents![0]!.id)) as {
        status: string;
        error?: { code: string };
      };
      expect(view.status).toBe('failed');
      expect(view.error?.code).toBe('CORRUPT_FILE');
    } else {
      expect(answer.body.error?.code).toBe('CORRUPT_FILE');
    }
    const next = await upload([
      { name: 'next.pdf', content: await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-NEXT-1' }) },
    ]);
    expect(next.status).toBe(202);
    expect((await server.waitForSettled(next.body.documents![0]!.id)).status).not.toBe('failed');
  });

  it('refuses an upload with no file', async () => {
    const form = new FormData();
    form.append('docType', 'invoice');
    const response = await server.api('POST', '/api/documents', { body: form });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});
