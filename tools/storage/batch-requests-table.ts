import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Queryable } from './db.ts';

/** A bulk document's Claude request waiting on the Message Batches API (see migration 005-bulk.sql). */
export type BatchRequest = {
  documentId: string;
  engine: string;
  request: MessageCreateParamsNonStreaming;
  attempts: number;
  batchId: string | null;
  submittedAt: string | null;
  createdAt: string;
};

type BatchRequestRow = {
  document_id: string;
  engine: string;
  request: MessageCreateParamsNonStreaming | string;
  attempts: number;
  batch_id: string | null;
  submitted_at: string | Date | null;
  created_at: string | Date;
};

// A submitter that took rows and died before storing the batch id leaves a claim; after this long, another may.
const STALE_CLAIM = "interval '10 minutes'";

const toIso = (value: string | Date) => (value instanceof Date ? value : new Date(value)).toISOString();

function toBatchRequest(row: BatchRequestRow): BatchRequest {
  return {
    documentId: row.document_id,
    engine: row.engine,
    request: typeof row.request === 'string' ? JSON.parse(row.request) : row.request,
    attempts: row.attempts,
    batchId: row.batch_id,
    submittedAt: row.submitted_at === null ? null : toIso(row.submitted_at),
    createdAt: toIso(row.created_at),
  };
}

/** Flags a newly stored document for bulk mode; part of the submit transaction. */
export async function markBulk(tx: Queryable, documentId: string): Promise<void> {
  await tx.query('UPDATE documents SET bulk = true WHERE id = $1', [documentId]);
}

export async function isBulkDocument(db: Queryable, documentId: string): Promise<boolean> {
  const { rows } = await db.query<{ bulk: boolean }>('SELECT bulk FROM documents WHERE id = $1', [
    documentId,
  ]);
  return rows[0]?.bulk === true;
}

/** Records the request to send in the next batch; false when one was recorded already (that one stays). */
export async function recordBatchRequest(
  db: Queryable,
  entry: { documentId: string; engine: string; request: MessageCreateParamsNonStreaming },
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO batch_requests (document_id, engine, request) VALUES ($1, $2, $3)
     ON CONFLICT (document_id) DO NOTHING RETURNING document_id`,
    [entry.documentId, entry.engine, JSON.stringify(entry.request)],
  );
  return rows.length > 0;
}

export async function findBatchRequest(db: Queryable, documentId: string): Promise<BatchRequest | undefined> {
  const { rows } = await db.query<BatchRequestRow>('SELECT * FROM batch_requests WHERE document_id = $1', [
    documentId,
  ]);
  return rows[0] && toBatchRequest(rows[0]);
}

export async function countBatchRequests(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM batch_requests');
  return Number(rows[0]?.n ?? 0);
}

/** Takes up to `limit` requests not yet in a batch (nor claimed by a live submitter) for one submission. */
export async function claimUnsubmitted(db: Queryable, limit: number): Promise<BatchRequest[]> {
  const { rows } = await db.query<BatchRequestRow>(
    `UPDATE batch_requests SET claimed_at = now()
     WHERE document_id IN (
       SELECT document_id FROM batch_requests
       WHERE batch_id IS NULL AND (claimed_at IS NULL OR claimed_at < now() - ${STALE_CLAIM})
       ORDER BY created_at LIMIT $1)
     RETURNING *`,
    [limit],
  );
  return rows.map(toBatchRequest).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Gives claimed requests back (the submission failed before a batch was made). */
export async function releaseClaim(db: Queryable, documentIds: readonly string[]): Promise<void> {
  await db.query('UPDATE batch_requests SET claimed_at = NULL WHERE document_id = ANY($1::uuid[])', [
    [...documentIds],
  ]);
}

/** Stores the batch id the moment the API returns it, before anything polls it. */
export async function markSubmitted(
  db: Queryable,
  documentIds: readonly string[],
  batchId: string,
): Promise<void> {
  await db.query(
    `UPDATE batch_requests SET batch_id = $2, submitted_at = now(), attempts = attempts + 1
     WHERE document_id = ANY($1::uuid[])`,
    [[...documentIds], batchId],
  );
}

/** Batches submitted and not yet finished. */
export async function listInFlightBatches(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ batch_id: string }>(
    'SELECT DISTINCT batch_id FROM batch_requests WHERE batch_id IS NOT NULL ORDER BY batch_id',
  );
  return rows.map((row) => row.batch_id);
}

/**
 * Removes a document's request once its outcome is in; false when another run took it first. Called in the
 * transaction that finishes the document, so the request and the finished document never both exist.
 */
export async function takeBatchRequest(tx: Queryable, documentId: string, batchId: string): Promise<boolean> {
  const { rows } = await tx.query<{ document_id: string }>(
    'DELETE FROM batch_requests WHERE document_id = $1 AND batch_id = $2 RETURNING document_id',
    [documentId, batchId],
  );
  return rows.length > 0;
}

/** Puts a request back to be sent in the next batch (a transient error, an expired or canceled entry). */
export async function resendBatchRequest(db: Queryable, documentId: string, batchId: string): Promise<void> {
  await db.query(
    `UPDATE batch_requests SET batch_id = NULL, claimed_at = NULL, submitted_at = NULL
     WHERE document_id = $1 AND batch_id = $2`,
    [documentId, batchId],
  );
}

/** Puts back every request still in a batch that has ended (its results file did not name it). */
export async function resendUnanswered(db: Queryable, batchId: string): Promise<number> {
  const { rows } = await db.query(
    `UPDATE batch_requests SET batch_id = NULL, claimed_at = NULL, submitted_at = NULL
     WHERE batch_id = $1 RETURNING document_id`,
    [batchId],
  );
  return rows.length;
}

/** Drops the requests of documents that are no longer waiting (failed or deleted meanwhile). */
export async function dropBatchRequest(db: Queryable, documentId: string): Promise<void> {
  await db.query('DELETE FROM batch_requests WHERE document_id = $1', [documentId]);
}
