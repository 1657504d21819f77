import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEval } from '../../evals/run-eval.ts';
import { invoiceTotals, makeInvoicePdf, SAMPLE_INVOICE } from '../../evals/synth/make-invoice-pdf.ts';
import { parseConfig } from '../../tools/core/config.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { invokeTool } from '../../tools/core/tool.ts';
import { createOcrPool } from '../../tools/read/ocr-pool.ts';

let dir: string;
const ocr = createOcrPool({ size: 1 });

// run_eval reads files and runs the understanding path in process: it must not reach for the database, the
// blob store, the queues or the logger, so those throw when touched.
const untouchable = new Proxy(
  {},
  {
    get: (_, key) => {
      throw new Error(`run_eval touched ${String(key)}`);
    },
  },
);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-run-eval-'));
  await writeFile(path.join(dir, 'a.pdf'), await makeInvoicePdf(SAMPLE_INVOICE));
  const right = {
    invoice_number: SAMPLE_INVOICE.invoiceNumber,
    total_amount: invoiceTotals(SAMPLE_INVOICE).total,
  };
  await writeFile(
    path.join(dir, 'manifest.jsonl'),
    [
      { file: 'a.pdf', docType: 'invoice', expected: right },
      // The same file labelled with another total: what the engine reads is now wrong.
      { file: 'a.pdf', docType: 'invoice', expected: { ...right, total_amount: '1.00' } },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );
});
afterAll(async () => {
  await ocr.close();
  await rm(dir, { recursive: true, force: true });
});

describe('run_eval', () => {
  it('reports recall, F1, straight-through and false-accept rates, calibration and type confusion', async () => {
    // Every threshold at 0 and no amount limit: both documents go straight through, one with a wrong total.
    const config = parseConfig({
      CONFIDENCE_THRESHOLD: '0',
      AUTO_APPROVE_LIMIT: '1000000',
      QA_SAMPLE_RATE: '0',
    });
    const ctx = {
      config,
      ocr,
      actor: { kind: 'local', name: 'test', role: 'admin' },
      db: untouchable,
      blobs: untouchable,
      pipeline: untouchable,
      logger: untouchable,
    } as ToolContext;
    const report = await invokeTool(runEval, { dataset: dir, engine: 'rules' }, ctx);
    expect(report.documents).toBe(2);
    const total = report.fields.find((f) => f.field === 'total_amount')!;
    expect(total).toMatchObject({
      expected: 2,
      predicted: 2,
      correct: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(total.accuracy).toBe(total.recall);
    expect(report.straightThroughRate).toBe(1);
    expect(report.falseAcceptRate).toBe(0.5);
    expect(report.falseAcceptsPerAutoApproved).toBe(0.5);
    expect(report.docTypeConfusion).toEqual({ invoice: { invoice: 2 } });
    expect(report.ece).toBeGreaterThanOrEqual(0);
    expect(report.ece).toBeLessThanOrEqual(1);
    expect(report.latencyP95Ms).toBeGreaterThanOrEqual(report.latencyP50Ms);
    expect(report.costPerDocumentUsd).toBe(0);
    expect(report.mismatches).toEqual([
      {
        file: 'a.pdf',
        field: 'total_amount',
        expected: '1.00',
        predicted: invoiceTotals(SAMPLE_INVOICE).total,
      },
    ]);
  });
});
