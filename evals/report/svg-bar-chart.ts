import { percentLabel, px, svgFrame, svgText } from './svg-frame.ts';

export type Bar = { label: string; value: number; note?: string };

/** Horizontal bars for values in 0..1 (per-field F1), one row per bar, with the value written at its end. */
export function svgBarChart(bars: readonly Bar[], label: string): string {
  // Wide enough for the longest label at ~7 px a character (nonemployee_compensation), no wider.
  const labelWidth = Math.min(260, Math.max(80, 16 + 7 * Math.max(0, ...bars.map((b) => b.label.length))));
  const plotWidth = 240;
  const noteWidth = 180;
  const rowHeight = 26;
  const top = 22;
  const width = labelWidth + plotWidth + noteWidth;
  const height = top + Math.max(1, bars.length) * rowHeight + 8;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((tick) => {
      const x = labelWidth + tick * plotWidth;
      return (
        `<line x1="${px(x)}" y1="${top - 4}" x2="${px(x)}" y2="${height - 8}" class="grid"/>` +
        svgText(x, top - 8, percentLabel(tick), { class: 'tick', 'text-anchor': 'middle' })
      );
    })
    .join('');
  const rows = bars
    .map((bar, index) => {
      const y = top + index * rowHeight;
      const value = Math.min(1, Math.max(0, bar.value));
      return (
        svgText(labelWidth - 8, y + 17, bar.label, { class: 'label', 'text-anchor': 'end' }) +
        `<rect x="${labelWidth}" y="${y + 4}" width="${px(value * plotWidth)}" height="${rowHeight - 8}" class="bar"/>` +
        svgText(
          labelWidth + plotWidth + 8,
          y + 17,
          `${percentLabel(value)}${bar.note ? ` · ${bar.note}` : ''}`,
          {
            class: 'value',
          },
        )
      );
    })
    .join('');
  const empty = bars.length === 0 ? svgText(labelWidth, top + 17, 'no fields scored', { class: 'tick' }) : '';
  return svgFrame({ width, height, label, body: grid + rows + empty });
}
