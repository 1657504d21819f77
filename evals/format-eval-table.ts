import type { EvalReport } from './eval-report.ts';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => `$${x.toFixed(4)}`;

function renderTable(header: string[], body: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(render)];
}

/**
 * A plain-text summary of an eval report for the terminal: one row per field (precision, recall, F1, fuzzy
 * similarity), then the business figures, calibration, latency and cost.
 */
export function formatEvalTable(report: EvalReport): string {
  const lines = renderTable(
    ['field', 'expected', 'predicted', 'correct', 'precision', 'recall', 'f1', 'similarity'],
    report.fields.map((f) => [
      f.field,
      String(f.expected),
      String(f.predicted),
      String(f.correct),
      percent(f.precision),
      percent(f.recall),
      percent(f.f1),
      f.meanSimilarity.toFixed(3),
    ]),
  );
  const { business, calibration, latency, cost } = report;
  lines.push('');
  lines.push(`documents ${report.documents}, errors ${report.errors}`);
  if (report.docTypes.accuracy !== null)
    lines.push(`document type accuracy ${percent(report.docTypes.accuracy)}`);
  lines.push(
    `straight-through ${percent(business.straightThroughRate)} (${business.autoApproved} auto-approved), ` +
      `false accepts ${percent(business.falseAcceptRate)} of documents (${business.falseAccepts}; ` +
      `${percent(business.falseAcceptsPerAutoApproved)} of auto-approved)`,
  );
  const scoredFields = calibration.bins.reduce((n, b) => n + b.count, 0);
  lines.push(`calibration ECE ${calibration.ece.toFixed(3)} over ${scoredFields} predicted fields`);
  lines.push(
    `latency p50 ${Math.round(latency.p50Ms)} ms, p95 ${Math.round(latency.p95Ms)} ms; ` +
      `cost ${usd(cost.perDocumentUsd)} per document (${usd(cost.totalUsd)} in all)`,
  );
  return `${lines.join('\n')}\n`;
}
