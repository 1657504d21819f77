import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../core/app-error.ts';
import type { Actor, Role } from '../core/roles.ts';
import { appendAudit } from './audit-log.ts';
import type { Db, Queryable } from './db.ts';

const TOKEN_PREFIX = 'pw_';

/** Only the hash is stored: a leaked database does not leak working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token and returns its secret; the secret is never stored or shown again. */
export async function createApiToken(
  db: Db,
  input: { name: string; role: Role; createdBy: Actor },
): Promise<{ id: string; name: string; role: Role; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM api_tokens WHERE name = $1', [input.name]);
    if (existing.rows.length > 0)
      throw new AppError('CONFLICT', `A token named "${input.name}" already exists.`);
    await tx.query('INSERT INTO api_tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4)', [
      id,
      input.name,
      input.role,
      hashToken(token),
    ]);
    await appendAudit(tx, {
      actor: input.createdBy,
      action: 'token.created',
      details: { tokenId: id, name: input.name, role: input.role },
    });
  });
  return { id, name: input.name, role: input.role, token };
}

/** The actor a bearer token stands for, or undefined when it is unknown or revoked. */
export async function findActorByToken(db: Queryable, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const { rows } = await db.query<{ id: string; name: string; role: Role }>(
    'SELECT id, name, role FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  const row = rows[0];
  return row && { kind: 'token', name: row.name, role: row.role, tokenId: row.id };
}

export async function countApiTokens(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM api_tokens');
  return Number(rows[0]?.n ?? 0);
}
