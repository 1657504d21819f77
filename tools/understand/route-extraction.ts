import type { ExtractedField } from '../documents/extraction-result.ts';
import { type DocType, REQUIRED_FIELDS } from '../documents/types/index.ts';

export type Route = { status: 'auto_approved' | 'needs_review'; reasons: string[] };

function format(value: number): string {
  return value.toFixed(2);
}

/**
 * Straight through only when the type is known and sure, and every required field is present at or above
 * the threshold; otherwise review, with one short sentence per reason.
 */
export function routeExtraction(
  extraction: { docType: DocType; docTypeConfidence: number; fields: Record<string, ExtractedField> },
  options: { threshold: number },
): Route {
  const { threshold } = options;
  const reasons: string[] = [];
  if (extraction.docType === 'other') reasons.push('document type not recognised');
  else if (extraction.docTypeConfidence < threshold) {
    reasons.push(`document type unsure (${format(extraction.docTypeConfidence)})`);
  }
  for (const name of REQUIRED_FIELDS[extraction.docType]) {
    const field = extraction.fields[name];
    if (!field) reasons.push(`${name} missing`);
    else if (field.confidence < threshold) {
      reasons.push(`${name} confidence ${format(field.confidence)} below ${format(threshold)}`);
    }
  }
  return { status: reasons.length === 0 ? 'auto_approved' : 'needs_review', reasons };
}
