import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../evals/dataset.ts';
import { evaluateDataset } from '../../evals/evaluate-dataset.ts';
import { extractForEval } from '../../evals/extract-for-eval.ts';
import { scanDocument } from '../../evals/synth/scan-document.ts';
import { createRng } from '../../evals/synth/synth-document.ts';
import { SYNTH_TYPES } from '../../evals/synth/synth-generators.ts';
import { type SynthManifestEntry, writeSynthCorpus } from '../../evals/synth/write-synth-corpus.ts';
import { parseConfig } from '../../tools/core/config.ts';
import { DOC_TYPE_SCHEMAS } from '../../tools/documents/types/index.ts';
import { createOcrPool } from '../../tools/read/ocr-pool.ts';
import { readLimitsFromConfig } from '../../tools/read/read-limits.ts';
import { routingPolicyOf } from '../../tools/review/route-document.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'paperwork-synth-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** File name → sha256 of every file a corpus wrote, manifest included. */
async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of (await readdir(dir)).sort()) {
    out[file] = createHash('sha256')
      .update(await readFile(path.join(dir, file)))
      .digest('hex');
  }
  return out;
}

describe('writeSynthCorpus', () => {
  // One scanned corpus shared by the determinism and ratio tests: rasterizing is the slow part.
  const scannedOptions = { n: 6, scannedRatio: 0.5, types: ['invoice', 'receipt'] };
  let first: SynthManifestEntry[];

  it('writes the same bytes for the same seed, scans included', async () => {
    first = await writeSynthCorpus({ ...scannedOptions, out: path.join(root, 'a'), seed: 5, concurrency: 2 });
    await writeSynthCorpus({ ...scannedOptions, out: path.join(root, 'b'), seed: 5, concurrency: 1 });
    const a = await hashes(path.join(root, 'a'));
    expect(Object.keys(a)).toHaveLength(8);
    expect(await hashes(path.join(root, 'b'))).toEqual(a);
  }, 180_000);

  it('writes a different corpus for a different seed', async () => {
    await writeSynthCorpus({ ...scannedOptions, scannedRatio: 0, out: path.join(root, 'c'), seed: 6 });
    await writeSynthCorpus({ ...scannedOptions, scannedRatio: 0, out: path.join(root, 'd'), seed: 7 });
    const c = await readFile(path.join(root, 'c', 'manifest.jsonl'), 'utf8');
    expect(await readFile(path.join(root, 'd', 'manifest.jsonl'), 'utf8')).not.toBe(c);
  });

  it('scans exactly the requested share, as images or a PDF of page images', async () => {
    const scanned = first.filter((entry) => entry.scanned);
    expect(scanned).toHaveLength(3);
    for (const entry of scanned) expect(entry.file).toMatch(/\.(jpg|png|pdf)$/);
    for (const entry of first.filter((e) => !e.scanned)) expect(entry.file).toMatch(/\.pdf$/);
  });

  it('scans a multi-page document into a PDF of JPEG pages with no text layer', async () => {
    const pdf = await PDFDocument.create();
    for (const label of ['first page', 'second page'])
      pdf.addPage([300, 200]).drawText(label, { x: 20, y: 100 });
    const scan = await scanDocument(await pdf.save(), createRng(4));
    expect(scan.extension).toBe('pdf');
    const scanned = await PDFDocument.load(scan.bytes);
    expect(scanned.getPageCount()).toBe(2);
    const text = Buffer.from(scan.bytes).toString('latin1');
    expect(text.match(/\/DCTDecode/g)).toHaveLength(2);
    expect(text).not.toContain('/Font');
  }, 60_000);

  it('writes a manifest eval reads, whose expected values parse with each type schema', async () => {
    const dir = path.join(root, 'all');
    const entries = await writeSynthCorpus({ out: dir, n: 40, scannedRatio: 0, seed: 11 });
    expect(new Set(entries.map((e) => e.docType))).toEqual(new Set(SYNTH_TYPES));
    expect(new Set(entries.map((e) => `${e.docType}/${e.layout}`)).size).toBeGreaterThanOrEqual(
      SYNTH_TYPES.length * 2,
    );
    const dataset = await readDataset(dir);
    expect(dataset.entries).toHaveLength(40);
    for (const entry of dataset.entries) {
      const schema = DOC_TYPE_SCHEMAS[entry.docType!].partial().strict();
      expect(schema.safeParse(entry.expected).error?.issues ?? [], entry.file).toEqual([]);
      expect(entry).toMatchObject({ layout: expect.any(String), scanned: false });
    }
  }, 60_000);

  it.each([
    [{ n: 0 }, /--n must be a whole number of at least 1/],
    [{ scannedRatio: 1.5 }, /--scanned-ratio must be between 0 and 1/],
    [
      { types: ['invoice', 'w2'] },
      new RegExp(`Unknown document type w2; the corpus can draw: ${SYNTH_TYPES.join(', ')}`),
    ],
  ])('refuses %o with a clear message', async (bad, message) => {
    const options = { out: path.join(root, 'bad'), n: 2, scannedRatio: 0, seed: 1, ...bad };
    await expect(writeSynthCorpus(options)).rejects.toThrow(message);
  });
});

/** The amount each type is about: what a wrong reading costs money on. */
const AMOUNT_FIELDS = ['total_amount', 'nonemployee_compensation', 'opening_balance', 'closing_balance'];

describe('synth → eval', () => {
  const config = parseConfig({});
  const ocr = createOcrPool({ size: 1 });
  afterAll(() => ocr.close());
  const deps = { ocr, limits: readLimitsFromConfig(config), policy: routingPolicyOf(config) };

  it('reads the amounts of born-digital documents of every type', async () => {
    const dir = path.join(root, 'round-trip');
    await writeSynthCorpus({ out: dir, n: 20, scannedRatio: 0, seed: 3 });
    const report = await evaluateDataset({
      dir,
      concurrency: 2,
      extract: (content, file, docType) => extractForEval(content, file, docType, deps),
    });
    expect(report.errors).toBe(0);
    const amounts = report.fields.filter((f) => AMOUNT_FIELDS.includes(f.field));
    const expected = amounts.reduce((sum, f) => sum + f.expected, 0);
    const correct = amounts.reduce((sum, f) => sum + f.correct, 0);
    expect(expected).toBeGreaterThanOrEqual(16);
    // Observed 23 of 24 on this seed (the miss: a multi-page invoice priced in "CA$", which the rules do not
    // read as money yet); the bound leaves room for two more.
    expect(correct / expected).toBeGreaterThanOrEqual(0.85);
  }, 180_000);

  it('OCRs a scanned receipt and finds its total', async () => {
    const dir = path.join(root, 'scan-trip');
    const [entry] = await writeSynthCorpus({ out: dir, n: 1, types: ['receipt'], scannedRatio: 1, seed: 2 });
    expect(entry!.scanned).toBe(true);
    const report = await evaluateDataset({
      dir,
      extract: (content, file, docType) => extractForEval(content, file, docType, deps),
    });
    expect(report.errors).toBe(0);
    expect(report.rows[0]!.mismatches.map((m) => m.field)).not.toContain('total_amount');
  }, 120_000);
});
