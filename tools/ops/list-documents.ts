import { z } from 'zod';
import { defineTool } from '../core/tool.ts';
import { DOCUMENT_STATUSES } from '../documents/document-status.ts';
import { DOC_TYPES } from '../documents/types/index.ts';
import { type DocumentRecord, toDocumentRecord } from '../storage/documents-table.ts';

export const DocumentSummarySchema = z.object({
  id: z.string(),
  file: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  docType: z.enum(DOC_TYPES).nullable(),
  pageCount: z.number().nullable(),
  createdAt: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const ListDocumentsInputSchema = z.object({
  status: z.enum(DOCUMENT_STATUSES).optional(),
  type: z.enum(DOC_TYPES).optional(),
  q: z.string().max(200).optional().describe('Text to find in the file name or the extracted values.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

function toSummary(document: DocumentRecord): z.infer<typeof DocumentSummarySchema> {
  return {
    id: document.id,
    file: document.filename,
    status: document.status,
    docType: document.docType,
    pageCount: document.pageCount,
    createdAt: document.createdAt,
    ...(document.errorCode && { error: { code: document.errorCode, message: document.errorMessage ?? '' } }),
  };
}

export const listDocuments = defineTool({
  name: 'list_documents',
  description:
    'List documents, newest first, filtered by status, type, or text in the file name or extracted values.',
  input: ListDocumentsInputSchema,
  output: z.object({ documents: z.array(DocumentSummarySchema) }),
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run({ status, type, q, limit, offset }, ctx) {
    const { rows } = await ctx.db.query(
      `SELECT d.* FROM documents d
       WHERE ($1::text IS NULL OR d.status = $1)
         AND ($2::text IS NULL OR d.doc_type = $2)
         AND ($3::text IS NULL OR d.filename ILIKE $3 OR EXISTS (
               SELECT 1 FROM extractions e WHERE e.document_id = d.id AND e.fields::text ILIKE $3))
       ORDER BY d.created_at DESC, d.id LIMIT $4 OFFSET $5`,
      [status ?? null, type ?? null, q ? `%${q.replace(/[\\%_]/g, '\\$&')}%` : null, limit, offset],
    );
    return {
      documents: rows.map((row) =>
        toSummary(toDocumentRecord(row as Parameters<typeof toDocumentRecord>[0])),
      ),
    };
  },
});
