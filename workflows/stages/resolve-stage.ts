import { suggestCorrections } from '../../agents/exception-resolver.ts';
import { toAppError } from '../../tools/core/app-error.ts';
import type { Config } from '../../tools/core/config.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import type { Actor } from '../../tools/core/roles.ts';
import { hasAgentRun } from '../../tools/storage/agent-runs-table.ts';
import { findReviewTaskByDocument, PENDING_TASK_STATUSES } from '../../tools/storage/review-tasks-table.ts';

/** The resolver on its own reads as a reviewer would, and can do no more than propose. */
const RESOLVER_ACTOR: Actor = { kind: 'system', name: 'exception_resolver', role: 'reviewer' };

/** RESOLVER_AUTO when set; otherwise on exactly when there is a key to call the API with. */
export function isResolverAuto(config: Config): boolean {
  return Boolean(config.ANTHROPIC_API_KEY) && (config.RESOLVER_AUTO ?? true);
}

/**
 * Hands a document that just went to review to the resolver, when it runs by itself. The review task is
 * usable at once; suggestions arrive when the job is done. A failure to enqueue is logged, never raised: the
 * document is in review either way.
 */
export async function enqueueResolver(documentId: string, ctx: ToolContext): Promise<void> {
  if (!isResolverAuto(ctx.config)) return;
  try {
    await ctx.pipeline.enqueue('resolve', documentId);
  } catch (caught) {
    const error = toAppError(caught);
    ctx.logger.warn('exception resolver not enqueued', {
      documentId,
      code: error.code,
      message: error.message,
    });
  }
}

/**
 * Runs the exception resolver once on the document's review task. A task decided before the job ran, or one
 * the resolver already worked on (this job's earlier attempt, or a person's suggest_corrections), is left.
 */
export async function runResolveStage(documentId: string, ctx: ToolContext): Promise<void> {
  const task = await findReviewTaskByDocument(ctx.db, documentId);
  if (!task || !PENDING_TASK_STATUSES.includes(task.status)) return;
  if (await hasAgentRun(ctx.db, 'exception_resolver', task.id)) return;
  const result = await suggestCorrections({ ...ctx, actor: RESOLVER_ACTOR }, task.id);
  ctx.logger.info('exception resolver proposed', {
    taskId: task.id,
    suggestions: result.suggestions.length,
    stopReason: result.stopReason,
  });
}
