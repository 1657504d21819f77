import type { EvalReport } from './evaluate-dataset.ts';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A plain-text table of an eval report for the terminal: one row per field, then the document totals. */
export function formatEvalTable(report: EvalReport): string {
  const header = ['field', 'expected', 'predicted', 'correct', 'accuracy', 'precision', 'similarity'];
  const body = report.fields.map((f) => [
    f.field,
    String(f.expected),
    String(f.predicted),
    String(f.correct),
    percent(f.accuracy),
    percent(f.precision),
    f.meanSimilarity.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const lines = [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(render)];
  lines.push('');
  lines.push(`documents ${report.documents}, errors ${report.errors}`);
  if (report.docTypeAccuracy !== null)
    lines.push(`document type accuracy ${percent(report.docTypeAccuracy)}`);
  return lines.join('\n');
}
