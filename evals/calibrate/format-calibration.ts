import type { CalibrationResult } from './fit-thresholds.ts';
import type { RoutingOutcome } from './replay-routing.ts';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (label: string, o: RoutingOutcome) =>
  `${label.padEnd(7)} straight-through ${percent(o.straightThroughRate).padStart(6)} (${o.autoApproved}/${o.documents})   false accepts ${percent(o.falseAcceptRate).padStart(6)} (${o.falseAccepts}/${o.documents})`;

/** Before and after, then one line per field: the threshold it had and the one fitted. */
export function formatCalibration(
  result: CalibrationResult,
  current: Record<string, number>,
  fallback: number,
) {
  const lines = [
    `target false-accept rate ${percent(result.targetFalseAcceptRate)}`,
    line('before', result.before),
    line('after', result.after),
  ];
  if (!result.isTargetMet) {
    lines.push(
      'the target is not reachable: some wrong documents pass at any threshold (confidence 1, or no confidence on their required fields)',
    );
  }
  const fields = Object.keys(result.thresholds).sort();
  const width = Math.max(5, ...fields.map((f) => f.length));
  lines.push('', `${'field'.padEnd(width)}  before  after`);
  for (const field of fields) {
    const before = (current[field] ?? fallback).toFixed(3);
    lines.push(
      `${field.padEnd(width)}  ${before.padStart(6)}  ${result.thresholds[field]!.toFixed(3).padStart(5)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
