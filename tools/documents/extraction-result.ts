import { z } from 'zod';
import { DOCUMENT_STATUSES } from './document-status.ts';
import { BboxSchema } from './page.ts';
import { DOC_TYPES } from './types/index.ts';

export const FieldSourceSchema = z.object({
  page: z.number().int().min(1).describe('1-based page number the value was read from.'),
  bbox: BboxSchema,
  text: z.string().describe('The text on the page the value was read from, as printed.'),
});
export type FieldSource = z.infer<typeof FieldSourceSchema>;

export const ExtractedFieldSchema = z.object({
  value: z.unknown().describe('Normalized value: ISO date, decimal string, ISO 4217 code, text, or rows.'),
  confidence: z.number().min(0).max(1).describe('Calibrated probability that the value is right.'),
  source: FieldSourceSchema.optional(),
});
export type ExtractedField = z.infer<typeof ExtractedFieldSchema>;

export const FindingSchema = z.object({
  rule: z.string().describe('Stable rule id, snake_case.'),
  severity: z.enum(['error', 'warning', 'info']),
  field: z.string().optional(),
  message: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const EngineSchema = z.object({ name: z.string(), version: z.string() });

/** The JSON every surface returns for a document's extraction (see DESIGN.md). */
export const ExtractionResultSchema = z.object({
  documentId: z.string().optional(),
  file: z.string(),
  docType: z.enum(DOC_TYPES),
  docTypeConfidence: z.number().min(0).max(1),
  engine: EngineSchema,
  fields: z.record(z.string(), ExtractedFieldSchema).describe('Absent when not found; never null or "".'),
  validation: z.array(FindingSchema),
  status: z.enum(DOCUMENT_STATUSES),
  timings: z.record(z.string(), z.number()),
});
export type ExtractionResult = z.infer<typeof ExtractionResultSchema>;
