import type { Calibration } from '../eval-report.ts';
import { percentLabel, px, svgFrame, svgText } from './svg-frame.ts';

/**
 * Reliability diagram: per confidence bin, a bar as high as the share of fields that were right, a dot at
 * (mean confidence, accuracy), and the diagonal a perfectly calibrated engine would sit on. Bars under the
 * diagonal mean over-confidence.
 */
export function svgReliabilityDiagram(calibration: Calibration): string {
  const left = 48;
  const top = 16;
  const size = 300;
  const width = left + size + 24;
  const height = top + size + 44;
  const x = (value: number) => left + value * size;
  const y = (value: number) => top + (1 - value) * size;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    .map(
      (t) =>
        `<line x1="${px(x(0))}" y1="${px(y(t))}" x2="${px(x(1))}" y2="${px(y(t))}" class="grid"/>` +
        svgText(left - 6, y(t) + 4, percentLabel(t), { class: 'tick', 'text-anchor': 'end' }) +
        svgText(x(t), top + size + 16, percentLabel(t), { class: 'tick', 'text-anchor': 'middle' }),
    )
    .join('');
  const bars = calibration.bins
    .filter((bin) => bin.count > 0)
    .map((bin) => {
      const barWidth = (bin.upper - bin.lower) * size;
      return (
        `<rect x="${px(x(bin.lower) + 1)}" y="${px(y(bin.accuracy))}" width="${px(barWidth - 2)}" ` +
        `height="${px(bin.accuracy * size)}" class="bar"><title>${percentLabel(bin.lower)}–${percentLabel(bin.upper)}: ` +
        `${bin.count} fields, mean confidence ${bin.meanConfidence.toFixed(3)}, accuracy ${bin.accuracy.toFixed(3)}</title></rect>` +
        `<circle cx="${px(x(bin.meanConfidence))}" cy="${px(y(bin.accuracy))}" r="3.5" class="dot"/>` +
        svgText(x(bin.lower) + barWidth / 2, Math.min(y(bin.accuracy), y(0) - 4) - 4, String(bin.count), {
          class: 'count',
          'text-anchor': 'middle',
        })
      );
    })
    .join('');
  const axes =
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" class="diagonal"/>` +
    `<rect x="${x(0)}" y="${y(1)}" width="${size}" height="${size}" class="frame"/>` +
    svgText(x(0.5), height - 6, 'confidence', { class: 'axis', 'text-anchor': 'middle' }) +
    svgText(12, y(0.5), 'accuracy', {
      class: 'axis',
      'text-anchor': 'middle',
      transform: `rotate(-90 12 ${px(y(0.5))})`,
    });
  return svgFrame({
    width,
    height,
    label: `Reliability diagram, ECE ${calibration.ece.toFixed(3)}`,
    body: ticks + bars + axes,
  });
}
