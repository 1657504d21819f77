import { describe, expect, it } from 'vitest';
import type { DocumentRow, ScoredField } from '../../evals/eval-report.ts';
import { summarizeRows } from '../../evals/evaluate-dataset.ts';
import { businessRates, isFalseAccept } from '../../evals/metrics/business-rates.ts';
import { binOf, calibrate } from '../../evals/metrics/calibration.ts';
import { f1Score } from '../../evals/metrics/field-scores.ts';
import { percentile } from '../../evals/metrics/percentiles.ts';

type Field = [field: string, confidence: number | undefined, isMatch: boolean, similarity?: number];

function row(
  file: string,
  options: Pick<DocumentRow, 'status' | 'reasons' | 'latencyMs' | 'costUsd' | 'expectedDocType' | 'docType'>,
  fields: Field[],
): DocumentRow {
  const scored: ScoredField[] = fields.map(([field, confidence, isMatch]) => ({
    field,
    confidence,
    isMatch,
    predicted: confidence !== undefined,
  }));
  return {
    file,
    ...options,
    correct: scored.filter((s) => s.isMatch).length,
    expected: scored.length,
    scored,
    mismatches: fields
      .filter(([, , isMatch]) => !isMatch)
      .map(([field, confidence, , similarity]) => ({
        field,
        expected: 'x',
        ...(confidence !== undefined && { predicted: 'y', confidence }),
        similarity: similarity ?? 0,
      })),
  };
}

// Four documents, two fields each (✓ right, ✗ wrong, – missing):
//   a  auto_approved  invoice→invoice  total ✓ 0.95   number ✓ 0.85             100 ms  $0.01
//   b  auto_approved  invoice→invoice  total ✗ 0.92   number ✓ 0.81             300 ms  $0.02
//   c  needs_review   receipt→invoice  total ✓ 0.35   number –                  200 ms  $0
//   d  needs_review   receipt→receipt  total ✗ 0.38   number ✗ 0.15             400 ms  $0.03
const rows = [
  row(
    'a',
    {
      status: 'auto_approved',
      reasons: [],
      latencyMs: 100,
      costUsd: 0.01,
      expectedDocType: 'invoice',
      docType: 'invoice',
    },
    [
      ['total_amount', 0.95, true],
      ['invoice_number', 0.85, true],
    ],
  ),
  row(
    'b',
    {
      status: 'auto_approved',
      reasons: [],
      latencyMs: 300,
      costUsd: 0.02,
      expectedDocType: 'invoice',
      docType: 'invoice',
    },
    [
      ['total_amount', 0.92, false, 0.8],
      ['invoice_number', 0.81, true],
    ],
  ),
  row(
    'c',
    {
      status: 'needs_review',
      reasons: ['low_confidence'],
      latencyMs: 200,
      costUsd: 0,
      expectedDocType: 'receipt',
      docType: 'invoice',
    },
    [
      ['total_amount', 0.35, true],
      ['invoice_number', undefined, false],
    ],
  ),
  row(
    'd',
    {
      status: 'needs_review',
      reasons: ['totals_balance'],
      latencyMs: 400,
      costUsd: 0.03,
      expectedDocType: 'receipt',
      docType: 'receipt',
    },
    [
      ['total_amount', 0.38, false, 0.5],
      ['invoice_number', 0.15, false, 0.25],
    ],
  ),
];

