import type { ExtractedField } from '../../../../tools/documents/extraction-result.ts';
import type { DocType } from '../../../../tools/documents/types/index.ts';
import type { ExtractionToValidate, RuleContext } from '../../../../tools/validate/rule.ts';

export const NOW = new Date('2025-06-15T12:00:00Z');

/** A context with no vendor master and no look-alike documents, with `overrides` on top. */
export function context(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    now: NOW,
    vendors: { count: 0 },
    duplicates: { sameContent: [], sameInvoiceNumber: [], sameAmount: [] },
    ...overrides,
  };
}

/** An extraction whose fields hold `values` at confidence 0.95. */
export function extraction(docType: DocType, values: Record<string, unknown>): ExtractionToValidate {
  const fields: Record<string, ExtractedField> = {};
  for (const [name, value] of Object.entries(values)) fields[name] = { value, confidence: 0.95 };
  return { docType, fields };
}
