import type { Queryable } from './db.ts';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Where a document's export to one target stands. `failed` waits for a person: retry_export. */
export type Delivery = {
  target: string;
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  deliveredAt?: string;
};

type DeliveryRow = {
  target: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  delivered_at: string | Date | null;
};

export async function listDeliveries(db: Queryable, documentId: string): Promise<Delivery[]> {
  const { rows } = await db.query<DeliveryRow>(
    'SELECT target, status, attempts, last_error, delivered_at FROM deliveries WHERE document_id = $1 ORDER BY target',
    [documentId],
  );
  return rows.map((row) => ({
    target: row.target,
    status: row.status,
    attempts: Number(row.attempts),
    ...(row.last_error !== null && { lastError: row.last_error }),
    ...(row.delivered_at !== null && { deliveredAt: new Date(row.delivered_at).toISOString() }),
  }));
}

/** Adds a `pending` row for each target the document has none for yet; existing rows keep their state. */
export async function ensureDeliveries(
  db: Queryable,
  documentId: string,
  targets: readonly string[],
  idempotencyKey: string,
): Promise<void> {
  for (const target of targets) {
    await db.query(
      `INSERT INTO deliveries (document_id, target, status, idempotency_key) VALUES ($1, $2, 'pending', $3)
       ON CONFLICT (document_id, target) DO NOTHING`,
      [documentId, target, idempotencyKey],
    );
  }
}

/** Records a successful attempt. */
export async function markDelivered(db: Queryable, documentId: string, target: string): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, last_error = NULL,
       delivered_at = now(), updated_at = now()
     WHERE document_id = $1 AND target = $2`,
    [documentId, target],
  );
}

/** Records a failed attempt: still `pending` when it will be tried again, `failed` when it will not. */
export async function markAttemptFailed(
  db: Queryable,
  input: { documentId: string; target: string; error: string; isFinal: boolean },
): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = $3, attempts = attempts + 1, last_error = $4, updated_at = now()
     WHERE document_id = $1 AND target = $2 AND status <> 'delivered'`,
    [input.documentId, input.target, input.isFinal ? 'failed' : 'pending', input.error],
  );
}

/**
 * Gives up on every delivery still `pending` (the job's attempts ran out): each becomes `failed`, with
 * `error` as its last error when it has none of its own. Returns the targets it failed.
 */
export async function failPendingDeliveries(
  db: Queryable,
  documentId: string,
  error: string,
): Promise<string[]> {
  const { rows } = await db.query<{ target: string }>(
    `UPDATE deliveries SET status = 'failed', last_error = COALESCE(last_error, $2), updated_at = now()
     WHERE document_id = $1 AND status = 'pending' RETURNING target`,
    [documentId, error],
  );
  return rows.map((row) => row.target).sort();
}

/** Makes the document's failed deliveries `pending` again, for another run of the export; returns their targets. */
export async function resetFailedDeliveries(db: Queryable, documentId: string): Promise<string[]> {
  const { rows } = await db.query<{ target: string }>(
    `UPDATE deliveries SET status = 'pending', updated_at = now()
     WHERE document_id = $1 AND status = 'failed' RETURNING target`,
    [documentId],
  );
  return rows.map((row) => row.target).sort();
}
