import {
  type EngineExtraction,
  extractWithEngine,
  planEngineExtraction,
} from '../../tools/claude/extract-with-engine.ts';
import { AppError } from '../../tools/core/app-error.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { contentHash } from '../../tools/documents/content-hash.ts';
import type { Page } from '../../tools/documents/page.ts';
import { documentAmount } from '../../tools/review/document-amount.ts';
import { fourEyesReasons } from '../../tools/review/four-eyes.ts';
import { gatherRuleContext } from '../../tools/review/gather-rule-context.ts';
import { routeDocument, routingPolicyOf } from '../../tools/review/route-document.ts';
import { isBulkDocument } from '../../tools/storage/batch-requests-table.ts';
import type { Queryable } from '../../tools/storage/db.ts';
import { listDeliveries } from '../../tools/storage/deliveries-table.ts';
import { findDocument, transitionDocument } from '../../tools/storage/documents-table.ts';
import { insertExtraction } from '../../tools/storage/extractions-table.ts';
import { listPages } from '../../tools/storage/pages-table.ts';
import { openReviewTask } from '../../tools/storage/review-tasks-table.ts';
import { validateExtraction } from '../../tools/validate/validate-extraction.ts';
import { deferToBatch } from './defer-to-batch.ts';
import { enqueueResolver } from './resolve-stage.ts';

const HOUR_MS = 3600 * 1000;

/**
 * Classifies, extracts, validates and routes a parsed document. The extraction with its findings, the
 * review task and the new status are written in one transaction, so a crash leaves all of them or none.
 * An auto-approved document then goes on to export; a document in review waits for a person. A bulk document
 * whose engine would call Claude stays `extracting` with its request recorded for the next Message Batch
 * (`deferToBatch`); the batch stage settles it later through the same `settleExtraction`.
 */
export async function runExtractStage(documentId: string, ctx: ToolContext) {
  const document = await findDocument(ctx.db, documentId);
  if (!document) throw new AppError('NOT_FOUND', `Document ${documentId} does not exist.`);
  // A run that committed but died before handing on: hand on again (the export job id makes it one job).
  // Once export has started it owns the document; a failed delivery waits for retry_export, not for this.
  if (document.status === 'auto_approved') {
    if ((await listDeliveries(ctx.db, documentId)).length === 0)
      await ctx.pipeline.enqueue('export', documentId);
    return;
  }
  if (document.status === 'received' || document.status === 'parsing') {
    throw new AppError('CONFLICT', `Document ${documentId} is ${document.status}, not parsed yet.`, {
      kind: 'system',
    });
  }
  if (document.status !== 'extracting') return;

  const pages = await listPages(ctx.db, documentId);
  const engineOptions = {
    config: ctx.config,
    docType: document.docTypeRequested ?? undefined,
    loadImage: async (number: number) => {
      const sha256 = pages.find((page) => page.number === number)?.imageSha256;
      return sha256 ? ctx.blobs.get(sha256) : undefined;
    },
  };
  // Bulk: the Claude part waits for the next Message Batch; the batch stage finishes the document.
  if (await isBulkDocument(ctx.db, documentId)) {
    const plan = await planEngineExtraction(pages, engineOptions);
    if (plan.kind === 'ask') return deferToBatch(documentId, plan, ctx);
    return settleExtraction(documentId, pages, plan.extraction, ctx);
  }
  const understood = await extractWithEngine(pages, {
    ...engineOptions,
    db: ctx.db,
    documentId,
    signal: ctx.signal,
  });
  await settleExtraction(documentId, pages, understood, ctx);
}

/**
 * What follows the engine, whether its answer came now or from a batch: validate, route, and write the
 * extraction, review task and new status in one transaction; then hand an auto-approved document to export.
 */
export async function settleExtraction(
  documentId: string,
  pages: readonly Page[],
  understood: EngineExtraction,
  ctx: ToolContext,
  options: { inTransaction?: (tx: Queryable) => Promise<boolean> } = {},
) {
  const contentSha256 = contentHash(pages);
  const now = new Date();
  const route = await ctx.db.transaction(async (tx) => {
    // The batch path claims its request here: a second run over the same outcome changes nothing.
    if (options.inTransaction && !(await options.inTransaction(tx))) return undefined;
    await tx.query('UPDATE documents SET content_sha256 = $2 WHERE id = $1', [
      documentId,
      contentSha256 ?? null,
    ]);
    const ruleContext = await gatherRuleContext(
      tx,
      { id: documentId, contentSha256, docType: understood.docType, fields: understood.fields },
      { now, duplicateWindowDays: ctx.config.DUPLICATE_WINDOW_DAYS },
    );
    const findings = [...understood.findings, ...validateExtraction(understood, ruleContext)];
    const route = routeDocument({ documentId, ...understood, findings }, routingPolicyOf(ctx.config));
    await insertExtraction(tx, {
      documentId,
      engine: understood.engine,
      docType: understood.docType,
      docTypeConfidence: understood.docTypeConfidence,
      fields: understood.fields,
      validation: findings,
      timings: understood.timings,
    });
    if (route.status === 'needs_review') {
      const values = Object.fromEntries(Object.entries(understood.fields).map(([k, f]) => [k, f.value]));
      await openReviewTask(tx, {
        documentId,
        reasons: route.reasons,
        fourEyesReasons: fourEyesReasons({
          amount: documentAmount(understood.docType, values),
          limit: ctx.config.FOUR_EYES_LIMIT,
          correctedFields: [],
        }),
        dueAt: new Date(now.getTime() + ctx.config.REVIEW_SLA_HOURS * HOUR_MS),
      });
    }
    await transitionDocument(tx, {
      id: documentId,
      from: ['extracting'],
      to: route.status,
      actor: ctx.actor,
      docType: understood.docType,
      details: { docType: understood.docType, reasons: route.reasons, findings: findings.length },
    });
    return route;
  });
  if (!route) return;
  if (route.status === 'auto_approved') await ctx.pipeline.enqueue('export', documentId);
  else await enqueueResolver(documentId, ctx);
}
