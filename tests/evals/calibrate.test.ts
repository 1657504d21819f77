import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitThresholds } from '../../evals/calibrate/fit-thresholds.ts';
import { readEvalRun } from '../../evals/calibrate/read-run.ts';
import { type RoutedRow, replayRouting } from '../../evals/calibrate/replay-routing.ts';
import { parseConfig } from '../../tools/core/config.ts';
import { writeRoutingFile } from '../../tools/core/routing-file.ts';
import { routeDocument, routingPolicyOf } from '../../tools/review/route-document.ts';

/** A receipt row: merchant_name and date sure and right unless told, total_amount as given. */
function receipt(
  total: { confidence: number; isMatch: boolean },
  options: { reasons?: string[]; merchant?: { confidence: number; isMatch: boolean } } = {},
): RoutedRow {
  return {
    docType: 'receipt',
    reasons: options.reasons ?? [],
    scored: [
      {
        field: 'merchant_name',
        predicted: true,
        ...(options.merchant ?? { confidence: 0.99, isMatch: true }),
      },
      { field: 'date', confidence: 0.99, isMatch: true, predicted: true },
      { field: 'total_amount', predicted: true, ...total },
    ],
  };
}

// Eight documents: six that only confidence can hold back, one a rule holds back, one that failed to extract.
const ROWS: RoutedRow[] = [
  receipt({ confidence: 0.95, isMatch: true }),
  receipt({ confidence: 0.9, isMatch: true }),
  receipt({ confidence: 0.85, isMatch: false }),
  receipt({ confidence: 0.8, isMatch: true }, { reasons: ['low_confidence'] }),
  receipt({ confidence: 0.7, isMatch: false }, { reasons: ['low_confidence'] }),
  receipt({ confidence: 0.6, isMatch: true }, { reasons: ['low_confidence'] }),
  receipt({ confidence: 0.99, isMatch: true }, { reasons: ['totals_balance'] }),
  { docType: 'receipt', scored: [{ field: 'total_amount', isMatch: false, predicted: false }] },
];

describe('replayRouting', () => {
  it('approves a row only when nothing but low confidence held it and every checked field clears its threshold', () => {
    expect(replayRouting(ROWS, {}, 0.8)).toEqual({
      documents: 8,
      autoApproved: 4,
      falseAccepts: 1,
      straightThroughRate: 0.5,
      falseAcceptRate: 0.125,
    });
    expect(replayRouting(ROWS, { total_amount: 0.9 }, 0.8).autoApproved).toBe(2);
    expect(replayRouting(ROWS, { total_amount: 0.9 }, 0.999).autoApproved).toBe(0);
  });

  it('agrees with routeDocument on which required fields it checks', () => {
    const config = parseConfig({
      DATA_DIR: os.tmpdir(),
      QA_SAMPLE_RATE: '0',
      FIELD_THRESHOLDS: '{"tax_amount":0.9}',
    });
    const policy = routingPolicyOf(config);
    const fields = {
      merchant_name: { value: 'Shop', confidence: 0.95 },
      date: { value: '2025-01-01', confidence: 0.95 },
      total_amount: { value: '10.00', confidence: 0.95 },
      tax_amount: { value: '1.00', confidence: 0.5 },
    };
    const route = routeDocument(
      { docType: 'receipt', docTypeConfidence: 0.99, fields, findings: [] },
      policy,
    );
    const row: RoutedRow = {
      docType: 'receipt',
      reasons: ['low_confidence'],
      scored: Object.entries(fields).map(([field, f]) => ({
        field,
        confidence: f.confidence,
        isMatch: true,
        predicted: true,
      })),
    };
    const replayed = replayRouting([row], policy.fieldThresholds, policy.threshold);
    expect(route.status).toBe('needs_review');
    expect(replayed.autoApproved).toBe(0);
    expect(
      replayRouting([row], { ...policy.fieldThresholds, tax_amount: 0.5 }, policy.threshold).autoApproved,
    ).toBe(1);
  });
});

