import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../tools/core/roles.ts';
import { createApiToken } from '../../../tools/storage/api-tokens.ts';
import type { Db } from '../../../tools/storage/db.ts';
import {
  createSession,
  deleteSession,
  findActorBySession,
  hashSessionId,
} from '../../../tools/storage/sessions-table.ts';
import { DATABASE_KINDS, openTestDb } from '../../support/test-db.ts';

describe.each(DATABASE_KINDS)('the sessions table (%s)', (kind) => {
  let db: Db;
  let tokenId: string;

  beforeAll(async () => {
    db = await openTestDb(kind);
    tokenId = (await createApiToken(db, { name: 'alice', role: 'reviewer', createdBy: SYSTEM_ACTOR })).id;
  });
  afterAll(() => db?.close());

  it('stores only the hash of a random 32-byte id and finds the actor by the id', async () => {
    const session = await createSession(db, { tokenId, hours: 12 });
    expect(Buffer.from(session.id, 'base64url')).toHaveLength(32);
    const { rows } = await db.query<{ id_hash: string }>('SELECT id_hash FROM sessions WHERE token_id = $1', [
      tokenId,
    ]);
    expect(rows.map((r) => r.id_hash)).toContain(hashSessionId(session.id));
    expect(rows.map((r) => r.id_hash)).not.toContain(session.id);
    expect(await findActorBySession(db, session.id)).toEqual({
      kind: 'token',
      name: 'alice',
      role: 'reviewer',
      tokenId,
    });
  });

  it('expires after the configured hours', async () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const session = await createSession(db, { tokenId, hours: 2, now: start });
    expect(session.expiresAt.toISOString()).toBe('2026-01-01T02:00:00.000Z');
    expect(await findActorBySession(db, session.id, new Date('2026-01-01T01:59:59Z'))).toBeDefined();
    expect(await findActorBySession(db, session.id, new Date('2026-01-01T02:00:00Z'))).toBeUndefined();
  });

  it('finds nobody for an unknown id', async () => {
    expect(await findActorBySession(db, 'not-a-session')).toBeUndefined();
  });

  it('ends with the token: a revoked token has no live sessions', async () => {
    const other = await createApiToken(db, { name: 'bob', role: 'approver', createdBy: SYSTEM_ACTOR });
    const session = await createSession(db, { tokenId: other.id, hours: 12 });
    await db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [other.id]);
    expect(await findActorBySession(db, session.id)).toBeUndefined();
  });

  it('deletes a session once', async () => {
    const session = await createSession(db, { tokenId, hours: 12 });
    expect(await deleteSession(db, session.id)).toBe(true);
    expect(await deleteSession(db, session.id)).toBe(false);
    expect(await findActorBySession(db, session.id)).toBeUndefined();
  });
});
