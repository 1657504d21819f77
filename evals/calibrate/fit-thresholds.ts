import { isDocType, REQUIRED_FIELDS } from '../../tools/documents/types/index.ts';
import {
  checkedConfidences,
  isBlockedByOtherReasons,
  isWrong,
  type RoutedRow,
  type RoutingOutcome,
  replayRouting,
  type Thresholds,
} from './replay-routing.ts';

export type CalibrationResult = {
  targetFalseAcceptRate: number;
  before: RoutingOutcome;
  after: RoutingOutcome;
  /** Every calibrated field's threshold, plus the current ones calibration could not see. */
  thresholds: Thresholds;
  /** False when no thresholds reach the target: the false accepts left have no confidence to hold them back. */
  isTargetMet: boolean;
};

type Candidate = { confidences: Map<string, number>; isWrong: boolean };

/** The highest threshold that still lets every value at or above `confidence` through. */
const passes = (confidence: number | undefined, threshold: number) =>
  confidence === undefined || confidence >= threshold;

function failingFields(row: Candidate, thresholds: Thresholds): string[] {
  return [...row.confidences].filter(([f, c]) => !passes(c, thresholds[f]!)).map(([f]) => f);
}

function countAccepts(rows: readonly Candidate[], thresholds: Thresholds) {
  let accepted = 0;
  let wrong = 0;
  for (const row of rows) {
    if (failingFields(row, thresholds).length > 0) continue;
    accepted++;
    if (row.isWrong) wrong++;
  }
  return { accepted, wrong };
}

/**
 * Raises one field's threshold at a time until the false accepts fit the budget. Each step takes, over every
 * field and every higher confidence, the raise that holds back the largest share of wrong documents among
 * those it holds back (fewest right ones lost on a tie). It only stops a step short of the target when no
 * raise holds back a wrong document (they pass at confidence 1 or carry no confidence).
 */
function raiseUntilWithinBudget(rows: readonly Candidate[], thresholds: Thresholds, budget: number) {
  for (;;) {
    const accepted = rows.filter((row) => failingFields(row, thresholds).length === 0);
    const wrong = accepted.filter((row) => row.isWrong).length;
    if (wrong <= budget) return;
    let best: { field: string; threshold: number; share: number; right: number } | undefined;
    for (const field of Object.keys(thresholds)) {
      const values = accepted
        .map((row) => ({ confidence: row.confidences.get(field), isWrong: row.isWrong }))
        .filter((v): v is { confidence: number; isWrong: boolean } => v.confidence !== undefined)
        .sort((a, b) => a.confidence - b.confidence);
      let heldWrong = 0;
      let heldRight = 0;
      for (let i = 0; i < values.length; i++) {
        if (values[i]!.isWrong) heldWrong++;
        else heldRight++;
        const next = values[i + 1]?.confidence;
        if (next === values[i]!.confidence) continue;
        // Holding back everything up to here: the next value, or 1 when none is left (and this one is under 1).
        const threshold = next ?? (values[i]!.confidence < 1 ? 1 : undefined);
        if (threshold === undefined || heldWrong === 0) continue;
        const share = heldWrong / (heldWrong + heldRight);
        if (!best || share > best.share || (share === best.share && heldRight < best.right)) {
          best = { field, threshold, share, right: heldRight };
        }
      }
    }
    if (!best) return;
    thresholds[best.field] = best.threshold;
  }
}

/**
 * Coordinate descent the other way: for each field in turn, lowers its threshold as far as the budget allows,
 * to the lowest confidence among the documents that field alone was holding back (never lower than needed, so
 * thresholds stay as tight as the data permits). Repeats until no field moves.
 */
function lowerWithinBudget(rows: readonly Candidate[], thresholds: Thresholds, budget: number) {
  for (let moved = true; moved; ) {
    moved = false;
    for (const field of Object.keys(thresholds)) {
      let wrong = countAccepts(rows, thresholds).wrong;
      const heldOnlyHere = rows
        .filter((row) => {
          const failing = failingFields(row, thresholds);
          return failing.length === 1 && failing[0] === field;
        })
        .map((row) => ({ confidence: row.confidences.get(field)!, isWrong: row.isWrong }))
        .sort((a, b) => b.confidence - a.confidence);
      let lowest: number | undefined;
      for (let i = 0; i < heldOnlyHere.length; i++) {
        const { confidence } = heldOnlyHere[i]!;
        // Every document at this confidence passes together.
        let j = i;
        let added = 0;
        while (j < heldOnlyHere.length && heldOnlyHere[j]!.confidence === confidence) {
          if (heldOnlyHere[j]!.isWrong) added++;
          j++;
        }
        if (wrong + added > budget) break;
        wrong += added;
        lowest = confidence;
        i = j - 1;
      }
      if (lowest !== undefined) {
        thresholds[field] = lowest;
        moved = true;
      }
    }
  }
}

