import { z } from 'zod';
import { batchStateOf } from '../claude/batch-state.ts';
import { defineTool } from '../core/tool.ts';
import { type DocumentView, DocumentViewSchema } from '../documents/document-view.ts';
import { isDocType } from '../documents/types/index.ts';
import { currentValues } from '../review/current-values.ts';
import { documentAmountText } from '../review/document-amount.ts';
import { toReviewTaskView } from '../review/review-task-view.ts';
import { findBatchRequest } from '../storage/batch-requests-table.ts';
import { listCorrections } from '../storage/corrections-table.ts';
import type { Queryable } from '../storage/db.ts';
import { listDeliveries } from '../storage/deliveries-table.ts';
import { type DocumentRecord, requireDocument } from '../storage/documents-table.ts';
import { findLatestExtraction } from '../storage/extractions-table.ts';
import { listPageSizes } from '../storage/pages-table.ts';
import { findReviewTaskByDocument } from '../storage/review-tasks-table.ts';
import { listSuggestions } from '../storage/suggestions-table.ts';

export async function loadDocumentView(db: Queryable, document: DocumentRecord): Promise<DocumentView> {
  const [extraction, task, corrections, pages, exports, suggestions, batch] = await Promise.all([
    findLatestExtraction(db, document.id),
    findReviewTaskByDocument(db, document.id),
    listCorrections(db, document.id),
    listPageSizes(db, document.id),
    listDeliveries(db, document.id),
    listSuggestions(db, document.id),
    document.status === 'extracting' ? findBatchRequest(db, document.id) : undefined,
  ]);
  const docType = document.docType && isDocType(document.docType) ? document.docType : null;
  const values = currentValues(extraction?.fields ?? {}, corrections);
  return {
    id: document.id,
    documentId: document.id,
    file: document.filename,
    status: document.status,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    pageCount: document.pageCount,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    ...(document.errorCode && { error: { code: document.errorCode, message: document.errorMessage ?? '' } }),
    ...(extraction && {
      docType: extraction.docType,
      docTypeConfidence: extraction.docTypeConfidence,
      engine: extraction.engine,
      fields: extraction.fields,
      validation: extraction.validation,
      timings: {
        ...(document.readTimings && { parseMs: document.readTimings.readMs ?? 0 }),
        ...extraction.timings,
      },
    }),
    ...(batch && { batch: batchStateOf(batch) }),
    pages,
    ...(task && {
      review: {
        ...toReviewTaskView(task, {
          file: document.filename,
          docType: document.docType,
          ...documentAmountText(docType, values),
        }),
        taskId: task.id,
        corrections,
      },
    }),
    exports,
    ...(suggestions.length > 0 && { suggestions }),
  };
}

export const getDocument = defineTool({
  name: 'get_document',
  description:
    'Get one document: its status, the extracted fields with confidence and source box, validation findings, and its review task if it needs a person.',
  input: z.object({ id: z.uuid().describe('Document id returned by submit_document.') }),
  output: DocumentViewSchema,
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run({ id }, ctx) {
    return loadDocumentView(ctx.db, await requireDocument(ctx.db, id));
  },
});
