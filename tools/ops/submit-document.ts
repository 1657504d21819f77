import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineTool } from '../core/tool.ts';
import { DOCUMENT_STATUSES } from '../documents/document-status.ts';
import { DOC_TYPES } from '../documents/types/index.ts';
import { readLimitsFromConfig } from '../read/read-limits.ts';
import { inspectUpload } from '../read/sniff-file.ts';
import { markBulk } from '../storage/batch-requests-table.ts';
import { sha256Hex } from '../storage/blob-store.ts';
import { insertDocument } from '../storage/documents-table.ts';

const FILENAME = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\0]/.test(name), 'a file name, not a path')
  .describe('The original file name, e.g. "inv-1042.pdf"; its extension must match the bytes.');

export const SubmitDocumentInputSchema = z.object({
  filename: FILENAME,
  content: z.instanceof(Uint8Array).describe('The file bytes: PDF, PNG, JPEG or TIFF.'),
  docType: z.enum(DOC_TYPES).optional().describe('Skip classification and treat the document as this type.'),
  bulk: z
    .boolean()
    .optional()
    .describe(
      'Bulk mode: if extraction needs Claude, send it through the Message Batches API at half the price; the document waits in `extracting` (minutes, up to 24 hours) until the batch ends. Ignored when the engine does not call Claude (rules, or no API key).',
    ),
});

export const SubmittedDocumentSchema = z.object({
  id: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  file: z.string(),
  isDuplicate: z
    .boolean()
    .describe('True when the same bytes were uploaded before; the earlier document is returned.'),
});

/**
 * Stores a document and starts its pipeline. What can be told from the bytes (empty, wrong type, corrupt,
 * encrypted, too big, too many pages) is refused here, before anything is stored.
 */
export const submitDocument = defineTool({
  name: 'submit_document',
  description:
    'Upload a document (invoice, receipt, W-9, 1099-NEC, bank statement) for extraction. Returns its id at once; processing continues in the background. Uploading the same bytes again returns the existing document.',
  input: SubmitDocumentInputSchema,
  output: SubmittedDocumentSchema,
  role: 'clerk',
  isReadOnly: false,
  isDestructive: false,
  async run({ filename, content, docType, bulk }, ctx) {
    const inspected = await inspectUpload(content, filename, readLimitsFromConfig(ctx.config));
    const sha256 = sha256Hex(content);
    await ctx.blobs.put(content);
    const { document, isNew } = await ctx.db.transaction(async (tx) => {
      const inserted = await insertDocument(tx, {
        id: randomUUID(),
        sha256,
        filename,
        mediaType: inspected.mediaType,
        sizeBytes: content.byteLength,
        pageCount: inspected.pageCount,
        docTypeRequested: docType ?? null,
        actor: ctx.actor,
      });
      // A duplicate keeps the mode it was first submitted with.
      if (bulk && inserted.isNew) await markBulk(tx, inserted.document.id);
      return inserted;
    });
    // A duplicate that never left `received` (its enqueue was lost) is enqueued again; the job id dedups the rest.
    if (isNew || document.status === 'received') await ctx.pipeline.enqueue('parse', document.id);
    return { id: document.id, status: document.status, file: document.filename, isDuplicate: !isNew };
  },
});
