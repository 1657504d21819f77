import type { Config } from '../core/config.ts';
import type { ExtractedField, Finding } from '../documents/extraction-result.ts';
import { type DocType, REQUIRED_FIELDS } from '../documents/types/index.ts';
import { documentAmount } from './document-amount.ts';
import { isQaSampled } from './qa-sample.ts';

export type RoutingPolicy = {
  threshold: number;
  fieldThresholds: Record<string, number>;
  autoApproveLimit: number;
  qaSampleRate: number;
};

export function routingPolicyOf(config: Config): RoutingPolicy {
  return {
    threshold: config.CONFIDENCE_THRESHOLD,
    fieldThresholds: config.FIELD_THRESHOLDS,
    autoApproveLimit: config.AUTO_APPROVE_LIMIT,
    qaSampleRate: config.QA_SAMPLE_RATE,
  };
}

/** Each reason starts with a stable code (`totals_balance: …`, `low_confidence: …`), so the queue can filter. */
export type Route = { status: 'auto_approved' | 'needs_review'; reasons: string[] };

const two = (value: number) => value.toFixed(2);

/**
 * Straight through only when the type is known and sure, no rule failed or warned, every required field
 * (and every field with its own threshold) is at or above its threshold, the amount is under the
 * auto-approval limit, and the QA sample did not pick it. Otherwise review, with every reason listed.
 */
export function routeDocument(
  document: {
    documentId?: string;
    docType: DocType;
    docTypeConfidence: number;
    fields: Record<string, ExtractedField>;
    findings: readonly Finding[];
  },
  policy: RoutingPolicy,
): Route {
  const reasons: string[] = [];
  if (document.docType === 'other') reasons.push('unknown_type: document type not recognised');
  else if (document.docTypeConfidence < policy.threshold) {
    reasons.push(`type_unsure: document type ${document.docType} at ${two(document.docTypeConfidence)}`);
  }
  for (const finding of document.findings) {
    if (finding.severity !== 'info') reasons.push(`${finding.rule}: ${finding.message}`);
  }
  const checked = new Set([...REQUIRED_FIELDS[document.docType], ...Object.keys(policy.fieldThresholds)]);
  for (const name of checked) {
    const field = document.fields[name];
    const threshold = policy.fieldThresholds[name] ?? policy.threshold;
    if (field && field.confidence < threshold) {
      reasons.push(`low_confidence: ${name} at ${two(field.confidence)}, below ${two(threshold)}`);
    }
  }
  const values = Object.fromEntries(Object.entries(document.fields).map(([name, f]) => [name, f.value]));
  const amount = documentAmount(document.docType, values);
  if (amount !== undefined && amount >= policy.autoApproveLimit) {
    reasons.push(
      `over_limit: amount ${two(amount)} is at or above the auto-approval limit ${two(policy.autoApproveLimit)}`,
    );
  }
  if (reasons.length === 0 && document.documentId && isQaSampled(document.documentId, policy.qaSampleRate)) {
    reasons.push('qa_sample: picked at random for a quality check');
  }
  return { status: reasons.length === 0 ? 'auto_approved' : 'needs_review', reasons };
}
