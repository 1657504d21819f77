import os from 'node:os';
import path from 'node:path';
import { evaluateDataset } from '../../evals/evaluate-dataset.ts';
import { formatEvalTable } from '../../evals/format-eval-table.ts';
import { retryInProcess } from '../../tools/claude/retry-in-process.ts';
import { type EngineName, resolveEngine } from '../../tools/claude/select-engine.ts';
import {
  addTimingsToSummary,
  emptyUsageSummary,
  formatUsageSummary,
} from '../../tools/claude/usage-summary.ts';
import type { Config } from '../../tools/core/config.ts';
import { extractFile } from '../../tools/ops/extract-document.ts';
import { createOcrPool } from '../../tools/read/ocr-pool.ts';
import { readLimitsFromConfig } from '../../tools/read/read-limits.ts';
import { routingPolicyOf } from '../../tools/review/route-document.ts';
import { createProgressBar } from './progress-bar.ts';

/** `paperwork eval`: runs the in-process understanding path over a labelled dataset and scores every field. */
export async function evalCommand(
  options: { dataset: string; engine?: EngineName; json?: boolean },
  config: Config,
) {
  const engine = resolveEngine(config, options.engine);
  const size = config.OCR_WORKERS ?? os.availableParallelism();
  const ocr = createOcrPool({ size });
  const limits = readLimitsFromConfig(config);
  const bar = createProgressBar(0, process.stderr);
  const usage = emptyUsageSummary();
  try {
    const report = await evaluateDataset({
      dir: path.resolve(options.dataset),
      concurrency: size,
      extract: async (content, file, docType) => {
        const result = await retryInProcess(() =>
          extractFile(
            { filename: path.basename(file), content, docType },
            { ocr, limits, policy: routingPolicyOf(config), engine: { config, engine } },
          ),
        );
        addTimingsToSummary(usage, result.timings);
        return result;
      },
      onProgress: (done, total) => bar.update(done, `${done}/${total} documents`, total),
    });
    bar.done();
    const withUsage = { ...report, engine, ...(usage.requests > 0 && { llmUsage: usage }) };
    process.stdout.write(options.json ? `${JSON.stringify(withUsage)}\n` : formatEvalTable(report));
    if (usage.requests > 0 && !options.json) process.stdout.write(formatUsageSummary(usage));
  } finally {
    await ocr.close();
  }
}
