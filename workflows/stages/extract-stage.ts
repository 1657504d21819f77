import { AppError } from '../../tools/core/app-error.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { isSettled } from '../../tools/documents/document-status.ts';
import { findDocument, transitionDocument } from '../../tools/storage/documents-table.ts';
import { insertExtraction } from '../../tools/storage/extractions-table.ts';
import { listPages } from '../../tools/storage/pages-table.ts';
import { openReviewTask } from '../../tools/storage/review-tasks-table.ts';
import { routeExtraction } from '../../tools/understand/route-extraction.ts';
import { understandDocument } from '../../tools/understand/understand-document.ts';

/**
 * Classifies, extracts and routes a parsed document. The extraction, the review task and the new status
 * are written in one transaction, so a crash leaves either all of them or none.
 */
export async function runExtractStage(documentId: string, ctx: ToolContext) {
  const document = await findDocument(ctx.db, documentId);
  if (!document) throw new AppError('NOT_FOUND', `Document ${documentId} does not exist.`);
  if (isSettled(document.status)) return;
  if (document.status !== 'extracting') {
    throw new AppError(
      'CONFLICT',
      `Document ${documentId} is ${document.status}, not ready for extraction.`,
      {
        kind: 'system',
      },
    );
  }
  const pages = await listPages(ctx.db, documentId);
  const understood = understandDocument(pages, { docType: document.docTypeRequested ?? undefined });
  const route = routeExtraction(understood, { threshold: ctx.config.CONFIDENCE_THRESHOLD });
  await ctx.db.transaction(async (tx) => {
    await insertExtraction(tx, {
      documentId,
      engine: understood.engine,
      docType: understood.docType,
      docTypeConfidence: understood.docTypeConfidence,
      fields: understood.fields,
      validation: [],
      timings: understood.timings,
    });
    if (route.status === 'needs_review') await openReviewTask(tx, documentId, route.reasons);
    await transitionDocument(tx, {
      id: documentId,
      from: ['extracting'],
      to: route.status,
      actor: ctx.actor,
      docType: understood.docType,
      details: { docType: understood.docType, reasons: route.reasons },
    });
  });
}
