import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../tools/core/roles.ts';
import { appendAudit, verifyAudit } from '../../../tools/storage/audit-log.ts';
import type { Db } from '../../../tools/storage/db.ts';
import { DATABASE_KINDS, openTestDb } from '../../support/test-db.ts';

describe.each(DATABASE_KINDS)('audit log on %s', (kind) => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDb(kind);
    for (const action of ['document.received', 'document.parsing', 'document.extracting']) {
      await db.transaction((tx) =>
        appendAudit(tx, { actor: SYSTEM_ACTOR, action, details: { n: action.length } }),
      );
    }
  });
  afterEach(() => db.close());

  it('verifies an untouched chain', async () => {
    expect(await verifyAudit(db)).toEqual({ ok: true, entries: 3 });
  });

  it('refuses updates and deletes at the database', async () => {
    await expect(db.query("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
  });

  it('finds an edited entry once the guard is bypassed', async () => {
    await db.exec(
      "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2;",
    );
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry altered' });
  });

  it('finds a removed entry once the guard is bypassed', async () => {
    await db.exec(
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; DELETE FROM audit_log WHERE seq = 2;',
    );
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry missing' });
  });

  it('keeps one chain when appends race', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.transaction((tx) => appendAudit(tx, { actor: SYSTEM_ACTOR, action: `race.${i}` })),
      ),
    );
    expect(await verifyAudit(db)).toEqual({ ok: true, entries: 11 });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('audit chains in two schemas of one Postgres database', () => {
  it('append without waiting on each other', async () => {
    const [first, second] = [await openTestDb('postgres'), await openTestDb('postgres')];
    try {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let appended = () => {};
      const firstHoldsLock = new Promise<void>((resolve) => {
        appended = resolve;
      });
      // The first schema's append holds its chain lock until the second schema has appended.
      const firstTx = first.transaction(async (tx) => {
        await appendAudit(tx, { actor: SYSTEM_ACTOR, action: 'first.holds' });
        appended();
        await held;
      });
      await firstHoldsLock;
      // With one lock for the whole database this would wait for the first transaction forever.
      await second.transaction((tx) => appendAudit(tx, { actor: SYSTEM_ACTOR, action: 'second.appends' }));
      release();
      await firstTx;
      expect(await verifyAudit(first)).toEqual({ ok: true, entries: 1 });
      expect(await verifyAudit(second)).toEqual({ ok: true, entries: 1 });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
