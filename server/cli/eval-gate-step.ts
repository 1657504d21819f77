import type { EvalReport } from '../../evals/eval-report.ts';
import { baselineOf, readBaseline, writeBaseline } from '../../evals/gate/baseline.ts';
import { compareToBaseline } from '../../evals/gate/compare-to-baseline.ts';
import { formatGateTable } from '../../evals/gate/format-gate-table.ts';
import type { EngineName } from '../../tools/claude/select-engine.ts';
import type { Config } from '../../tools/core/config.ts';
import { RULES_ENGINE_VERSION } from '../../tools/understand/understand-document.ts';

export type GateOptions = { baseline?: string; tolerance?: number; writeBaseline?: string };

/** What a baseline names as the engine: the rules version, the model, or both for auto. */
function engineVersionOf(config: Config, engine: EngineName): string {
  if (engine === 'rules') return RULES_ENGINE_VERSION;
  return engine === 'auto'
    ? `rules-${RULES_ENGINE_VERSION}/${config.PAPERWORK_MODEL}`
    : config.PAPERWORK_MODEL;
}

/**
 * After `paperwork eval`: `--write-baseline` stores the run as a baseline; `--baseline` compares the run with
 * one, prints the table on stderr (stdout may be JSON) and fails the command when anything regressed.
 */
export async function runGateStep(
  report: EvalReport,
  options: GateOptions,
  engine: EngineName,
  config: Config,
) {
  if (options.tolerance !== undefined && !(options.tolerance >= 0 && options.tolerance <= 1)) {
    throw new Error(`--tolerance must be between 0 and 1, not ${options.tolerance}.`);
  }
  if (options.writeBaseline) {
    const baseline = await baselineOf(report, { name: engine, version: engineVersionOf(config, engine) });
    if (options.tolerance !== undefined) baseline.tolerance = options.tolerance;
    await writeBaseline(options.writeBaseline, baseline);
    process.stderr.write(`baseline written to ${options.writeBaseline}\n`);
  }
  if (options.baseline) {
    const baseline = await readBaseline(options.baseline);
    const verdict = compareToBaseline(report, baseline, options.tolerance ?? baseline.tolerance);
    process.stderr.write(formatGateTable(verdict, options.baseline));
    if (verdict.isRegressed) process.exitCode = 1;
  }
}
