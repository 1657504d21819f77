import { fitThresholds } from '../../evals/calibrate/fit-thresholds.ts';
import { formatCalibration } from '../../evals/calibrate/format-calibration.ts';
import { readEvalRun } from '../../evals/calibrate/read-run.ts';
import type { Config } from '../../tools/core/config.ts';
import { writeRoutingFile } from '../../tools/core/routing-file.ts';

export type CalibrateCommandOptions = { from: string; targetFar: number; write?: boolean; json?: boolean };

/**
 * `paperwork calibrate`: fits per-field thresholds on a saved eval run (`paperwork eval --json`) under the
 * routing policy of this configuration, prints what they change, and with `--write` stores them in the
 * routing file the server reads at start.
 */
export async function calibrateCommand(options: CalibrateCommandOptions, config: Config) {
  if (!(options.targetFar >= 0 && options.targetFar <= 1)) {
    throw new Error(`--target-far must be between 0 and 1, not ${options.targetFar}.`);
  }
  const run = await readEvalRun(options.from);
  const result = fitThresholds(run.rows, {
    targetFalseAcceptRate: options.targetFar,
    threshold: config.CONFIDENCE_THRESHOLD,
    fieldThresholds: config.FIELD_THRESHOLDS,
  });
  process.stdout.write(
    options.json
      ? `${JSON.stringify(result)}\n`
      : formatCalibration(result, config.FIELD_THRESHOLDS, config.CONFIDENCE_THRESHOLD),
  );
  const recorded = (run as { business?: { autoApproved?: number } }).business?.autoApproved;
  if (recorded !== undefined && recorded !== result.before.autoApproved) {
    // The replay under this configuration is not what the run saw: the run was made with other settings.
    process.stderr.write(
      `note: the run auto-approved ${recorded} documents, a replay under this configuration ${result.before.autoApproved}; "before" is the replay.\n`,
    );
  }
  if (!options.write) return;
  await writeRoutingFile(config.ROUTING_FILE, result.thresholds);
  process.stderr.write(
    `Thresholds written to ${config.ROUTING_FILE}; restart the server to use them (FIELD_THRESHOLDS in the environment still wins per field).\n`,
  );
}
