import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role } from '../core/roles.ts';
import type { Queryable } from './db.ts';

export type Session = { id: string; expiresAt: Date };

/** Only the hash of a session id is stored: a leaked database does not hold working cookies. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Opens a UI session for a token; the returned id goes into the cookie and is never stored. */
export async function createSession(
  db: Queryable,
  input: { tokenId: string; hours: number; now?: Date },
): Promise<Session> {
  const id = randomBytes(32).toString('base64url');
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + input.hours * 3_600_000);
  // Expired rows are useless; dropping them here keeps the table at the size of the live sessions.
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  await db.query('INSERT INTO sessions (id_hash, token_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashSessionId(id),
    input.tokenId,
    now,
    expiresAt,
  ]);
  return { id, expiresAt };
}

/** The actor behind a live session; undefined when the id is unknown, expired or its token revoked. */
export async function findActorBySession(
  db: Queryable,
  id: string,
  now: Date = new Date(),
): Promise<Actor | undefined> {
  const { rows } = await db.query<{ id: string; name: string; role: Role }>(
    `SELECT t.id, t.name, t.role FROM sessions s JOIN api_tokens t ON t.id = s.token_id
     WHERE s.id_hash = $1 AND s.expires_at > $2 AND t.revoked_at IS NULL`,
    [hashSessionId(id), now],
  );
  const row = rows[0];
  return row && { kind: 'token', name: row.name, role: row.role, tokenId: row.id };
}

/** Ends a session; true when there was one to end. */
export async function deleteSession(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM sessions WHERE id_hash = $1 RETURNING id_hash', [
    hashSessionId(id),
  ]);
  return rows.length > 0;
}
