import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataset } from '../../evals/dataset.ts';
import { type EvalExtract, type EvalExtraction, evaluateDataset } from '../../evals/evaluate-dataset.ts';
import { extractForEval } from '../../evals/extract-for-eval.ts';
import { formatEvalTable } from '../../evals/format-eval-table.ts';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../evals/synth/make-invoice-pdf.ts';
import { parseConfig } from '../../tools/core/config.ts';
import { createOcrPool } from '../../tools/read/ocr-pool.ts';
import { readLimitsFromConfig } from '../../tools/read/read-limits.ts';
import { routingPolicyOf } from '../../tools/review/route-document.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-eval-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeManifest(lines: string[]) {
  await writeFile(path.join(dir, 'manifest.jsonl'), `${lines.join('\n')}\n`);
}

describe('readDataset', () => {
  it('reports every bad line with its number', async () => {
    await writeManifest([
      JSON.stringify({ file: 'a.pdf', docType: 'invoice', expected: {} }),
      '{not json',
      JSON.stringify({ file: 'b.pdf', docType: 'memo', expected: {} }),
      JSON.stringify({ file: '../c.pdf', expected: {} }),
    ]);
    await expect(readDataset(dir)).rejects.toThrow(
      /line 2: not valid JSON\nline 3: docType .*\nline 4: file \.\.\/c\.pdf is outside/,
    );
  });

  it('resolves files relative to the folder', async () => {
    await writeManifest([JSON.stringify({ file: 'docs/a.pdf', expected: { total_amount: '1.00' } })]);
    const dataset = await readDataset(dir);
    expect(dataset.entries[0]!.path).toBe(path.join(dir, 'docs/a.pdf'));
  });
});

