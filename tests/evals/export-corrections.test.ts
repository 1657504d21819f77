import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../evals/dataset.ts';
import { evaluateDataset } from '../../evals/evaluate-dataset.ts';
import { exportCorrections } from '../../evals/export-corrections.ts';
import { extractForEval } from '../../evals/extract-for-eval.ts';
import { invoiceTotals, makeInvoicePdf } from '../../evals/synth/make-invoice-pdf.ts';
import { readLimitsFromConfig } from '../../tools/read/read-limits.ts';
import { routingPolicyOf } from '../../tools/review/route-document.ts';
import { unbalancedInvoice } from '../support/invoice-fixtures.ts';
import { startTestServer, type TestServer, uploadForm } from '../support/test-server.ts';

type View = { status: string; review?: { taskId: string } };

describe('paperwork eval export-corrections', () => {
  let server: TestServer;
  let reviewer: string;
  let out: string;
  let correctedId: string;
  let uncorrectedId: string;
  let correctedPdf: Uint8Array;
  const corrected = unbalancedInvoice('FAB-3001');
  const uncorrected = unbalancedInvoice('FAB-3002');

  async function submit(name: string, content: Uint8Array): Promise<string> {
    const response = await server.api('POST', '/api/documents', { body: uploadForm([{ name, content }]) });
    expect(response.status).toBe(202);
    return ((await response.json()) as { documents: Array<{ id: string }> }).documents[0]!.id;
  }

  async function approve(id: string, body: object) {
    const settled = (await server.waitForSettled(id)) as unknown as View;
    expect(settled.status).toBe('needs_review');
    const response = await server.api('POST', `/api/review/${settled.review!.taskId}/approve`, {
      token: reviewer,
      body,
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer({ AUTO_APPROVE_LIMIT: '100000' });
    reviewer = await server.tokenFor('reviewer');
    out = await mkdtemp(path.join(os.tmpdir(), 'paperwork-corrections-'));
    correctedPdf = await makeInvoicePdf(corrected);
    correctedId = await submit('fabrikam 3001.pdf', correctedPdf);
    uncorrectedId = await submit('fabrikam-3002.pdf', await makeInvoicePdf(uncorrected));
    // The reviewer fixes the misprinted total of one; the other is approved as it was read.
    await approve(correctedId, {
      corrections: { total_amount: invoiceTotals(corrected).total },
      reason: 'total misprinted',
    });
    await approve(uncorrectedId, {});
  });
  afterAll(async () => {
    await server?.stop();
    await rm(out, { recursive: true, force: true });
  });

  const runExport = (since?: Date) =>
    exportCorrections(
      { db: server.runtime.ctx.db, blobs: server.runtime.ctx.blobs },
      { outDir: out, ...(since && { since }) },
    );

  it('writes each corrected, approved document with its approved values as a dataset eval reads', async () => {
    expect((await runExport()).documents).toBe(1);
    const dataset = await readDataset(out);
    expect(dataset.entries).toHaveLength(1);
    const [entry] = dataset.entries;
    expect(entry).toMatchObject({
      file: `${correctedId}-fabrikam_3001.pdf`,
      docType: 'invoice',
      documentId: correctedId,
      expected: {
        invoice_number: 'FAB-3001',
        total_amount: invoiceTotals(corrected).total,
        vendor_name: expect.stringMatching(/Fabrikam/),
      },
    });
    // Only scalar values a label can hold: the line items are not scored as a field.
    expect(entry!.expected).not.toHaveProperty('line_items');
    expect(await readFile(entry!.path)).toEqual(Buffer.from(correctedPdf));
  });

  it('is idempotent, and `since` leaves earlier entries in place', async () => {
    const before = await readFile(path.join(out, 'manifest.jsonl'), 'utf8');
    await runExport();
    expect(await readFile(path.join(out, 'manifest.jsonl'), 'utf8')).toBe(before);
    expect((await runExport(new Date(Date.now() + 60_000))).documents).toBe(0);
    expect(await readFile(path.join(out, 'manifest.jsonl'), 'utf8')).toBe(before);
    expect((await readdir(out)).sort()).toEqual([`${correctedId}-fabrikam_3001.pdf`, 'manifest.jsonl']);
  });

  it('is a set eval runs on: the engine still reads the misprinted total the reviewer corrected', async () => {
    const { config, ocr } = server.runtime.ctx;
    const report = await evaluateDataset({
      dir: out,
      extract: (content, file, docType) =>
        extractForEval(content, file, docType, {
          ocr,
          limits: readLimitsFromConfig(config),
          policy: routingPolicyOf(config),
          engine: { config, engine: 'rules' },
        }),
    });
    expect(report.errors).toBe(0);
    const byField = Object.fromEntries(report.fields.map((f) => [f.field, f]));
    expect(byField.invoice_number?.recall).toBe(1);
    expect(byField.total_amount).toMatchObject({ predicted: 1, correct: 0 });
  });
});
