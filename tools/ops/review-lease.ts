import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { defineTool } from '../core/tool.ts';
import {
  loadReview,
  requireNotHeldByOther,
  requirePending,
  requireSecondApprover,
  viewOfReview,
} from '../review/load-review.ts';
import { ReviewTaskViewSchema } from '../review/review-task-view.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { claimReviewTask, releaseReviewTask } from '../storage/review-tasks-table.ts';

const TaskInput = z.object({ id: z.uuid().describe('Review task id.') });
const TaskOutput = z.object({ task: ReviewTaskViewSchema });

export const claimReview = defineTool({
  name: 'claim_review',
  description:
    'Claim a review task: a lease that keeps it yours (others get a conflict) until you decide, release it, or it lapses. Claiming again renews it.',
  input: TaskInput,
  output: TaskOutput,
  role: 'reviewer',
  isReadOnly: false,
  isDestructive: false,
  async run({ id }, ctx) {
    const before = await loadReview(ctx.db, id);
    requirePending(before.task);
    if (before.task.status === 'awaiting_second') requireSecondApprover(before.task, ctx.actor);
    const claimed = await ctx.db.transaction(async (tx) => {
      const task = await claimReviewTask(tx, {
        id,
        actor: ctx.actor.name,
        leaseSeconds: ctx.config.REVIEW_LEASE_SECONDS,
      });
      if (task) {
        await appendAudit(tx, {
          actor: ctx.actor,
          action: 'review.claimed',
          documentId: task.documentId,
          details: { taskId: id, leaseExpiresAt: task.leaseExpiresAt },
        });
      }
      return task;
    });
    if (!claimed) {
      // Someone else won: say who, from the task as it is now.
      const current = await loadReview(ctx.db, id);
      requirePending(current.task);
      requireNotHeldByOther(current.task, ctx.actor);
      throw new AppError('CONFLICT', `Review task ${id} changed while it was being claimed; try again.`);
    }
    // The document and its values did not change with the lease; only the task did.
    return { task: viewOfReview({ ...before, task: claimed }) };
  },
});

export const releaseReview = defineTool({
  name: 'release_review',
  description: 'Give a claimed review task back to the queue without deciding it.',
  input: TaskInput,
  output: TaskOutput,
  role: 'reviewer',
  isReadOnly: false,
  isDestructive: false,
  async run({ id }, ctx) {
    const review = await loadReview(ctx.db, id);
    await ctx.db.transaction(async (tx) => {
      if (await releaseReviewTask(tx, { id, actor: ctx.actor.name })) {
        await appendAudit(tx, {
          actor: ctx.actor,
          action: 'review.released',
          documentId: review.document.id,
          details: { taskId: id },
        });
      }
    });
    return { task: viewOfReview(await loadReview(ctx.db, id)) };
  },
});
