import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import type { ToolContext } from '../core/context.ts';
import { defineTool } from '../core/tool.ts';
import { DOCUMENT_STATUSES } from '../documents/document-status.ts';
import { isDocType } from '../documents/types/index.ts';
import { checkCorrections } from '../review/check-corrections.ts';
import { documentAmount } from '../review/document-amount.ts';
import { fourEyesReasons } from '../review/four-eyes.ts';
import {
  type LoadedReview,
  loadReview,
  requireNotHeldByOther,
  requirePending,
  requireSecondApprover,
  viewOfReview,
} from '../review/load-review.ts';
import { ReviewTaskViewSchema } from '../review/review-task-view.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { insertCorrection } from '../storage/corrections-table.ts';
import type { Queryable } from '../storage/db.ts';
import { transitionDocument } from '../storage/documents-table.ts';
import { recordDecision, recordFirstApproval } from '../storage/review-tasks-table.ts';
import { listSuggestions, type Suggestion } from '../storage/suggestions-table.ts';

export const ResolveReviewInputSchema = z.object({
  id: z.uuid().describe('Review task id.'),
  decision: z.enum(['approve', 'reject']),
  corrections: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.unknown())
    .optional()
    .describe('Fields to change before approving, e.g. {"total_amount": "110.00"}; only with approve.'),
  reason: z.string().trim().min(1).max(1000).optional().describe('Why; required to reject.'),
});
type ResolveInput = z.infer<typeof ResolveReviewInputSchema>;

/**
 * The resolver's suggestions a person accepted on this task, by field (the latest for a field wins), except
 * where the approver typed a value of their own. Dismissed and undecided ones never apply.
 */
async function acceptedSuggestions(tx: Queryable, review: LoadedReview, input: ResolveInput) {
  const suggestions = await listSuggestions(tx, review.document.id);
  const accepted = suggestions.filter(
    (s) => s.status === 'accepted' && s.taskId === review.task.id && !(s.field in (input.corrections ?? {})),
  );
  return new Map<string, Suggestion>(accepted.map((s) => [s.field, s]));
}

/**
 * The corrections that change something, the approver's own and the accepted suggestions, each stored with
 * its before and after and audited (a suggestion's with its id and who accepted it). Returns the names of
 * the fields changed.
 */
async function applyCorrections(tx: Queryable, review: LoadedReview, input: ResolveInput, ctx: ToolContext) {
  const docType = review.document.docType;
  const suggested = await acceptedSuggestions(tx, review, input);
  const proposed = {
    ...Object.fromEntries([...suggested].map(([field, s]) => [field, s.value])),
    ...input.corrections,
  };
  if (Object.keys(proposed).length === 0) return [];
  if (!docType || !isDocType(docType)) {
    throw new AppError('CONFLICT', 'The document has no type yet; it cannot be corrected.');
  }
  const checked = checkCorrections(docType, proposed);
  const changed = Object.entries(checked).filter(
    ([field, after]) => JSON.stringify(review.values[field]) !== JSON.stringify(after),
  );
  for (const [field, after] of changed) {
    const before = review.values[field];
    const suggestion = suggested.get(field);
    await insertCorrection(tx, {
      taskId: review.task.id,
      documentId: review.document.id,
      field,
      before,
      after,
      reason: input.reason,
      actor: ctx.actor.name,
    });
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'review.corrected',
      documentId: review.document.id,
      details: {
        taskId: review.task.id,
        field,
        before: before ?? null,
        after,
        reason: input.reason ?? null,
        ...(suggestion && { suggestionId: suggestion.id, acceptedBy: suggestion.decidedBy }),
      },
    });
    review.values[field] = after;
  }
  return changed.map(([field]) => field);
}

async function approve(tx: Queryable, review: LoadedReview, input: ResolveInput, ctx: ToolContext) {
  const secondApproval = review.task.status === 'awaiting_second';
  if (secondApproval) requireSecondApprover(review.task, ctx.actor);
  const corrected = await applyCorrections(tx, review, input, ctx);
  const docType =
    review.document.docType && isDocType(review.document.docType) ? review.document.docType : 'other';
  const reasons = [
    ...new Set([
      ...review.task.fourEyesReasons,
      ...fourEyesReasons({
        amount: documentAmount(docType, review.values),
        limit: ctx.config.FOUR_EYES_LIMIT,
        correctedFields: corrected,
      }),
    ]),
  ];
  // A second approver who changes something becomes the first approver of the changed record.
  if (reasons.length > 0 && (!secondApproval || corrected.length > 0)) {
    await recordFirstApproval(tx, { id: review.task.id, actor: ctx.actor.name, fourEyesReasons: reasons });
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'review.first_approval',
      documentId: review.document.id,
      details: { taskId: review.task.id, fourEyes: reasons, reason: input.reason ?? null },
    });
    return false;
  }
  await recordDecision(tx, {
    id: review.task.id,
    actor: ctx.actor.name,
    status: 'approved',
    reason: input.reason,
    fourEyesReasons: reasons,
  });
  await transitionDocument(tx, {
    id: review.document.id,
    from: ['needs_review'],
    to: 'approved',
    actor: ctx.actor,
    details: {
      taskId: review.task.id,
      corrected,
      ...(secondApproval && { firstApprover: review.task.firstApprover }),
      reason: input.reason ?? null,
    },
  });
  return true;
}

async function reject(tx: Queryable, review: LoadedReview, input: ResolveInput, ctx: ToolContext) {
  if (!input.reason) throw new AppError('VALIDATION_FAILED', 'Say why the document is rejected (reason).');
  if (input.corrections && Object.keys(input.corrections).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Corrections go with an approval, not a rejection.');
  }
  await recordDecision(tx, {
    id: review.task.id,
    actor: ctx.actor.name,
    status: 'rejected',
    reason: input.reason,
    fourEyesReasons: review.task.fourEyesReasons,
  });
  await transitionDocument(tx, {
    id: review.document.id,
    from: ['needs_review'],
    to: 'rejected',
    actor: ctx.actor,
    details: { taskId: review.task.id, reason: input.reason },
  });
}

export const resolveReview = defineTool({
  name: 'resolve_review',
  description:
    'Decide a review task as a person: approve (optionally correcting fields, each kept with its before and after) or reject with a reason. Above the four-eyes limit, or when a tax id or bank detail is corrected, approval needs a second, different approver; the task then waits for them.',
  input: ResolveReviewInputSchema,
  output: z.object({
    task: ReviewTaskViewSchema,
    document: z.object({ id: z.string(), status: z.enum(DOCUMENT_STATUSES) }),
  }),
  role: 'reviewer',
  isReadOnly: false,
  isDestructive: true,
  async run(input, ctx) {
    const approved = await ctx.db.transaction(async (tx) => {
      const review = await loadReview(tx, input.id, { forUpdate: true });
      requirePending(review.task);
      requireNotHeldByOther(review.task, ctx.actor);
      if (input.decision === 'reject') {
        await reject(tx, review, input, ctx);
        return false;
      }
      return approve(tx, review, input, ctx);
    });
    const review = await loadReview(ctx.db, input.id);
    // After the commit: the export job id makes a second enqueue (a retry of this call) one job.
    if (approved) await ctx.pipeline.enqueue('export', review.document.id);
    return {
      task: viewOfReview(review),
      document: { id: review.document.id, status: review.document.status },
    };
  },
});
