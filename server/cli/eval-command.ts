import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { evaluateDataset } from '../../evals/evaluate-dataset.ts';
import { extractForEval } from '../../evals/extract-for-eval.ts';
import { formatEvalTable } from '../../evals/format-eval-table.ts';
import { renderReportHtml } from '../../evals/report/render-report-html.ts';
import { retryInProcess } from '../../tools/claude/retry-in-process.ts';
import { type EngineName, resolveEngine } from '../../tools/claude/select-engine.ts';
import {
  addTimingsToSummary,
  emptyUsageSummary,
  formatUsageSummary,
} from '../../tools/claude/usage-summary.ts';
import type { Config } from '../../tools/core/config.ts';
import { createOcrPool } from '../../tools/read/ocr-pool.ts';
import { readLimitsFromConfig } from '../../tools/read/read-limits.ts';
import { routingPolicyOf } from '../../tools/review/route-document.ts';
import { type GateOptions, runGateStep } from './eval-gate-step.ts';
import { createProgressBar } from './progress-bar.ts';

export type EvalCommandOptions = {
  dataset: string;
  engine?: EngineName;
  json?: boolean;
  report?: string;
} & GateOptions;

/**
 * `paperwork eval`: runs the in-process understanding path over a labelled dataset and scores every field;
 * `--report` also writes a self-contained HTML page of the run.
 */
export async function evalCommand(options: EvalCommandOptions, config: Config) {
  const engine = resolveEngine(config, options.engine);
  const size = config.OCR_WORKERS ?? os.availableParallelism();
  const ocr = createOcrPool({ size });
  const limits = readLimitsFromConfig(config);
  const policy = routingPolicyOf(config);
  const bar = createProgressBar(0, process.stderr);
  const usage = emptyUsageSummary();
  try {
    const report = await evaluateDataset({
      dir: path.resolve(options.dataset),
      concurrency: size,
      extract: async (content, file, docType) => {
        const result = await retryInProcess(() =>
          extractForEval(content, file, docType, { ocr, limits, policy, engine: { config, engine } }),
        );
        addTimingsToSummary(usage, result.timings ?? {});
        return result;
      },
      onProgress: (done, total) => bar.update(done, `${done}/${total} documents`, total),
    });
    bar.done();
    const withUsage = { ...report, engine, ...(usage.requests > 0 && { llmUsage: usage }) };
    if (options.report) {
      await writeFile(options.report, renderReportHtml(report, { engine, generatedAt: new Date() }));
    }
    process.stdout.write(options.json ? `${JSON.stringify(withUsage)}\n` : formatEvalTable(report));
    if (usage.requests > 0 && !options.json) process.stdout.write(formatUsageSummary(usage));
    if (options.report && !options.json) process.stdout.write(`report written to ${options.report}\n`);
    await runGateStep(report, options, engine, config);
  } finally {
    await ocr.close();
  }
}
