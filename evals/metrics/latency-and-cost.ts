import type { DocumentRow, EvalReport } from '../eval-report.ts';
import { percentile } from './percentiles.ts';
import { ratio } from './ratio.ts';

/** p50 and p95 of the extract call's wall time per document, failures included (they cost time too). */
export function latencyOf(rows: readonly DocumentRow[]): EvalReport['latency'] {
  const times = rows.map((r) => r.latencyMs);
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/** LLM spend over the run and per document; the rules engine spends nothing. */
export function costOf(rows: readonly DocumentRow[]): EvalReport['cost'] {
  const totalUsd = rows.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);
  return { totalUsd, perDocumentUsd: ratio(totalUsd, rows.length) };
}
