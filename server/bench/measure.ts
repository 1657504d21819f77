/** Small statistics for the benchmark: every figure is computed from samples taken in the same run. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function mean(samples: readonly number[]): number {
  return samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

/** Runs `work` `times` times, one after another, and returns each duration in milliseconds. */
export async function timeEach(times: number, work: (index: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < times; index++) {
    const started = performance.now();
    await work(index);
    durations.push(performance.now() - started);
  }
  return durations;
}

export function formatTable(rows: ReadonlyArray<Record<string, string | number>>): string {
  const headers = Object.keys(rows[0] ?? {});
  const cell = (value: string | number) =>
    typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 1) : value;
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(cell(r[h] ?? '')).length)));
  const line = (values: string[]) =>
    values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [
    line(headers),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(headers.map((h) => String(cell(r[h] ?? ''))))),
  ].join('\n');
}
