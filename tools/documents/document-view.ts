import { z } from 'zod';
import { ReviewTaskViewSchema } from '../review/review-task-view.ts';
import { DeliverySchema } from './delivery-view.ts';
import { DOCUMENT_STATUSES } from './document-status.ts';
import { EngineSchema, ExtractedFieldSchema, FindingSchema } from './extraction-result.ts';
import { SuggestionSchema } from './suggestion-view.ts';
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
  batch: z
    .object({
      state: z.enum(['collecting', 'submitted']),
      batchId: z.string().optional(),
      submittedAt: z.string().optional(),
      message: z.string(),
    })
    .optional()
    .describe(
      'Bulk mode: the document waits in `extracting` for a Message Batch, being collected or submitted and running.',
    ),
  pages: z
    .array(z.object({ number: z.number(), width: z.number(), height: z.number(), hasImage: z.boolean() }))
    .describe('Page sizes in points; images at /api/documents/:id/pages/:n.png.'),
  review: ReviewTaskViewSchema.extend({
    taskId: z.string(),
    corrections: z.array(
      z.object({
        field: z.string(),
        before: z.unknown(),
        after: z.unknown(),
        reason: z.string().optional(),
        actor: z.string(),
        at: z.string(),
      }),
    ),
  })
    .optional()
    .describe('The review task, when the document needed a person, with every correction made.'),
  exports: z
    .array(DeliverySchema)
    .describe('Delivery of the approved record to each export target; a failed one can be retried.'),
  suggestions: z
    .array(SuggestionSchema)
    .optional()
    .describe(
      "The exception resolver's proposed corrections, each accepted, dismissed or waiting for a person.",
    ),
});
export type DocumentView = z.infer<typeof DocumentViewSchema>;
