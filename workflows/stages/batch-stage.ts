import { type ClaudeClient, createClaudeClient } from '../../tools/claude/claude-client.ts';
import { collectExtractionBatch, submitExtractionBatch } from '../../tools/claude/extraction-batch.ts';
import { toAppError } from '../../tools/core/app-error.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import {
  claimUnsubmitted,
  countBatchRequests,
  listInFlightBatches,
  markSubmitted,
  releaseClaim,
  resendUnanswered,
} from '../../tools/storage/batch-requests-table.ts';
import { failBatchDocument, finishBatchOutcome } from './finish-batch-outcome.ts';

/** Requests in one Message Batch; the API allows 100,000 (and 256 MB), scans with images are large. */
const MAX_REQUESTS_PER_BATCH = 500;

/**
 * The batch job: sends every collected request as one Message Batch (more than one past the size cap), polls
 * each batch in flight once, and finishes the documents of those that ended. While anything is still waiting
 * it schedules itself again in BATCH_POLL_SECONDS. Each step is safe to repeat: requests are claimed before
 * they are sent, the batch id is stored as soon as the API returns it, and an outcome is applied in the
 * transaction that removes its request.
 */
export async function runBatchStage(ctx: ToolContext, client?: ClaudeClient): Promise<void> {
  if ((await countBatchRequests(ctx.db)) === 0) return;
  const claude = client ?? createClaudeClient(ctx.config);
  await submitCollected(claude, ctx);
  for (const batchId of await listInFlightBatches(ctx.db)) {
    const outcomes = await collectExtractionBatch(claude, batchId);
    if (!outcomes) continue;
    for (const outcome of outcomes) await finishBatchOutcome(batchId, outcome, ctx);
    // An ended batch is read once: a request its results did not mention goes out again.
    const unanswered = await resendUnanswered(ctx.db, batchId);
    ctx.logger.info('message batch ended', { batchId, outcomes: outcomes.length, unanswered });
  }
  if ((await countBatchRequests(ctx.db)) > 0) {
    await ctx.pipeline.scheduleBatch(ctx.config.BATCH_POLL_SECONDS * 1000);
  }
}

async function submitCollected(client: ClaudeClient, ctx: ToolContext): Promise<void> {
  for (;;) {
    const claimed = await claimUnsubmitted(ctx.db, MAX_REQUESTS_PER_BATCH);
    if (claimed.length === 0) return;
    const ids = claimed.map((entry) => entry.documentId);
    let batchId: string;
    try {
      batchId = await submitExtractionBatch(
        client,
        claimed.map((entry) => ({ customId: entry.documentId, request: entry.request })),
      );
    } catch (caught) {
      const error = toAppError(caught);
      // What the API refuses (the request, or the key: 400, 401, 403) it refuses again: those documents fail
      // with its answer, as they would outside bulk mode, instead of the job polling a refusal forever.
      // A 429 or a 5xx gives the requests back and lets the queue retry the job.
      if (!error.isRetryable) {
        for (const id of ids) await failBatchDocument(id, error, ctx);
        continue;
      }
      await releaseClaim(ctx.db, ids);
      throw error;
    }
    await markSubmitted(ctx.db, ids, batchId);
    ctx.logger.info('message batch submitted', { batchId, requests: ids.length });
    if (claimed.length < MAX_REQUESTS_PER_BATCH) return;
  }
}
