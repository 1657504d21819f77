import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

export const REVIEW_TASK_STATUSES = ['open', 'claimed', 'awaiting_second', 'approved', 'rejected'] as const;
export type ReviewTaskStatus = (typeof REVIEW_TASK_STATUSES)[number];
/** Tasks a person still has to act on. */
export const PENDING_TASK_STATUSES: readonly ReviewTaskStatus[] = ['open', 'claimed', 'awaiting_second'];

export type ReviewTaskRecord = {
  id: string;
  documentId: string;
  status: ReviewTaskStatus;
  reasons: string[];
  createdAt: string;
  dueAt: string;
  claimedBy?: string;
  leaseExpiresAt?: string;
  fourEyesReasons: string[];
  firstApprover?: string;
  firstApprovedAt?: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
};

type ReviewTaskRow = {
  id: string;
  document_id: string;
  status: ReviewTaskStatus;
  reasons: string[];
  created_at: string | Date;
  due_at: string | Date | null;
  claimed_by: string | null;
  lease_expires_at: string | Date | null;
  four_eyes_reasons: string[];
  first_approver: string | null;
  first_approved_at: string | Date | null;
  decided_by: string | null;
  decided_at: string | Date | null;
  decision_reason: string | null;
};

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * A lapsed lease frees the task: it reads as open again (or still awaiting its second approval), so the
 * state a caller sees never depends on whether anyone has tidied up.
 */
export function toReviewTask(row: ReviewTaskRow, now = new Date()): ReviewTaskRecord {
  const leaseLive =
    row.claimed_by !== null && row.lease_expires_at !== null && new Date(row.lease_expires_at) > now;
  const status = row.status === 'claimed' && !leaseLive ? 'open' : row.status;
  return {
    id: row.id,
    documentId: row.document_id,
    status,
    reasons: row.reasons,
    createdAt: iso(row.created_at),
    dueAt: iso(row.due_at ?? row.created_at),
    ...(leaseLive && {
      claimedBy: row.claimed_by ?? undefined,
      leaseExpiresAt: iso(row.lease_expires_at ?? ''),
    }),
    fourEyesReasons: row.four_eyes_reasons,
    ...(row.first_approver && { firstApprover: row.first_approver }),
    ...(row.first_approved_at && { firstApprovedAt: iso(row.first_approved_at) }),
    ...(row.decided_by && { decidedBy: row.decided_by }),
    ...(row.decided_at && { decidedAt: iso(row.decided_at) }),
    ...(row.decision_reason && { decisionReason: row.decision_reason }),
  };
}

/** Opens the document's review task; one per document, so a repeated extract stage adds none. */
export async function openReviewTask(
  tx: Queryable,
  input: { documentId: string; reasons: readonly string[]; fourEyesReasons: readonly string[]; dueAt: Date },
): Promise<ReviewTaskRecord> {
  await tx.query(
    `INSERT INTO review_tasks (id, document_id, status, reasons, four_eyes_reasons, due_at)
     VALUES ($1, $2, 'open', $3, $4, $5)
     ON CONFLICT (document_id) DO NOTHING`,
    [
      randomUUID(),
      input.documentId,
      JSON.stringify(input.reasons),
      JSON.stringify(input.fourEyesReasons),
      input.dueAt.toISOString(),
    ],
  );
  const task = await findReviewTaskByDocument(tx, input.documentId);
  if (!task) throw new Error(`Review task for ${input.documentId} vanished after insert.`);
  return task;
}

