import type { DocumentRow, FieldStats } from '../eval-report.ts';
import { ratio } from './ratio.ts';

/** Harmonic mean of precision and recall; 0 when both are 0. */
export function f1Score(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Per-field precision, recall and F1 over every document that expected the field, in the order fields
 * first appear. Only expected fields are scored: a value the label does not mention cannot be judged.
 */
export function scoreFields(rows: readonly DocumentRow[]): FieldStats[] {
  const totals = new Map<
    string,
    { expected: number; predicted: number; correct: number; similaritySum: number }
  >();
  for (const row of rows) {
    for (const scored of row.scored) {
      const total = totals.get(scored.field) ?? { expected: 0, predicted: 0, correct: 0, similaritySum: 0 };
      total.expected++;
      if (scored.predicted) total.predicted++;
      if (scored.isMatch) total.correct++;
      const mismatch = row.mismatches.find((m) => m.field === scored.field);
      total.similaritySum += scored.isMatch ? 1 : scored.predicted ? (mismatch?.similarity ?? 0) : 0;
      totals.set(scored.field, total);
    }
  }
  return [...totals].map(([field, { expected, predicted, correct, similaritySum }]) => {
    const precision = ratio(correct, predicted);
    const recall = ratio(correct, expected);
    return {
      field,
      expected,
      predicted,
      correct,
      precision,
      recall,
      f1: f1Score(precision, recall),
      accuracy: recall,
      meanSimilarity: ratio(similaritySum, expected),
    };
  });
}
