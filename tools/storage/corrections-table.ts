import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

/** A reviewer's change to one field: kept whole, so corrections can become evaluation data. */
export type Correction = {
  field: string;
  before: unknown;
  after: unknown;
  reason?: string;
  actor: string;
  at: string;
};

type CorrectionRow = {
  field: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  actor: string;
  at: string | Date;
};

export async function insertCorrection(
  tx: Queryable,
  input: {
    taskId: string;
    documentId: string;
    field: string;
    before: unknown;
    after: unknown;
    reason?: string;
    actor: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO corrections (id, task_id, document_id, field, before, after, reason, actor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      randomUUID(),
      input.taskId,
      input.documentId,
      input.field,
      input.before === undefined ? null : JSON.stringify(input.before),
      JSON.stringify(input.after),
      input.reason ?? null,
      input.actor,
    ],
  );
}

/** In the order they were made; later corrections of a field supersede earlier ones. */
export async function listCorrections(db: Queryable, documentId: string): Promise<Correction[]> {
  const { rows } = await db.query<CorrectionRow>(
    'SELECT field, before, after, reason, actor, at FROM corrections WHERE document_id = $1 ORDER BY at, id',
    [documentId],
  );
  return rows.map((row) => ({
    field: row.field,
    before: row.before,
    after: row.after,
    ...(row.reason && { reason: row.reason }),
    actor: row.actor,
    at: new Date(row.at).toISOString(),
  }));
}
