import type { ExtractedField } from '../documents/extraction-result.ts';
import { type DocType, REQUIRED_FIELDS } from '../documents/types/index.ts';
import type { RoutingPolicy } from '../review/route-document.ts';
import { fieldNamesOf } from './extraction-tool.ts';

/**
 * The fields `auto` asks the model for: those the rules read below their threshold, and required fields
 * the rules did not find. Undefined (ask for everything) when the rules read nothing at all for the type,
 * as for types that have no rules extractor yet.
 */
export function weakFieldsOf(
  rules: { docType: DocType; fields: Record<string, ExtractedField> },
  policy: Pick<RoutingPolicy, 'threshold' | 'fieldThresholds'>,
): string[] | undefined {
  if (Object.keys(rules.fields).length === 0) return undefined;
  const required = REQUIRED_FIELDS[rules.docType];
  return fieldNamesOf(rules.docType).filter((name) => {
    const field = rules.fields[name];
    if (!field) return required.includes(name);
    return field.confidence < (policy.fieldThresholds[name] ?? policy.threshold);
  });
}

/** The rules' fields with the model's answers laid over them; where both read a field, the surer one wins. */
export function mergeAuto(
  rules: Record<string, ExtractedField>,
  claude: Record<string, ExtractedField>,
): Record<string, ExtractedField> {
  const merged = { ...rules };
  for (const [name, field] of Object.entries(claude)) {
    const current = merged[name];
    if (!current || field.confidence >= current.confidence) merged[name] = field;
  }
  return merged;
}
