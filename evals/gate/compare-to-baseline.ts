import type { EvalReport } from '../eval-report.ts';
import type { Baseline } from './baseline.ts';

/** One gated figure: where it was, where it is, the worst it may be, and whether it went past that. */
export type GateCheck = {
  metric: string;
  baseline: number;
  current: number;
  bound: number;
  isRegressed: boolean;
};

export type GateVerdict = { checks: GateCheck[]; isRegressed: boolean; tolerance: number };

// Rounding in the stored baseline must not fail a run that is exactly as good.
const EPSILON = 1e-4;

/**
 * The regression gate: every field of the baseline keeps its F1 within `tolerance` (a field the run no
 * longer scores counts as 0), and the false-accept rate stays under the baseline's ceiling (its absolute
 * `maxFalseAcceptRate`, else its rate plus the tolerance). Fields new since the baseline are not gated.
 */
export function compareToBaseline(
  report: Pick<EvalReport, 'fields' | 'business'>,
  baseline: Baseline,
  tolerance = baseline.tolerance,
): GateVerdict {
  const byField = new Map(report.fields.map((f) => [f.field, f]));
  const checks: GateCheck[] = Object.entries(baseline.fields)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, before]) => {
      const current = byField.get(field)?.f1 ?? 0;
      const bound = before.f1 - tolerance;
      return {
        metric: `${field} F1`,
        baseline: before.f1,
        current,
        bound,
        isRegressed: current < bound - EPSILON,
      };
    });
  const farBound = baseline.maxFalseAcceptRate ?? baseline.falseAcceptRate + tolerance;
  const far = report.business.falseAcceptRate;
  checks.push({
    metric: 'false-accept rate',
    baseline: baseline.falseAcceptRate,
    current: far,
    bound: farBound,
    isRegressed: far > farBound + EPSILON,
  });
  return { checks, isRegressed: checks.some((c) => c.isRegressed), tolerance };
}
