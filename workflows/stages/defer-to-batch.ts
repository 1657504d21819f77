import type { EnginePlan } from '../../tools/claude/extract-with-engine.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { appendAudit } from '../../tools/storage/audit-log.ts';
import { recordBatchRequest } from '../../tools/storage/batch-requests-table.ts';

/**
 * A bulk document whose engine would call Claude: instead of calling, its prepared request is recorded for
 * the next Message Batch (custom_id = the document id) and the document stays `extracting`. The batch job,
 * scheduled here after the collect window, sends it; `finishBatchOutcome` finishes the document.
 */
export async function deferToBatch(
  documentId: string,
  plan: Extract<EnginePlan, { kind: 'ask' }>,
  ctx: ToolContext,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const isNew = await recordBatchRequest(tx, {
      documentId,
      engine: plan.engine,
      request: plan.prepared.request,
    });
    if (isNew) {
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'document.batch_queued',
        documentId,
        details: { engine: plan.engine, model: plan.prepared.request.model },
      });
    }
  });
  await ctx.pipeline.scheduleBatch(ctx.config.BATCH_COLLECT_SECONDS * 1000);
  ctx.logger.info('waiting for a message batch', { documentId });
}
