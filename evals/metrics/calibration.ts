import type { Calibration, DocumentRow, ReliabilityBin } from '../eval-report.ts';
import { ratio } from './ratio.ts';

export const CALIBRATION_BINS = 10;

/** The bin of a confidence: [0, 0.1), [0.1, 0.2) … [0.9, 1]; 1 itself falls in the last bin. */
export function binOf(confidence: number, bins = CALIBRATION_BINS): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(confidence * bins)));
}

/**
 * Reliability table and expected calibration error over every predicted field that carried a confidence:
 * a missing field has no confidence to judge, and a confidence of 0.8 should be right 8 times in 10.
 */
export function calibrate(rows: readonly DocumentRow[], bins = CALIBRATION_BINS): Calibration {
  const sums = Array.from({ length: bins }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (const row of rows) {
    for (const scored of row.scored) {
      if (!scored.predicted || scored.confidence === undefined) continue;
      const sum = sums[binOf(scored.confidence, bins)]!;
      sum.count++;
      sum.confidence += scored.confidence;
      if (scored.isMatch) sum.correct++;
    }
  }
  const total = sums.reduce((n, s) => n + s.count, 0);
  const table: ReliabilityBin[] = sums.map((s, index) => ({
    lower: index / bins,
    upper: (index + 1) / bins,
    count: s.count,
    meanConfidence: ratio(s.confidence, s.count),
    accuracy: ratio(s.correct, s.count),
  }));
  const ece = table.reduce(
    (sum, bin) => sum + ratio(bin.count, total) * Math.abs(bin.accuracy - bin.meanConfidence),
    0,
  );
  return { bins: table, ece };
}
