/**
 * `npm run eval:gate`: the fast regression gate CI runs after the tests. It synthesizes a small fixed set
 * (the same documents on every machine: a fixed seed), runs `paperwork eval` on it with the offline rules
 * engine and fails when a field's F1 or the false-accept rate regressed past evals/baselines/synth-ci.json.
 * `npm run eval:gate -- --write-baseline` regenerates that baseline from the same set instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'server/bin/paperwork.js');
const BASELINE = path.join(ROOT, 'evals/baselines/synth-ci.json');
/** Small enough for well under two minutes on two cores, with a few scans so OCR stays gated too. */
export const GATE_SYNTH_ARGS = { n: 30, scannedRatio: 0.1, seed: 11 };

// Configuration that would change routing is left out, so the gate measures the code, not the machine.
const ROUTING_ENV = [
  'ANTHROPIC_API_KEY',
  'AUTO_APPROVE_LIMIT',
  'CONFIDENCE_THRESHOLD',
  'FIELD_THRESHOLDS',
  'PAPERWORK_ENGINE',
  'QA_SAMPLE_RATE',
  'ROUTING_FILE',
];

function runCli(args: string[], env: NodeJS.ProcessEnv, stderr: 'pipe' | 'inherit' = 'inherit') {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', stderr],
  });
}

async function main() {
  const writeIndex = process.argv.indexOf('--write-baseline');
  const isWriting = writeIndex !== -1;
  const target =
    isWriting && process.argv[writeIndex + 1] && !process.argv[writeIndex + 1]!.startsWith('--')
      ? path.resolve(process.argv[writeIndex + 1]!)
      : BASELINE;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-gate-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(dir, 'data') };
  for (const key of ROUTING_ENV) delete env[key];
  try {
    const dataset = path.join(dir, 'set');
    const synth = runCli(
      [
        'synth',
        '--out',
        dataset,
        '--n',
        String(GATE_SYNTH_ARGS.n),
        '--scanned-ratio',
        String(GATE_SYNTH_ARGS.scannedRatio),
        '--seed',
        String(GATE_SYNTH_ARGS.seed),
      ],
      env,
      'pipe',
    );
    if (synth.status !== 0) {
      process.stderr.write(synth.stderr);
      throw new Error(`paperwork synth failed (exit ${synth.status})`);
    }
    const synthArgs = { command: 'paperwork synth', ...GATE_SYNTH_ARGS };
    await writeFile(path.join(dataset, 'synth.json'), `${JSON.stringify(synthArgs)}\n`);
    const evaluated = runCli(
      [
        'eval',
        '--dataset',
        dataset,
        '--engine',
        'rules',
        ...(isWriting ? ['--write-baseline', target] : ['--baseline', BASELINE]),
      ],
      env,
    );
    process.exitCode = evaluated.status ?? 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