describe('evaluateDataset', () => {
  it('scores precision, recall, F1 and similarity per field and lists mismatches', async () => {
    await writeManifest([
      JSON.stringify({
        file: 'a.txt',
        docType: 'receipt',
        expected: { total_amount: '10.00', merchant_name: 'Shop A' },
      }),
      JSON.stringify({
        file: 'b.txt',
        docType: 'receipt',
        expected: { total_amount: '20.00', merchant_name: 'Shop B' },
      }),
      JSON.stringify({
        file: 'c.txt',
        docType: 'receipt',
        expected: { total_amount: '30.00', merchant_name: 'Shop C' },
      }),
    ]);
    for (const f of ['a', 'b', 'c']) await writeFile(path.join(dir, `${f}.txt`), f);
    const answers: Record<string, Awaited<ReturnType<EvalExtract>>> = {
      'a.txt': {
        docType: 'receipt',
        fields: { total_amount: { value: '10.00' }, merchant_name: { value: 'SHOP A' } },
      },
      'b.txt': { docType: 'invoice', fields: { total_amount: { value: '21.00' } } },
    };
    const extract: EvalExtract = async (_bytes, file) => {
      const answer = answers[file];
      if (!answer) throw new Error('cannot read');
      return answer;
    };
    const progress: number[] = [];
    const report = await evaluateDataset({
      dir,
      extract,
      concurrency: 2,
      onProgress: (done) => progress.push(done),
    });
    const total = report.fields.find((f) => f.field === 'total_amount')!;
    expect(total).toMatchObject({ expected: 3, predicted: 2, correct: 1 });
    expect(total.accuracy).toBeCloseTo(1 / 3);
    expect(total.precision).toBeCloseTo(1 / 2);
    expect(total.recall).toBeCloseTo(1 / 3);
    expect(total.f1).toBeCloseTo(0.4);
    const name = report.fields.find((f) => f.field === 'merchant_name')!;
    expect(name).toMatchObject({ expected: 3, predicted: 1, correct: 1 });
    expect(name.meanSimilarity).toBeCloseTo(1 / 3);
    expect(report.docTypeAccuracy).toBeCloseTo(1 / 3);
    expect(report.errors).toBe(1);
    expect(report.rows[1]!.mismatches.map((m) => m.field)).toEqual(['total_amount', 'merchant_name']);
    expect(report.rows[2]!.error).toBe('cannot read');
    expect(progress).toEqual([1, 2, 3]);
    const table = formatEvalTable(report);
    expect(table).toMatch(/total_amount\s+3\s+2\s+1\s+50\.0%\s+33\.3%\s+40\.0%/);
    expect(table).toContain('document type accuracy 33.3%');
  });

  it('keeps the routing verdict, wall time and LLM cost of each extraction on its row', async () => {
    await writeManifest([
      JSON.stringify({ file: 'a.txt', docType: 'invoice', expected: { total_amount: '10.00' } }),
      JSON.stringify({ file: 'b.txt', docType: 'invoice', expected: { total_amount: '20.00' } }),
    ]);
    for (const f of ['a', 'b']) await writeFile(path.join(dir, `${f}.txt`), f);
    const answers: Record<string, EvalExtraction> = {
      'a.txt': {
        docType: 'invoice',
        fields: { total_amount: { value: '10.00', confidence: 0.97 } },
        status: 'auto_approved',
        reasons: [],
        timings: { llmRequests: 1, llmCostUsd: 0.004 },
      },
      'b.txt': {
        docType: 'invoice',
        fields: {},
        status: 'needs_review',
        reasons: ['missing_required'],
        timings: { parseMs: 3 },
      },
    };
    const extract: EvalExtract = async (_bytes, file) => answers[file]!;
    const report = await evaluateDataset({ dir, extract });
    const [a, b] = report.rows;
    expect(a).toMatchObject({ status: 'auto_approved', reasons: [], costUsd: 0.004 });
    expect(a!.scored).toEqual([{ field: 'total_amount', confidence: 0.97, isMatch: true, predicted: true }]);
    expect(b).toMatchObject({ status: 'needs_review', reasons: ['missing_required'], costUsd: 0 });
    expect(b!.scored).toEqual([{ field: 'total_amount', isMatch: false, predicted: false }]);
    for (const row of report.rows) expect(row.latencyMs).toBeGreaterThanOrEqual(0);
    expect(report.business).toMatchObject({ autoApproved: 1, straightThroughRate: 0.5, falseAccepts: 0 });
    expect(report.cost.totalUsd).toBeCloseTo(0.004);
  });
});

describe('extractForEval', () => {
  it('returns the routing status of the extraction with the reason codes behind it', async () => {
    const ocr = createOcrPool({ size: 1 });
    try {
      const config = parseConfig({});
      const deps = { ocr, limits: readLimitsFromConfig(config), policy: routingPolicyOf(config) };
      // With every threshold at 0 and no amount limit, nothing stops a clean invoice.
      const lenient = { threshold: 0, fieldThresholds: {}, autoApproveLimit: Infinity, qaSampleRate: 0 };
      const pdf = await makeInvoicePdf(SAMPLE_INVOICE);
      const approved = await extractForEval(pdf, 'invoice.pdf', undefined, { ...deps, policy: lenient });
      expect(approved.docType).toBe('invoice');
      expect(approved).toMatchObject({ status: 'auto_approved', reasons: [] });
      // A limit under the invoice's amount sends it to review, with the code only, not the sentence.
      const strict = await extractForEval(pdf, 'invoice.pdf', undefined, {
        ...deps,
        policy: { ...lenient, autoApproveLimit: 1 },
      });
      expect(strict).toMatchObject({ status: 'needs_review', reasons: ['over_limit'] });
      // The default policy: whatever it decides, the reasons agree with the status.
      const usual = await extractForEval(pdf, 'invoice.pdf', undefined, deps);
      expect(usual.status === 'auto_approved').toBe(usual.reasons!.length === 0);
      for (const reason of usual.reasons!) expect(reason).toMatch(/^[a-z0-9_]+$/);
      expect(strict.timings?.parseMs).toBeGreaterThanOrEqual(0);
    } finally {
      await ocr.close();
    }
  });
});
