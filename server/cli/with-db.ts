import path from 'node:path';
import type { Config } from '../../tools/core/config.ts';
import type { Db } from '../../tools/storage/db.ts';
import { migrate } from '../../tools/storage/migrate.ts';
import { openDb } from '../../tools/storage/open-db.ts';

/** Opens the configured database, brings its schema up to date, runs `work` on it and closes it, come what may. */
export async function withDb<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: path.join(config.DATA_DIR, 'pg'),
    schema: config.DATABASE_SCHEMA,
  });
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}
