import { createHash } from 'node:crypto';
import type { Actor } from '../core/roles.ts';
import type { Db, Queryable } from './db.ts';
import { lockSchemaFor } from './schema-lock.ts';

export type AuditEntry = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  documentId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
};

const GENESIS_HASH = '0'.repeat(64);
// Serializes appenders across processes so the chain never forks.
const AUDIT_LOCK_KEY = 7_341_002;

/** Stable JSON: keys sorted at every depth, so a hash never depends on insertion order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...content } = entry;
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

/** Appends one entry to the hash-chained log. Call inside the transaction that makes the change it records. */
export async function appendAudit(
  tx: Queryable,
  entry: { actor: Actor; action: string; documentId?: string; details?: Record<string, unknown> },
): Promise<AuditEntry> {
  await lockSchemaFor(tx, AUDIT_LOCK_KEY);
  const last = (
    await tx.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
  ).rows[0];
  const unhashed = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: new Date().toISOString(),
    actor: entry.actor.name,
    action: entry.action,
    documentId: entry.documentId ?? null,
    details: entry.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const audited = { ...unhashed, hash: hashAuditEntry(unhashed) };
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor, action, document_id, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      audited.seq,
      audited.at,
      audited.actor,
      audited.action,
      audited.documentId,
      audited.details,
      audited.prevHash,
      audited.hash,
    ],
  );
  return audited;
}

/**
 * One attempted write (an API call, a tool that may change state) on the log in its own transaction, before it
 * runs, with who made it and through which token: even a write that then fails shows who tried.
 */
export async function recordWriteAttempt(
  db: Db,
  actor: Actor,
  details: Record<string, unknown>,
): Promise<void> {
  await db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: 'token.write',
      details: { ...details, ...(actor.tokenId && { tokenId: actor.tokenId }) },
    }),
  );
}

type AuditRow = {
  seq: string;
  at: string;
  actor: string;
  action: string;
  document_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
};

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    documentId: row.document_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export async function listAudit(db: Queryable, filter: { documentId?: string } = {}): Promise<AuditEntry[]> {
  const { rows } = filter.documentId
    ? await db.query<AuditRow>('SELECT * FROM audit_log WHERE document_id = $1 ORDER BY seq', [
        filter.documentId,
      ])
    : await db.query<AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  return rows.map(toEntry);
}

/** Walks the whole chain: a changed, removed or reordered entry breaks it at the first place it happened. */
export async function verifyAudit(
  db: Queryable,
): Promise<{ ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string }> {
  const entries = await listAudit(db);
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1)
      return { ok: false, entries: entries.length, brokenAt: index + 1, reason: 'entry missing' };
    if (entry.prevHash !== prevHash)
      return { ok: false, entries: entries.length, brokenAt: entry.seq, reason: 'chain broken' };
    const { hash, ...rest } = entry;
    if (hashAuditEntry(rest) !== hash)
      return { ok: false, entries: entries.length, brokenAt: entry.seq, reason: 'entry altered' };
    prevHash = hash;
  }
  return { ok: true, entries: entries.length };
}