/**
 * Any threshold between two neighbouring observed confidences routes this run the same way, so the data
 * cannot tell them apart; there, keep the current threshold rather than move it for nothing (a field no
 * document needed holding back on keeps its setting instead of jumping to the lowest confidence seen).
 */
function keepCurrentWhereEquivalent(rows: readonly Candidate[], thresholds: Thresholds, current: Thresholds) {
  for (const field of Object.keys(thresholds)) {
    const fitted = thresholds[field]!;
    const seen = rows.map((row) => row.confidences.get(field)).filter((c): c is number => c !== undefined);
    const below = Math.max(-1, ...seen.filter((c) => c < fitted));
    const atOrAbove = Math.min(2, ...seen.filter((c) => c >= fitted));
    const wanted = current[field]!;
    if (wanted > below && wanted <= atOrAbove) thresholds[field] = wanted;
  }
}

/**
 * Fits per-field confidence thresholds on an eval run so that, replaying routing over its rows, the false-accept
 * rate (auto-approved documents with any expected field wrong ÷ documents) stays at or under the target with
 * the most documents straight through.
 *
 * The exact optimum is a search over every combination of per-field cut points (the product of the distinct
 * confidences of each field), and the objective is not separable: one document passes only if all its fields
 * do. So this is greedy, then coordinate descent: from "everything passes", raise the threshold that buys the
 * most false accepts per right document lost until the budget holds; then lower each field in turn while the
 * budget still holds, to win back documents the greedy steps held back needlessly. The same descent is run
 * from the current thresholds (when they already meet the target), and the better of the two is kept. Each
 * pass is a few sorts per field, fast on runs of thousands of documents.
 */
export function fitThresholds(
  rows: readonly RoutedRow[],
  options: { targetFalseAcceptRate: number; threshold: number; fieldThresholds: Thresholds },
): CalibrationResult {
  const current = { ...options.fieldThresholds };
  const before = replayRouting(rows, current, options.threshold);
  const required = new Set(
    rows.flatMap((row) => (row.docType && isDocType(row.docType) ? REQUIRED_FIELDS[row.docType] : [])),
  );
  const fieldSet = new Set([...required, ...Object.keys(current)]);
  const eligible = rows.filter((row) => !isBlockedByOtherReasons(row));
  const candidates: Candidate[] = eligible.map((row) => ({
    confidences: checkedConfidences(row, fieldSet),
    isWrong: isWrong(row),
  }));
  const seen = new Set(candidates.flatMap((row) => [...row.confidences.keys()]));
  const fields = [...fieldSet].filter((field) => seen.has(field)).sort();
  // Documents are counted over the whole run, so the budget is in documents.
  const budget = Math.floor(options.targetFalseAcceptRate * rows.length + 1e-9);

  const fromBottom: Thresholds = Object.fromEntries(
    fields.map((f) => [f, Math.min(...candidates.map((r) => r.confidences.get(f) ?? 1))]),
  );
  raiseUntilWithinBudget(candidates, fromBottom, budget);
  lowerWithinBudget(candidates, fromBottom, budget);
  const tries = [fromBottom];
  const settings: Thresholds = Object.fromEntries(fields.map((f) => [f, current[f] ?? options.threshold]));
  const fromCurrent = { ...settings };
  if (countAccepts(candidates, fromCurrent).wrong <= budget) {
    lowerWithinBudget(candidates, fromCurrent, budget);
    tries.push(fromCurrent);
  }
  for (const fitted of tries) keepCurrentWhereEquivalent(candidates, fitted, settings);
  const scored = tries.map((fitted) => {
    const thresholds = { ...current, ...fitted };
    return { thresholds, outcome: replayRouting(rows, thresholds, options.threshold) };
  });
  scored.sort(
    (a, b) =>
      b.outcome.autoApproved - a.outcome.autoApproved || a.outcome.falseAccepts - b.outcome.falseAccepts,
  );
  const best = scored[0]!;
  return {
    targetFalseAcceptRate: options.targetFalseAcceptRate,
    before,
    after: best.outcome,
    thresholds: best.thresholds,
    isTargetMet: best.outcome.falseAccepts <= budget,
  };
}
