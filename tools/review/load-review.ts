import { AppError } from '../core/app-error.ts';
import type { Actor } from '../core/roles.ts';
import { hasRole } from '../core/roles.ts';
import { isDocType } from '../documents/types/index.ts';
import { type Correction, listCorrections } from '../storage/corrections-table.ts';
import type { Queryable } from '../storage/db.ts';
import { type DocumentRecord, findDocument } from '../storage/documents-table.ts';
import { type ExtractionRecord, findLatestExtraction } from '../storage/extractions-table.ts';
import { findReviewTask, type ReviewTaskRecord } from '../storage/review-tasks-table.ts';
import { currentValues } from './current-values.ts';
import { documentAmountText } from './document-amount.ts';
import { type ReviewTaskView, toReviewTaskView } from './review-task-view.ts';

export type LoadedReview = {
  task: ReviewTaskRecord;
  document: DocumentRecord;
  extraction: ExtractionRecord | undefined;
  corrections: Correction[];
  values: Record<string, unknown>;
};

/** A task with everything a decision needs; `forUpdate` locks the task row until the transaction ends. */
export async function loadReview(
  db: Queryable,
  taskId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedReview> {
  const task = await findReviewTask(db, taskId, options);
  if (!task) throw new AppError('NOT_FOUND', `No review task with id ${taskId}.`);
  const document = await findDocument(db, task.documentId);
  if (!document) throw new AppError('NOT_FOUND', `The document of review task ${taskId} is gone.`);
  const extraction = await findLatestExtraction(db, document.id);
  const corrections = await listCorrections(db, document.id);
  return {
    task,
    document,
    extraction,
    corrections,
    values: currentValues(extraction?.fields ?? {}, corrections),
  };
}

export function viewOfReview(review: LoadedReview): ReviewTaskView {
  const docType =
    review.document.docType && isDocType(review.document.docType) ? review.document.docType : null;
  return toReviewTaskView(review.task, {
    file: review.document.filename,
    docType: review.document.docType,
    ...documentAmountText(docType, review.values),
  });
}

export function requirePending(task: ReviewTaskRecord): void {
  if (task.status === 'approved' || task.status === 'rejected') {
    throw new AppError('CONFLICT', `Review task ${task.id} was already ${task.status} by ${task.decidedBy}.`);
  }
}

/** Someone else's live lease blocks a decision; a lapsed one does not. */
export function requireNotHeldByOther(task: ReviewTaskRecord, actor: Actor): void {
  if (task.claimedBy && task.claimedBy !== actor.name) {
    throw new AppError(
      'CONFLICT',
      `Review task ${task.id} is claimed by ${task.claimedBy} until ${task.leaseExpiresAt}.`,
    );
  }
}

/** Four eyes: the second approval must come from an approver who did not give the first. */
export function requireSecondApprover(task: ReviewTaskRecord, actor: Actor): void {
  if (!hasRole(actor.role, 'approver')) {
    throw new AppError(
      'FORBIDDEN',
      `This task needs a second approval from someone with the approver role; ${actor.name} is a ${actor.role}.`,
    );
  }
  if (actor.name === task.firstApprover) {
    throw new AppError(
      'FORBIDDEN',
      `${actor.name} gave the first approval; the second must come from a different approver.`,
    );
  }
}
