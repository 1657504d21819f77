import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvalExtract, type EvalExtraction, evaluateDataset } from '../../evals/evaluate-dataset.ts';
import { type Baseline, baselineOf, readBaseline, writeBaseline } from '../../evals/gate/baseline.ts';
import { compareToBaseline } from '../../evals/gate/compare-to-baseline.ts';
import { formatGateTable } from '../../evals/gate/format-gate-table.ts';
import { makeInvoicePdf } from '../../evals/synth/make-invoice-pdf.ts';
import { runCli } from '../server/cli/run-cli.ts';

const DOCUMENTS = 10;
let dir: string;

const truth = (i: number) => ({
  merchant_name: `Shop ${i}`,
  date: `2025-01-${String(i + 1).padStart(2, '0')}`,
  total_amount: `${i + 10}.00`,
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-gate-'));
  const lines: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    await writeFile(path.join(dir, `r${i}.txt`), String(i));
    lines.push(JSON.stringify({ file: `r${i}.txt`, docType: 'receipt', expected: truth(i) }));
  }
  await writeFile(path.join(dir, 'manifest.jsonl'), `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const indexOf = (file: string) => Number(/r(\d+)\.txt/.exec(file)![1]);

/**
 * The reference extractor: every value right except document 0's total, which it is unsure of and sends to
 * review; everything else goes straight through.
 */
const reference: EvalExtract = async (_bytes, file) => {
  const i = indexOf(file);
  const values = { ...truth(i), ...(i === 0 && { total_amount: '99.99' }) };
  return {
    docType: 'receipt',
    fields: Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, confidence: 0.9 }])),
    status: i === 0 ? 'needs_review' : 'auto_approved',
    reasons: i === 0 ? ['low_confidence'] : [],
  };
};

/** A worse extractor: the reference with `change` applied to what it returns for the documents picked. */
function worsened(picked: number[], change: (extraction: EvalExtraction) => EvalExtraction): EvalExtract {
  return async (bytes, file, docType) => {
    const extraction = await reference(bytes, file, docType);
    return picked.includes(indexOf(file)) ? change(extraction) : extraction;
  };
}

const dropMerchant = (e: EvalExtraction): EvalExtraction => {
  const { merchant_name: _dropped, ...fields } = e.fields;
  return { ...e, fields, status: 'needs_review', reasons: ['required_fields'] };
};
const corruptDate = (e: EvalExtraction): EvalExtraction => ({
  ...e,
  fields: { ...e.fields, date: { value: '1999-12-31', confidence: 0.95 } },
});
const approveAnyway = (e: EvalExtraction): EvalExtraction => ({ ...e, status: 'auto_approved', reasons: [] });

let baseline: Baseline;

describe('the regression gate', () => {
  beforeAll(async () => {
    baseline = await baselineOf(await evaluateDataset({ dir, extract: reference }), {
      name: 'rules',
      version: 'test',
    });
  });

  it('passes a run against its own baseline, and a baseline reads back as written', async () => {
    const file = path.join(dir, 'baseline.json');
    await writeBaseline(file, baseline);
    const read = await readBaseline(file);
    expect(read).toEqual(baseline);
    expect(read.fields.total_amount!.f1).toBeCloseTo(0.9, 4);
    const verdict = compareToBaseline(await evaluateDataset({ dir, extract: reference }), read);
    expect(verdict.isRegressed).toBe(false);
    expect(formatGateTable(verdict, file)).toMatch(/passed/);
  });

  it.each([
    // One merchant of ten missing: recall 0.9, F1 0.947, a drop of 0.053.
    {
      case: 'a field dropped on one document',
      picked: [3],
      change: dropMerchant,
      tolerance: 0.02,
      regressed: ['merchant_name F1'],
    },
    {
      case: 'the same drop within a looser tolerance',
      picked: [3],
      change: dropMerchant,
      tolerance: 0.06,
      regressed: [],
    },
    // A wrong date routed to review: F1 0.9 (drop 0.1), the false-accept rate unchanged.
    { case: 'a corrupted field', picked: [0], change: corruptDate, tolerance: 0.02, regressed: ['date F1'] },
    // The same values, but the wrong document now skips review: false-accept rate 0 → 0.1.
    {
      case: 'a wrong document approved',
      picked: [0],
      change: approveAnyway,
      tolerance: 0.02,
      regressed: ['false-accept rate'],
    },
    {
      case: 'a corrupted field on an approved document',
      picked: [5],
      change: corruptDate,
      tolerance: 0.02,
      regressed: ['date F1', 'false-accept rate'],
    },
  ])('$case: regressed $regressed', async ({ picked, change, tolerance, regressed }) => {
    const report = await evaluateDataset({ dir, extract: worsened(picked, change) });
    const verdict = compareToBaseline(report, baseline, tolerance);
    expect(verdict.checks.filter((c) => c.isRegressed).map((c) => c.metric)).toEqual(regressed);
    expect(verdict.isRegressed).toBe(regressed.length > 0);
    const table = formatGateTable(verdict, 'b.json');
    for (const metric of regressed) expect(table).toMatch(new RegExp(`${metric}.*REGRESSED`));
  });

  it('holds the false-accept rate to an absolute ceiling when the baseline has one', async () => {
    const report = await evaluateDataset({ dir, extract: worsened([0], approveAnyway) });
    expect(compareToBaseline(report, { ...baseline, maxFalseAcceptRate: 0.1 }).isRegressed).toBe(false);
    expect(compareToBaseline(report, { ...baseline, maxFalseAcceptRate: 0.05 }).isRegressed).toBe(true);
  });
});

describe('paperwork eval --baseline', () => {
  it('exits 1 with a table of the regressed figures when the run is worse than the baseline', async () => {
    const set = path.join(dir, 'set');
    await mkdir(set, { recursive: true });
    await writeFile(path.join(set, 'inv.pdf'), await makeInvoicePdf());
    const written = path.join(dir, 'cli-baseline.json');
    // invoice_number is read right off this invoice; po_number, which it does not print, was "right" before.
    await writeBaseline(written, {
      ...baseline,
      falseAcceptRate: 0,
      fields: {
        invoice_number: { f1: 1, precision: 1, recall: 1, expected: 1 },
        po_number: { f1: 1, precision: 1, recall: 1, expected: 1 },
      },
    });
    const env = {
      OCR_WORKERS: '1',
      DATA_DIR: path.join(dir, 'data'),
      FIELD_THRESHOLDS: '',
      ROUTING_FILE: '',
    };
    await writeFile(
      path.join(set, 'manifest.jsonl'),
      `${[
        { file: 'inv.pdf', docType: 'invoice', expected: { invoice_number: 'INV-2025-1042' } },
        { file: 'inv.pdf', docType: 'invoice', expected: { po_number: 'PO-7' } },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n')}\n`,
    );
    const run = await runCli(['eval', '--dataset', set, '--engine', 'rules', '--baseline', written], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/po_number F1\s+1\.000\s+0\.000\s+≥ 0\.980\s+REGRESSED/);
    expect(run.stderr).toMatch(/invoice_number F1.*ok/);
  });
});
