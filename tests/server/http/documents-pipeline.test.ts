import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceTotals, makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import { renderPdfPageToPng } from '../../../evals/synth/rasterize-pdf.ts';
import { startTestServer, type TestServer, uploadForm } from '../../support/test-server.ts';

type View = {
  id: string;
  status: string;
  docType?: string;
  fields?: Record<string, { value: unknown; confidence: number; source?: { page: number; bbox: number[] } }>;
  review?: { reasons: string[] };
  timings?: Record<string, number>;
};

describe('the intake pipeline over HTTP', () => {
  let server: TestServer;
  let invoicePdf: Uint8Array;
  const totals = invoiceTotals(SAMPLE_INVOICE);

  beforeAll(async () => {
    server = await startTestServer();
    invoicePdf = await makeInvoicePdf();
  });
  afterAll(() => server?.stop());

  async function upload(name: string, content: Uint8Array, token?: string) {
    const response = await server.api('POST', '/api/documents', {
      body: uploadForm([{ name, content }]),
      token,
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        documents: Array<{ id: string; status: string; isDuplicate: boolean }>;
      },
    };
  }

  it('takes a born-digital invoice from upload to a routed extraction', async () => {
    const { status, body } = await upload('northwind.pdf', invoicePdf);
    expect(status).toBe(202);
    const id = body.documents[0]!.id;
    const view = (await server.waitForSettled(id)) as View;
    expect(view.docType).toBe('invoice');
    expect(['auto_approved', 'needs_review']).toContain(view.status);
    expect(view.fields?.invoice_number?.value).toBe(SAMPLE_INVOICE.invoiceNumber);
    expect(view.fields?.total_amount?.value).toBe(totals.total);
    expect(view.fields?.invoice_date?.value).toBe('2025-03-15');
    const source = view.fields?.total_amount?.source;
    expect(source?.page).toBe(1);
    // The total is printed in the lower right of the page.
    expect(source?.bbox[0]).toBeGreaterThan(0.6);
    if (view.status === 'needs_review') expect(view.review?.reasons.length).toBeGreaterThan(0);

    const file = await server.api('GET', `/api/documents/${id}/file`);
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(invoicePdf))).toBe(true);
    const page = await server.api('GET', `/api/documents/${id}/pages/1.png`);
    expect(page.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await page.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('reads a scanned invoice image through OCR', async () => {
    const png = await renderPdfPageToPng(
      await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-2025-2077' }),
    );
    const { status, body } = await upload('scan.png', png);
    expect(status).toBe(202);
    const view = (await server.waitForSettled(body.documents[0]!.id)) as View;
    expect(view.docType).toBe('invoice');
    expect(view.fields?.total_amount?.value).toBe(totals.total);
    expect(view.fields?.invoice_number?.value).toBe('INV-2025-2077');
  });

  it('returns the existing document when the same bytes are uploaded again', async () => {
    const bytes = await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-DUP-1' });
    const first = await upload('dup-first.pdf', bytes);
    const second = await upload('dup-second.pdf', bytes);
    expect(second.status).toBe(202);
    expect(second.body.documents[0]!.id).toBe(first.body.documents[0]!.id);
    expect(second.body.documents[0]!.isDuplicate).toBe(true);
    const list = (await (await server.api('GET', '/api/documents?q=dup-')).json()) as {
      documents: Array<{ file: string }>;
    };
    expect(list.documents.map((d) => d.file)).toEqual(['dup-first.pdf']);
  });

  it('lists documents by status', async () => {
    // A JPEG whose header passes the upload checks but whose pixels are cut off fails while reading,
    // so the filter has a failed document to find among settled ones.
    const photo = await sharp({
      create: {
        width: 400,
        height: 300,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    const { body: uploaded } = await upload(
      'cut.jpg',
      new Uint8Array(photo.subarray(0, Math.floor(photo.length / 3))),
    );
    await server.waitForSettled(uploaded.documents[0]!.id);
    const response = await server.api('GET', '/api/documents?status=failed');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { documents: Array<{ status: string }> };
    expect(body.documents.length).toBeGreaterThan(0);
    expect(body.documents.every((d) => d.status === 'failed')).toBe(true);
  });

  it.each([
    ['no token', null, 'GET', '/api/documents', 401],
    ['an unknown token', 'pw_not-a-token', 'GET', '/api/documents', 401],
  ])('refuses a request with %s', async (_label, token, method, route, expected) => {
    const response = await server.api(method, route, { token });
    expect(response.status).toBe(expected);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an upload from a viewer and lets a clerk upload', async () => {
    const viewer = await server.tokenFor('viewer');
    const clerk = await server.tokenFor('clerk');
    const bytes = await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-ROLE-1' });
    expect((await upload('r.pdf', bytes, viewer)).status).toBe(403);
    expect((await upload('r.pdf', bytes, clerk)).status).toBe(202);
    expect((await server.api('GET', '/api/documents', { token: viewer })).status).toBe(200);
  });

  it('answers an unknown document with a JSON 404', async () => {
    const response = await server.api('GET', '/api/documents/00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('reports health and readiness without a token', async () => {
    expect((await server.api('GET', '/healthz', { token: null })).status).toBe(200);
    expect((await server.api('GET', '/readyz', { token: null })).status).toBe(200);
  });
});