describe('eval metrics on a hand-computed example', () => {
  const report = summarizeRows('/set', rows);

  it('scores precision, recall, F1 and similarity per field', () => {
    // total_amount: predicted 4, correct 2 → P 2/4, R 2/4, F1 0.5; similarity (1 + 0.8 + 1 + 0.5) / 4.
    // invoice_number: predicted 3 (c missing), correct 2 → P 2/3, R 2/4, F1 2·(1/3)/(7/6) = 4/7;
    // similarity (1 + 1 + 0 + 0.25) / 4.
    const [total, number] = report.fields;
    expect(total).toMatchObject({ field: 'total_amount', expected: 4, predicted: 4, correct: 2 });
    expect(total!.precision).toBeCloseTo(0.5);
    expect(total!.recall).toBeCloseTo(0.5);
    expect(total!.f1).toBeCloseTo(0.5);
    expect(total!.meanSimilarity).toBeCloseTo(0.825);
    expect(number).toMatchObject({ field: 'invoice_number', expected: 4, predicted: 3, correct: 2 });
    expect(number!.precision).toBeCloseTo(2 / 3);
    expect(number!.recall).toBeCloseTo(0.5);
    expect(number!.accuracy).toBe(number!.recall);
    expect(number!.f1).toBeCloseTo(4 / 7);
    expect(number!.meanSimilarity).toBeCloseTo(0.5625);
  });

  it('counts straight-through and false accepts', () => {
    // a and b skip review (2/4); b did so with a wrong total (1/4 of documents, 1/2 of the approved).
    expect(report.business).toEqual({
      documents: 4,
      autoApproved: 2,
      straightThroughRate: 0.5,
      falseAccepts: 1,
      falseAcceptRate: 0.25,
      falseAcceptsPerAutoApproved: 0.5,
    });
    expect(rows.map(isFalseAccept)).toEqual([false, true, false, false]);
  });

  it('bins predicted confidences and computes the calibration error', () => {
    // 7 predicted fields (c's missing number has no confidence):
    //   bin 9 [0.9, 1]:   0.95 ✓, 0.92 ✗ → n 2, conf 0.935, acc 0.5, gap 0.435
    //   bin 8 [0.8, 0.9): 0.85 ✓, 0.81 ✓ → n 2, conf 0.83,  acc 1,   gap 0.17
    //   bin 3 [0.3, 0.4): 0.35 ✓, 0.38 ✗ → n 2, conf 0.365, acc 0.5, gap 0.135
    //   bin 1 [0.1, 0.2): 0.15 ✗         → n 1, conf 0.15,  acc 0,   gap 0.15
    //   ECE = (2·0.435 + 2·0.17 + 2·0.135 + 1·0.15) / 7 = 1.63 / 7
    const { bins, ece } = report.calibration;
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([0, 1, 0, 2, 0, 0, 0, 0, 2, 2]);
    expect(bins[9]!.lower).toBeCloseTo(0.9);
    expect(bins[9]!.upper).toBeCloseTo(1);
    expect(bins[9]!.meanConfidence).toBeCloseTo(0.935);
    expect(bins[9]!.accuracy).toBeCloseTo(0.5);
    expect(bins[8]!.meanConfidence).toBeCloseTo(0.83);
    expect(bins[8]!.accuracy).toBeCloseTo(1);
    expect(bins[3]!.meanConfidence).toBeCloseTo(0.365);
    expect(bins[1]!.accuracy).toBe(0);
    expect(bins[0]).toMatchObject({ count: 0, meanConfidence: 0, accuracy: 0 });
    expect(ece).toBeCloseTo(1.63 / 7);
  });

  it('scores document types with a confusion matrix', () => {
    // c is a receipt read as an invoice: 3 of 4 right.
    expect(report.docTypes).toEqual({
      accuracy: 0.75,
      confusion: { invoice: { invoice: 2 }, receipt: { invoice: 1, receipt: 1 } },
    });
    expect(report.docTypeAccuracy).toBe(0.75);
  });

  it('takes nearest-rank latency percentiles and cost per document', () => {
    // Sorted latencies 100 200 300 400: p50 is rank ⌈2⌉ = 200, p95 rank ⌈3.8⌉ = 400. Cost 0.06 / 4.
    expect(report.latency).toEqual({ p50Ms: 200, p95Ms: 400 });
    expect(report.cost.totalUsd).toBeCloseTo(0.06);
    expect(report.cost.perDocumentUsd).toBeCloseTo(0.015);
  });
});

describe('metric edge cases', () => {
  it.each([
    [0, 0],
    [0.0999, 0],
    [0.1, 1],
    [0.95, 9],
    [1, 9],
  ])('puts confidence %s in bin %s', (confidence, bin) => {
    expect(binOf(confidence)).toBe(bin);
  });

  it('gives zeros, not NaN, when there is nothing to measure', () => {
    const empty = summarizeRows('/empty', []);
    expect(empty.business.straightThroughRate).toBe(0);
    expect(empty.business.falseAcceptsPerAutoApproved).toBe(0);
    expect(empty.calibration.ece).toBe(0);
    expect(empty.latency).toEqual({ p50Ms: 0, p95Ms: 0 });
    expect(empty.cost.perDocumentUsd).toBe(0);
    expect(empty.docTypes.accuracy).toBeNull();
    expect(f1Score(0, 0)).toBe(0);
    expect(percentile([], 50)).toBe(0);
  });

  it('counts a failed extraction as neither approved nor calibrated', () => {
    const failed = row('e', { latencyMs: 50 }, [['total_amount', undefined, false]]);
    failed.error = 'cannot read';
    expect(businessRates([failed]).autoApproved).toBe(0);
    expect(calibrate([failed]).bins.every((b) => b.count === 0)).toBe(true);
  });
});
