import { planEngineExtraction } from '../../tools/claude/extract-with-engine.ts';
import type { BatchOutcome } from '../../tools/claude/extraction-batch.ts';
import { type AppError, toAppError } from '../../tools/core/app-error.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import {
  dropBatchRequest,
  findBatchRequest,
  resendBatchRequest,
  takeBatchRequest,
} from '../../tools/storage/batch-requests-table.ts';
import { findDocument, transitionDocument } from '../../tools/storage/documents-table.ts';
import { insertLlmUsage } from '../../tools/storage/llm-usage-table.ts';
import { listPages } from '../../tools/storage/pages-table.ts';
import { settleExtraction } from './extract-stage.ts';

/** Batches a request is sent in before a transient error fails its document. */
export const MAX_BATCH_ATTEMPTS = 3;

/**
 * Finishes one bulk document from its batch entry, exactly as the synchronous path would have: the request is
 * rebuilt from the stored pages (the same deterministic rules run and prepare), the answer is read with
 * `finish(message, { batch: true })` (half price in the ledger) and settled by `settleExtraction`.
 * An errored entry: a refused request (invalid_request_error) fails the document with BAD_REQUEST and the
 * API's message; a transient one (api_error, overloaded, expired, canceled) is sent again in the next
 * batch, up to MAX_BATCH_ATTEMPTS batches, then fails the document with UPSTREAM_UNAVAILABLE.
 */
export async function finishBatchOutcome(batchId: string, outcome: BatchOutcome, ctx: ToolContext) {
  const documentId = outcome.customId;
  const request = await findBatchRequest(ctx.db, documentId);
  if (!request || request.batchId !== batchId) return; // applied already, or resent in a later batch
  const document = await findDocument(ctx.db, documentId);
  if (document?.status !== 'extracting') return dropBatchRequest(ctx.db, documentId);
  if ('error' in outcome) return onEntryError(batchId, outcome.error, request.attempts, ctx, documentId);

  const pages = await listPages(ctx.db, documentId);
  const plan = await planEngineExtraction(pages, {
    config: ctx.config,
    docType: document.docTypeRequested ?? undefined,
    loadImage: async (number) => {
      const sha256 = pages.find((page) => page.number === number)?.imageSha256;
      return sha256 ? ctx.blobs.get(sha256) : undefined;
    },
  });
  // The configuration changed while the batch ran (a rules engine now): the answer is not needed.
  if (plan.kind === 'done') {
    return settleExtraction(documentId, pages, plan.extraction, ctx, {
      inTransaction: (tx) => takeBatchRequest(tx, documentId, batchId),
    });
  }
  let answer: ReturnType<typeof plan.prepared.finish>;
  try {
    answer = plan.prepared.finish(outcome.message, { batch: true });
  } catch (caught) {
    return onEntryError(batchId, toAppError(caught), request.attempts, ctx, documentId);
  }
  await settleExtraction(documentId, pages, plan.complete(answer), ctx, {
    inTransaction: async (tx) => {
      if (!(await takeBatchRequest(tx, documentId, batchId))) return false;
      await insertLlmUsage(tx, { documentId, engine: request.engine, usage: answer.usage });
      return true;
    },
  });
}

async function onEntryError(
  batchId: string,
  error: AppError,
  attempts: number,
  ctx: ToolContext,
  documentId: string,
) {
  if (error.isRetryable && attempts < MAX_BATCH_ATTEMPTS) {
    ctx.logger.warn('batch entry failed; sending it again', { documentId, batchId, message: error.message });
    return resendBatchRequest(ctx.db, documentId, batchId);
  }
  return failBatchDocument(documentId, error, ctx);
}

/** The document fails with the error's code and message; its request goes in the same transaction. */
export async function failBatchDocument(documentId: string, error: AppError, ctx: ToolContext) {
  await ctx.db.transaction(async (tx) => {
    await dropBatchRequest(tx, documentId);
    await transitionDocument(tx, {
      id: documentId,
      from: ['extracting'],
      to: 'failed',
      actor: ctx.actor,
      error: { code: error.code, message: error.message },
      details: { stage: 'batch' },
    });
  });
}
