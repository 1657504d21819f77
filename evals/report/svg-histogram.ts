import { px, svgFrame, svgText } from './svg-frame.ts';

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A bin width of 1, 2, 2.5 or 5 × 10ⁿ that cuts 0..max into at most `bins` bins. */
export function niceBinWidth(max: number, bins: number): number {
  if (max <= 0) return 1;
  const raw = max / bins;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = NICE_STEPS.find((s) => s * power >= raw) ?? 10;
  return step * power;
}

/** At most one decimal, none when whole: 2.5, 10, 0.4. */
const formatTick = (value: number) => String(Math.round(value * 10) / 10);

/** Histogram of values (latencies in ms) with vertical markers (p50, p95). */
export function svgHistogram(
  values: readonly number[],
  options: { label: string; unit: string; markers: { label: string; value: number }[] },
): string {
  const left = 44;
  const top = 38;
  const plotWidth = 520;
  const plotHeight = 180;
  const width = left + plotWidth + 16;
  const height = top + plotHeight + 40;
  const max = Math.max(0, ...values, ...options.markers.map((m) => m.value));
  const binWidth = niceBinWidth(max, 15);
  const binCount = Math.max(1, Math.floor(max / binWidth) + 1);
  const counts = new Array<number>(binCount).fill(0);
  for (const value of values) counts[Math.min(binCount - 1, Math.floor(value / binWidth))]!++;
  const tallest = Math.max(1, ...counts);
  const span = binCount * binWidth;
  const x = (value: number) => left + (value / span) * plotWidth;
  const y = (count: number) => top + plotHeight - (count / tallest) * plotHeight;
  const bars = counts
    .map((count, index) =>
      count === 0
        ? ''
        : `<rect x="${px(x(index * binWidth) + 1)}" y="${px(y(count))}" width="${px(plotWidth / binCount - 2)}" ` +
          `height="${px(plotHeight - (y(count) - top))}" class="bar"><title>${index * binWidth}–${(index + 1) * binWidth} ${options.unit}: ${count}</title></rect>` +
          svgText(x((index + 0.5) * binWidth), y(count) - 4, String(count), {
            class: 'count',
            'text-anchor': 'middle',
          }),
    )
    .join('');
  const labelEvery = Math.ceil(binCount / 8);
  const ticks = counts
    .map((_, index) =>
      index % labelEvery === 0
        ? svgText(x(index * binWidth), top + plotHeight + 16, formatTick(index * binWidth), {
            class: 'tick',
            'text-anchor': 'middle',
          })
        : '',
    )
    .join('');
  const markers = options.markers
    .map(
      (marker, index) =>
        `<line x1="${px(x(marker.value))}" y1="${top - 20 + index * 12}" x2="${px(x(marker.value))}" y2="${top + plotHeight}" class="marker"/>` +
        svgText(
          x(marker.value) + 3,
          top - 24 + index * 12,
          `${marker.label} ${formatTick(marker.value)} ${options.unit}`,
          {
            class: 'marker-label',
          },
        ),
    )
    .join('');
  const axis =
    `<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" class="frame"/>` +
    svgText(left + plotWidth / 2, height - 4, `${options.unit} per document`, {
      class: 'axis',
      'text-anchor': 'middle',
    });
  return svgFrame({ width, height, label: options.label, body: bars + ticks + axis + markers });
}