export async function findReviewTask(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReviewTaskRecord | undefined> {
  const { rows } = await db.query<ReviewTaskRow>(
    `SELECT * FROM review_tasks WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] && toReviewTask(rows[0]);
}

export async function findReviewTaskByDocument(
  db: Queryable,
  documentId: string,
): Promise<ReviewTaskRecord | undefined> {
  const { rows } = await db.query<ReviewTaskRow>('SELECT * FROM review_tasks WHERE document_id = $1', [
    documentId,
  ]);
  return rows[0] && toReviewTask(rows[0]);
}

export async function countReviewTasks(db: Queryable, documentId: string): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM review_tasks WHERE document_id = $1',
    [documentId],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Takes the lease in one conditional UPDATE: of two reviewers claiming at once, exactly one matches the
 * WHERE clause. The holder may renew; anyone may take a lapsed lease.
 */
export async function claimReviewTask(
  db: Queryable,
  input: { id: string; actor: string; leaseSeconds: number },
): Promise<ReviewTaskRecord | undefined> {
  const { rows } = await db.query<ReviewTaskRow>(
    `UPDATE review_tasks
     SET claimed_by = $2,
         lease_expires_at = now() + make_interval(secs => $3),
         status = CASE WHEN status = 'awaiting_second' THEN status ELSE 'claimed' END,
         updated_at = now()
     WHERE id = $1
       AND status IN ('open', 'claimed', 'awaiting_second')
       AND (claimed_by IS NULL OR claimed_by = $2 OR lease_expires_at <= now())
     RETURNING *`,
    [input.id, input.actor, input.leaseSeconds],
  );
  return rows[0] && toReviewTask(rows[0]);
}

/** Gives the task back to the queue; only its holder can. */
export async function releaseReviewTask(
  db: Queryable,
  input: { id: string; actor: string },
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE review_tasks
     SET claimed_by = NULL, lease_expires_at = NULL,
         status = CASE WHEN status = 'claimed' THEN 'open' ELSE status END, updated_at = now()
     WHERE id = $1 AND claimed_by = $2 RETURNING id`,
    [input.id, input.actor],
  );
  return rows.length > 0;
}

/** The first of two approvals: the task waits, unclaimed, for a different approver. */
export async function recordFirstApproval(
  tx: Queryable,
  input: { id: string; actor: string; fourEyesReasons: readonly string[] },
): Promise<void> {
  await tx.query(
    `UPDATE review_tasks
     SET status = 'awaiting_second', first_approver = $2, first_approved_at = now(), four_eyes_reasons = $3,
         claimed_by = NULL, lease_expires_at = NULL, updated_at = now()
     WHERE id = $1`,
    [input.id, input.actor, JSON.stringify(input.fourEyesReasons)],
  );
}

export async function recordDecision(
  tx: Queryable,
  input: {
    id: string;
    actor: string;
    status: 'approved' | 'rejected';
    reason?: string;
    fourEyesReasons: readonly string[];
  },
): Promise<void> {
  await tx.query(
    `UPDATE review_tasks
     SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, four_eyes_reasons = $5,
         claimed_by = NULL, lease_expires_at = NULL, updated_at = now()
     WHERE id = $1`,
    [input.id, input.status, input.actor, input.reason ?? null, JSON.stringify(input.fourEyesReasons)],
  );
}

export type ReviewQueueFilter = {
  statuses: readonly ReviewTaskStatus[];
  docType?: string;
  reason?: string;
  olderThanHours?: number;
  limit: number;
  offset: number;
};

/** The queue, soonest due first. A lapsed claim is open again, so 'open' also finds those. */
export async function listReviewTasks(
  db: Queryable,
  filter: ReviewQueueFilter,
): Promise<
  Array<
    ReviewTaskRecord & { file: string; docType: string | null; fields: Record<string, { value: unknown }> }
  >
> {
  const statuses = new Set<string>(filter.statuses);
  if (statuses.has('open')) statuses.add('claimed');
  const { rows } = await db.query<
    ReviewTaskRow & {
      filename: string;
      doc_type: string | null;
      fields: Record<string, { value: unknown }> | null;
    }
  >(
    `SELECT t.*, d.filename, d.doc_type,
            (SELECT e.fields FROM extractions e WHERE e.document_id = d.id ORDER BY e.created_at DESC LIMIT 1) AS fields
     FROM review_tasks t JOIN documents d ON d.id = t.document_id
     WHERE t.status = ANY($1::text[])
       AND ($2::text IS NULL OR d.doc_type = $2)
       AND ($3::text IS NULL OR t.reasons::text ILIKE $3)
       AND ($4::float8 IS NULL OR t.created_at <= now() - make_interval(secs => $4 * 3600))
     ORDER BY t.due_at, t.created_at, t.id LIMIT $5 OFFSET $6`,
    [
      [...statuses],
      filter.docType ?? null,
      filter.reason ? `%${filter.reason.replace(/[\\%_]/g, '\\$&')}%` : null,
      filter.olderThanHours ?? null,
      filter.limit,
      filter.offset,
    ],
  );
  return rows
    .map((row) => ({
      ...toReviewTask(row),
      file: row.filename,
      docType: row.doc_type,
      fields: row.fields ?? {},
    }))
    .filter((task) => filter.statuses.includes(task.status));
}
