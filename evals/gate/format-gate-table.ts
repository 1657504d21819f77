import type { GateVerdict } from './compare-to-baseline.ts';

const figure = (x: number) => x.toFixed(3);

/** The gate's verdict as a table, regressions first and marked, so a failed CI log says what moved. */
export function formatGateTable(verdict: GateVerdict, baselineFile: string): string {
  const ordered = [...verdict.checks].sort((a, b) => Number(b.isRegressed) - Number(a.isRegressed));
  const header = ['metric', 'baseline', 'current', 'bound', 'verdict'];
  const body = ordered.map((c) => [
    c.metric,
    figure(c.baseline),
    figure(c.current),
    `${c.metric.endsWith('F1') ? '≥' : '≤'} ${figure(c.bound)}`,
    c.isRegressed ? 'REGRESSED' : 'ok',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const regressed = verdict.checks.filter((c) => c.isRegressed).length;
  return [
    `regression gate against ${baselineFile} (tolerance ${verdict.tolerance})`,
    render(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(render),
    regressed ? `FAILED: ${regressed} regressed` : 'passed',
    '',
  ].join('\n');
}