describe('fitThresholds', () => {
  it.each([
    // target FAR → the wrong row at 0.85 must stay out, so total_amount needs more than 0.85: 0.90.
    { target: 0, total: 0.9, autoApproved: 2, falseAccepts: 0 },
    // One wrong document in eight allowed: down to 0.80, and not to 0.70, which lets the second in.
    { target: 0.125, total: 0.8, autoApproved: 4, falseAccepts: 1 },
    // Two allowed: every row only confidence held goes through.
    { target: 0.25, total: 0.6, autoApproved: 6, falseAccepts: 2 },
  ])(
    'at a target of $target sets total_amount to $total',
    ({ target, total, autoApproved, falseAccepts }) => {
      const result = fitThresholds(ROWS, {
        targetFalseAcceptRate: target,
        threshold: 0.8,
        fieldThresholds: {},
      });
      expect(result.thresholds.total_amount).toBe(total);
      // No document needed holding back on the merchant: its threshold stays where it was.
      expect(result.thresholds.merchant_name).toBe(0.8);
      expect(result.after).toMatchObject({ documents: 8, autoApproved, falseAccepts });
      expect(result.before).toMatchObject({ autoApproved: 4, falseAccepts: 1 });
      expect(result.isTargetMet).toBe(true);
    },
  );

  it('holds back the field that tells wrong from right, and lets the other go low', () => {
    const rows = [
      receipt({ confidence: 0.99, isMatch: true }, { merchant: { confidence: 0.5, isMatch: false } }),
      receipt({ confidence: 0.5, isMatch: true }, { merchant: { confidence: 0.9, isMatch: true } }),
      receipt({ confidence: 0.95, isMatch: true }, { merchant: { confidence: 0.95, isMatch: true } }),
    ];
    const result = fitThresholds(rows, { targetFalseAcceptRate: 0, threshold: 0.8, fieldThresholds: {} });
    // Any merchant threshold in (0.5, 0.9] holds back exactly the wrong one: the current 0.8 stays.
    expect(result.thresholds).toMatchObject({ merchant_name: 0.8, total_amount: 0.5 });
    expect(result.after).toMatchObject({ autoApproved: 2, falseAccepts: 0 });
    expect(result.before).toMatchObject({ autoApproved: 1, falseAccepts: 0 });
  });

  it('says so when a wrong document passes at any threshold', () => {
    const sureButWrong: RoutedRow = {
      docType: 'receipt',
      reasons: [],
      scored: ['merchant_name', 'date', 'total_amount'].map((field) => ({
        field,
        confidence: 1,
        isMatch: field !== 'total_amount',
        predicted: true,
      })),
    };
    const rows = [sureButWrong, receipt({ confidence: 0.9, isMatch: true })];
    const result = fitThresholds(rows, { targetFalseAcceptRate: 0, threshold: 0.8, fieldThresholds: {} });
    expect(result.isTargetMet).toBe(false);
    expect(result.after.falseAccepts).toBe(1);
  });
});

describe('the routing file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-calibrate-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is what the next start routes with, and FIELD_THRESHOLDS overrides it per key', async () => {
    const result = fitThresholds(ROWS, { targetFalseAcceptRate: 0, threshold: 0.8, fieldThresholds: {} });
    await writeRoutingFile(path.join(dir, 'routing.json'), result.thresholds);
    expect(parseConfig({ DATA_DIR: dir }).FIELD_THRESHOLDS).toEqual(result.thresholds);
    const overridden = parseConfig({ DATA_DIR: dir, FIELD_THRESHOLDS: '{"total_amount":0.5}' });
    expect(overridden.FIELD_THRESHOLDS).toEqual({ ...result.thresholds, total_amount: 0.5 });
  });

  it('stops the start when it is malformed', async () => {
    await writeFile(path.join(dir, 'routing.json'), '{"fieldThresholds":{"total_amount":2}}');
    expect(() => parseConfig({ DATA_DIR: dir })).toThrow(/ROUTING_FILE[\s\S]*total_amount/);
  });

  it('is refused as a run when the run has no routing reasons', async () => {
    const file = path.join(dir, 'run.json');
    await writeFile(file, JSON.stringify({ documents: 1, rows: [{ file: 'a.pdf', scored: [] }] }));
    await expect(readEvalRun(file)).rejects.toThrow(/no routing reasons/);
  });
});
