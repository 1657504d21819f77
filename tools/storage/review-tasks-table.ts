import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

export type ReviewTask = {
  id: string;
  documentId: string;
  status: 'open' | 'claimed' | 'approved' | 'rejected';
  reasons: string[];
  createdAt: string;
};

type ReviewTaskRow = {
  id: string;
  document_id: string;
  status: ReviewTask['status'];
  reasons: string[];
  created_at: string | Date;
};

const toReviewTask = (row: ReviewTaskRow): ReviewTask => ({
  id: row.id,
  documentId: row.document_id,
  status: row.status,
  reasons: row.reasons,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Opens the document's review task; one per document, so a repeated extract stage adds none. */
export async function openReviewTask(
  tx: Queryable,
  documentId: string,
  reasons: readonly string[],
): Promise<ReviewTask> {
  await tx.query(
    `INSERT INTO review_tasks (id, document_id, status, reasons) VALUES ($1, $2, 'open', $3)
     ON CONFLICT (document_id) DO NOTHING`,
    [randomUUID(), documentId, JSON.stringify(reasons)],
  );
  const task = await findReviewTaskByDocument(tx, documentId);
  if (!task) throw new Error(`Review task for ${documentId} vanished after insert.`);
  return task;
}

export async function findReviewTaskByDocument(
  db: Queryable,
  documentId: string,
): Promise<ReviewTask | undefined> {
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
