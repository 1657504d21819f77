import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../tools/core/app-error.ts';
import type { DocType } from '../../tools/documents/types/index.ts';
import { scanDocument } from './scan-document.ts';
import { createRng } from './synth-document.ts';
import { SYNTH_GENERATORS, SYNTH_TYPES } from './synth-generators.ts';
import { stabilizePdf } from './synth-pdf.ts';

export type SynthCorpusOptions = {
  out: string;
  n: number;
  types?: readonly string[];
  scannedRatio: number;
  seed: number;
  /** Documents drawn at once; the corpus is the same whatever the number. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
};

/** One manifest line: the dataset format `paperwork eval` reads, plus the layout and whether it was scanned. */
export type SynthManifestEntry = {
  file: string;
  docType: DocType;
  layout: string;
  scanned: boolean;
  expected: Record<string, unknown>;
};

const shown = (value: number) => (Number.isNaN(value) ? 'not a number' : `not ${value}`);

function validate(options: SynthCorpusOptions): DocType[] {
  if (!Number.isInteger(options.n) || options.n < 1) {
    throw new AppError('VALIDATION_FAILED', `--n must be a whole number of at least 1, ${shown(options.n)}.`);
  }
  if (!(options.scannedRatio >= 0 && options.scannedRatio <= 1)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--scanned-ratio must be between 0 and 1, ${shown(options.scannedRatio)}.`,
    );
  }
  if (!Number.isInteger(options.seed)) {
    throw new AppError('VALIDATION_FAILED', `--seed must be a whole number, ${shown(options.seed)}.`);
  }
  const types = options.types ?? SYNTH_TYPES;
  const unknown = types.filter((type) => !(SYNTH_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0 || types.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Unknown document type ${unknown.join(', ') || '(none given)'}; the corpus can draw: ${SYNTH_TYPES.join(', ')}.`,
    );
  }
  return [...new Set(types)] as DocType[];
}

/** A seed per document, so each one is the same whether it is drawn first or last, alone or in parallel. */
function documentSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

/** Which documents are scanned: exactly round(n × ratio) of them, chosen by a seeded shuffle. */
function pickScanned(n: number, ratio: number, seed: number): Set<number> {
  const rng = createRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return new Set(order.slice(0, Math.round(n * ratio)));
}

/**
 * Writes a synthetic labelled corpus: `n` documents over `types` in turn, a `scannedRatio` share of them
 * rasterized and degraded, `manifest.jsonl` with what a perfect extractor returns for each, and `synth.json`
 * with the arguments that make it again. Nothing
 * comes from the clock: the same options give the same bytes.
 */
export async function writeSynthCorpus(options: SynthCorpusOptions): Promise<SynthManifestEntry[]> {
  const types = validate(options);
  await mkdir(options.out, { recursive: true });
  const scanned = pickScanned(options.n, options.scannedRatio, options.seed);
  const width = String(options.n).length;
  const entries: SynthManifestEntry[] = new Array(options.n);
  let next = 0;
  let done = 0;
  const drawOne = async (index: number) => {
    const docType = types[index % types.length]!;
    const rng = createRng(documentSeed(options.seed, index));
    const document = await SYNTH_GENERATORS[docType]!(rng);
    const isScanned = scanned.has(index);
    const { bytes, extension } = isScanned
      ? await scanDocument(document.pdf, rng)
      : { bytes: await stabilizePdf(document.pdf), extension: 'pdf' };
    const file = `${String(index + 1).padStart(width, '0')}-${docType}-${document.layout}.${extension}`;
    await writeFile(path.join(options.out, file), bytes);
    entries[index] = {
      file,
      docType,
      layout: document.layout,
      scanned: isScanned,
      expected: document.expected,
    };
  };
  const worker = async () => {
    while (next < options.n) {
      await drawOne(next++);
      options.onProgress?.(++done, options.n);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  const manifest = entries.map((entry) => JSON.stringify(entry)).join('\n');
  await writeFile(path.join(options.out, 'manifest.jsonl'), `${manifest}\n`);
  // How to make the set again; a regression baseline taken on it records this (evals/gate/baseline.ts).
  const args = {
    command: 'paperwork synth',
    n: options.n,
    scannedRatio: options.scannedRatio,
    seed: options.seed,
  };
  await writeFile(
    path.join(options.out, 'synth.json'),
    `${JSON.stringify({ ...args, ...(options.types && { types: types.join(',') }) })}\n`,
  );
  return entries;
}
