import { randomBytes } from 'node:crypto';
import type { Db } from '../../tools/storage/db.ts';
import { migrate } from '../../tools/storage/migrate.ts';
import { openDb } from '../../tools/storage/open-db.ts';

/** A unique name for this test run's schema and queue prefix, so parallel runs never meet. */
export function uniqueRunName(prefix = 'pwt'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export const DATABASE_KINDS = process.env.DATABASE_URL
  ? (['pglite', 'postgres'] as const)
  : (['pglite'] as const);

/** A migrated database: in-memory PGlite, or a fresh schema on the Postgres server at DATABASE_URL. */
export async function openTestDb(kind: 'pglite' | 'postgres' = 'pglite'): Promise<Db & { schema: string }> {
  const schema = uniqueRunName();
  const db = await openDb({
    databaseUrl: kind === 'postgres' ? process.env.DATABASE_URL : undefined,
    pgliteDir: 'memory://',
    schema,
  });
  await migrate(db);
  return {
    ...db,
    schema,
    close: async () => {
      if (db.kind === 'postgres') await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}
