import { AppError, toAppError } from '../../tools/core/app-error.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import type { DocumentStatus } from '../../tools/documents/document-status.ts';
import { idempotencyKeyFor, loadApprovedRecord } from '../../tools/export/approved-record.ts';
import { listExportTargets } from '../../tools/export/export-targets.ts';
import { appendAudit } from '../../tools/storage/audit-log.ts';
import {
  ensureDeliveries,
  failPendingDeliveries,
  listDeliveries,
  markAttemptFailed,
  markDelivered,
} from '../../tools/storage/deliveries-table.ts';
import { findDocument, transitionDocument } from '../../tools/storage/documents-table.ts';

/** States an export starts from: a person's approval or the system's. */
export const EXPORTABLE_STATUSES: readonly DocumentStatus[] = ['auto_approved', 'approved'];
/** States with nothing to export, now or later: the job ends quietly. */
const NOTHING_TO_EXPORT: readonly DocumentStatus[] = ['exported', 'rejected', 'failed'];

/**
 * Delivers an approved document to every configured target, each at most once, and marks it `exported`
 * when all have it. Each attempt's outcome is kept in `deliveries`. A target that failed for good is not
 * tried again until retry_export makes it pending. A document not yet decided is a (retried) conflict: its
 * export was enqueued before the decision was committed.
 */
export async function runExportStage(documentId: string, ctx: ToolContext) {
  const document = await findDocument(ctx.db, documentId);
  if (!document) throw new AppError('NOT_FOUND', `Document ${documentId} does not exist.`);
  if (NOTHING_TO_EXPORT.includes(document.status)) return;
  if (!EXPORTABLE_STATUSES.includes(document.status)) {
    throw new AppError('CONFLICT', `Document ${documentId} is ${document.status}, not approved for export.`, {
      kind: 'system',
    });
  }
  const record = await loadApprovedRecord(ctx.db, documentId);
  const idempotencyKey = idempotencyKeyFor(record);
  const targets = listExportTargets(ctx.config);
  await ensureDeliveries(
    ctx.db,
    documentId,
    targets.map((t) => t.name),
    idempotencyKey,
  );
  const deliveries = new Map((await listDeliveries(ctx.db, documentId)).map((d) => [d.target, d]));
  const failures: AppError[] = [];
  for (const target of targets) {
    const delivery = deliveries.get(target.name);
    if (delivery?.status === 'delivered') continue;
    if (delivery?.status === 'failed') {
      failures.push(
        new AppError(
          'CONFLICT',
          `${target.name}: failed earlier (${delivery.lastError ?? 'no error kept'}).`,
          {
            kind: 'user',
          },
        ),
      );
      continue;
    }
    try {
      await target.deliver(record, { idempotencyKey, signal: ctx.signal });
      await markDelivered(ctx.db, documentId, target.name);
      ctx.logger.info('delivered', { target: target.name });
    } catch (caught) {
      const error = toAppError(caught);
      // A refusal that will not change is final for this target now; the others still get their retries.
      await markAttemptFailed(ctx.db, {
        documentId,
        target: target.name,
        error: error.message,
        isFinal: !error.isRetryable,
      });
      ctx.logger.warn('delivery failed', { target: target.name, code: error.code, message: error.message });
      failures.push(
        new AppError(error.code, `${target.name}: ${error.message}`, { kind: error.kind, cause: error }),
      );
    }
  }
  if (failures.length > 0) throw combineFailures(documentId, failures);
  await ctx.db.transaction((tx) =>
    transitionDocument(tx, {
      id: documentId,
      from: EXPORTABLE_STATUSES,
      to: 'exported',
      actor: ctx.actor,
      details: { targets: targets.map((t) => t.name), idempotencyKey },
    }),
  );
}

/**
 * What the job does when an export's attempts are spent (or a failure is final): the document stays
 * approved, since only its delivery failed; each undelivered target becomes `failed`, and `export.failed`
 * is audited. retry_export starts it again.
 */
export async function recordExportFailure(documentId: string, error: AppError, ctx: ToolContext) {
  if (!(await findDocument(ctx.db, documentId))) return;
  await ctx.db.transaction(async (tx) => {
    await failPendingDeliveries(tx, documentId, error.message);
    const failed = (await listDeliveries(tx, documentId)).filter((d) => d.status === 'failed');
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'export.failed',
      documentId,
      details: {
        error: { code: error.code, message: error.message },
        targets: failed.map((d) => ({ target: d.target, attempts: d.attempts, lastError: d.lastError })),
      },
    });
  });
}

/** One error for the job: retried while any target may still succeed, final when none can. */
function combineFailures(documentId: string, failures: AppError[]): AppError {
  const message = `Export of ${documentId} is incomplete: ${failures.map((f) => f.message).join(' | ')}`;
  const retryable = failures.find((f) => f.isRetryable);
  if (retryable) return new AppError(retryable.code, message, { kind: retryable.kind, cause: failures });
  const [first] = failures as [AppError];
  return new AppError(first.code, message, { kind: 'user', cause: failures });
}
