import os from 'node:os';
import path from 'node:path';
import { writeSynthCorpus } from '../../evals/synth/write-synth-corpus.ts';
import { createProgressBar } from './progress-bar.ts';

export type SynthCommandOptions = {
  out: string;
  n: number;
  types?: string;
  scannedRatio: number;
  seed: number;
};

/**
 * `paperwork synth`: writes a synthetic labelled corpus (documents and manifest.jsonl) that `paperwork eval`
 * reads. The same options give the same bytes on every machine.
 */
export async function synthCommand(options: SynthCommandOptions) {
  const out = path.resolve(options.out);
  const bar = createProgressBar(options.n, process.stderr);
  const started = performance.now();
  const entries = await writeSynthCorpus({
    out,
    n: options.n,
    types: options.types
      ?.split(',')
      .map((type) => type.trim())
      .filter(Boolean),
    scannedRatio: options.scannedRatio,
    seed: options.seed,
    concurrency: Math.max(1, Math.min(4, os.availableParallelism())),
    onProgress: (done, total) => bar.update(done, `${done}/${total} documents`),
  });
  bar.done();
  const scanned = entries.filter((entry) => entry.scanned).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${entries.length} documents (${scanned} scanned) and manifest.jsonl written to ${out} in ${seconds} s\n`,
  );
}
