import { z } from 'zod';
import { DOCUMENT_STATUSES } from './document-status.ts';
import { EngineSchema, ExtractedFieldSchema, FindingSchema } from './extraction-result.ts';
import { DOC_TYPES } from './types/index.ts';

/** A stored document as every surface shows it: the extraction result (once there is one) plus its state. */
export const DocumentViewSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  file: z.string().describe('The uploaded file name.'),
  status: z.enum(DOCUMENT_STATUSES),
  mediaType: z.string(),
  sizeBytes: z.number(),
  pageCount: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).optional().describe('Why the document failed.'),
  docType: z.enum(DOC_TYPES).optional(),
  docTypeConfidence: z.number().optional(),
  engine: EngineSchema.optional(),
  fields: z.record(z.string(), ExtractedFieldSchema).optional(),
  validation: z.array(FindingSchema).optional(),
  timings: z.record(z.string(), z.number()).optional(),
  review: z
    .object({ taskId: z.string(), status: z.string(), reasons: z.array(z.string()) })
    .optional()
    .describe('The review task, when the document needs a person.'),
});
export type DocumentView = z.infer<typeof DocumentViewSchema>;
