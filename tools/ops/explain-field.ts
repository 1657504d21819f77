import { z } from 'zod';
import { defineTool } from '../core/tool.ts';
import { FieldSourceSchema, FindingSchema } from '../documents/extraction-result.ts';
import { SuggestionSchema } from '../documents/suggestion-view.ts';
import { currentValues } from '../review/current-values.ts';
import { listAudit } from '../storage/audit-log.ts';
import { listCorrections } from '../storage/corrections-table.ts';
import { requireDocument } from '../storage/documents-table.ts';
import { findLatestExtraction } from '../storage/extractions-table.ts';
import { listSuggestions } from '../storage/suggestions-table.ts';

export const explainField = defineTool({
  name: 'explain_field',
  description:
    'Explain one extracted field of a document: its current value, the value as read with its confidence, where on which page it was read (box and printed text), the validation findings about it, and every correction of it with who made it and when. Use it before correcting or approving a doubtful value.',
  input: z.object({
    documentId: z.uuid().describe('Document id.'),
    field: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .describe('Field name in snake_case, e.g. "total_amount", "invoice_date", "vendor_tax_id".'),
  }),
  output: z.object({
    documentId: z.string(),
    field: z.string(),
    docType: z.string().nullable(),
    isFound: z.boolean().describe('False when the extraction did not find the field and nobody set it.'),
    value: z.unknown().optional().describe('The value now, corrections applied.'),
    extractedValue: z.unknown().optional().describe('The value as the engine read it.'),
    confidence: z.number().optional().describe('Calibrated probability that the extracted value is right.'),
    source: FieldSourceSchema.optional(),
    findings: z.array(FindingSchema).describe('Validation findings whose field is this one.'),
    corrections: z.array(
      z.object({
        before: z.unknown().optional(),
        after: z.unknown(),
        reason: z.string().optional(),
        by: z.string(),
        at: z.string(),
        auditSeq: z.number().optional().describe('The audit log entry that records it.'),
      }),
    ),
    suggestions: z
      .array(SuggestionSchema)
      .optional()
      .describe("The exception resolver's proposed values for this field."),
  }),
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run({ documentId, field }, ctx) {
    const document = await requireDocument(ctx.db, documentId);
    const [extraction, corrections, audit, suggestions] = await Promise.all([
      findLatestExtraction(ctx.db, documentId),
      listCorrections(ctx.db, documentId),
      listAudit(ctx.db, { documentId }),
      listSuggestions(ctx.db, documentId),
    ]);
    const suggested = suggestions.filter((s) => s.field === field);
    const extracted = extraction?.fields[field];
    const value = currentValues(extraction?.fields ?? {}, corrections)[field];
    const corrected = audit.filter((e) => e.action === 'review.corrected' && e.details.field === field);
    const ofField = corrections.filter((c) => c.field === field);
    return {
      documentId,
      field,
      docType: document.docType,
      isFound: value !== undefined,
      ...(value !== undefined && { value }),
      ...(extracted && {
        extractedValue: extracted.value,
        confidence: extracted.confidence,
        ...(extracted.source && { source: extracted.source }),
      }),
      findings: (extraction?.validation ?? []).filter((finding) => finding.field === field),
      // The table and the log are written in the same transaction, in the same order.
      corrections: ofField.map((c, i) => ({
        ...(c.before !== null && c.before !== undefined && { before: c.before }),
        after: c.after,
        ...(c.reason && { reason: c.reason }),
        by: c.actor,
        at: c.at,
        ...(corrected[i] && { auditSeq: corrected[i].seq }),
      })),
      ...(suggested.length > 0 && { suggestions: suggested }),
    };
  },
});
