import { z } from 'zod';
import { REVIEW_TASK_STATUSES, type ReviewTaskRecord } from '../storage/review-tasks-table.ts';

/** A review task as every surface shows it. */
export const ReviewTaskViewSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  file: z.string(),
  docType: z.string().nullable(),
  status: z.enum(REVIEW_TASK_STATUSES),
  reasons: z
    .array(z.string())
    .describe('Why a person must look, each starting with a code: "totals_balance: …".'),
  createdAt: z.string(),
  dueAt: z.string().describe('When the task is due under the review SLA.'),
  overdue: z.boolean(),
  claimedBy: z.string().optional().describe('Who holds the lease, while it lasts.'),
  leaseExpiresAt: z.string().optional(),
  fourEyes: z.object({
    required: z.boolean(),
    reasons: z.array(z.string()),
    firstApprover: z
      .string()
      .optional()
      .describe('Who gave the first approval; the second must be someone else.'),
  }),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  decisionReason: z.string().optional(),
  amount: z.string().optional(),
  currency: z.string().optional(),
});
export type ReviewTaskView = z.infer<typeof ReviewTaskViewSchema>;

export function toReviewTaskView(
  task: ReviewTaskRecord,
  document: { file: string; docType: string | null; amount?: string; currency?: string },
  now = new Date(),
): ReviewTaskView {
  const pending = task.status !== 'approved' && task.status !== 'rejected';
  return {
    id: task.id,
    documentId: task.documentId,
    file: document.file,
    docType: document.docType,
    status: task.status,
    reasons: task.reasons,
    createdAt: task.createdAt,
    dueAt: task.dueAt,
    overdue: pending && new Date(task.dueAt) < now,
    ...(task.claimedBy && { claimedBy: task.claimedBy, leaseExpiresAt: task.leaseExpiresAt }),
    fourEyes: {
      required: task.fourEyesReasons.length > 0,
      reasons: task.fourEyesReasons,
      ...(task.firstApprover && { firstApprover: task.firstApprover }),
    },
    ...(task.decidedBy && { decidedBy: task.decidedBy, decidedAt: task.decidedAt }),
    ...(task.decisionReason && { decisionReason: task.decisionReason }),
    ...(document.amount && { amount: document.amount }),
    ...(document.currency && { currency: document.currency }),
  };
}
