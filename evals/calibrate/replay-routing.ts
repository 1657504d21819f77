import { type DocType, isDocType, REQUIRED_FIELDS } from '../../tools/documents/types/index.ts';

/** What calibration needs of one row of an eval run: how it was routed and how sure and right each field was. */
export type RoutedRow = {
  docType?: string;
  /** Route reason codes or full reasons ("low_confidence: total_amount at 0.72, …"); absent: never routed. */
  reasons?: readonly string[];
  scored: readonly { field: string; confidence?: number; isMatch: boolean; predicted?: boolean }[];
};

export type Thresholds = Record<string, number>;

export type RoutingOutcome = {
  documents: number;
  autoApproved: number;
  falseAccepts: number;
  straightThroughRate: number;
  falseAcceptRate: number;
};

const codeOf = (reason: string) => reason.split(':')[0]!.trim();

/** A row can go straight through only if nothing but a low confidence held it back. */
export function isBlockedByOtherReasons(row: RoutedRow): boolean {
  if (!row.reasons) return true;
  return row.reasons.some((reason) => codeOf(reason) !== 'low_confidence');
}

/** Any expected field wrong or missing: auto-approving it would be a false accept. */
export const isWrong = (row: RoutedRow) => row.scored.some((s) => !s.isMatch);

/**
 * The fields routing checks on a row, with their confidences, as route-document.ts does: the required fields
 * of the type plus every field that has a threshold of its own. A field the run did not score (not
 * labelled) or did not predict has no known confidence: it cannot hold the row back here, as a missing
 * field does not in routeDocument (a rule reports it instead, and that reason is kept).
 */
export function checkedConfidences(row: RoutedRow, thresholdFields: Iterable<string>): Map<string, number> {
  const docType: DocType | undefined = row.docType && isDocType(row.docType) ? row.docType : undefined;
  const checked = new Set([...(docType ? REQUIRED_FIELDS[docType] : []), ...thresholdFields]);
  const confidences = new Map<string, number>();
  for (const s of row.scored) {
    if (checked.has(s.field) && s.predicted !== false && typeof s.confidence === 'number') {
      confidences.set(s.field, s.confidence);
    }
  }
  return confidences;
}

/** Whether the row goes straight through under these thresholds (`fallback` for fields without one). */
export function isAutoApproved(row: RoutedRow, thresholds: Thresholds, fallback: number): boolean {
  if (isBlockedByOtherReasons(row)) return false;
  for (const [field, confidence] of checkedConfidences(row, Object.keys(thresholds))) {
    if (confidence < (thresholds[field] ?? fallback)) return false;
  }
  return true;
}

/** Replays routing over a run's rows: what share would go straight through, and how many of them wrongly. */
export function replayRouting(
  rows: readonly RoutedRow[],
  thresholds: Thresholds,
  fallback: number,
): RoutingOutcome {
  let autoApproved = 0;
  let falseAccepts = 0;
  for (const row of rows) {
    if (!isAutoApproved(row, thresholds, fallback)) continue;
    autoApproved++;
    if (isWrong(row)) falseAccepts++;
  }
  const documents = rows.length;
  return {
    documents,
    autoApproved,
    falseAccepts,
    straightThroughRate: documents ? autoApproved / documents : 0,
    falseAcceptRate: documents ? falseAccepts / documents : 0,
  };
}
