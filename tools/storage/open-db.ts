import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from 'pg';
import type { Db, Queryable, Row } from './db.ts';

export type DbOptions = {
  /** A Postgres server; when absent, embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; `memory://` keeps it in memory (tests). */
  pgliteDir: string;
  schema: string;
};

/** Opens the configured database with every query running in `schema`. Called by entry points only. */
export async function openDb(options: DbOptions): Promise<Db> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.schema)
    : openPglite(options.pgliteDir, options.schema);
}

async function openPglite(dir: string, schema: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dir.startsWith('memory://')) await mkdir(path.dirname(path.resolve(dir)), { recursive: true });
  const pg = await PGlite.create(dir);
  // PGlite is one connection, so a session-level search_path holds for every query.
  await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  const asQueryable = (q: { query: typeof pg.query; exec: typeof pg.exec }): Queryable => ({
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
      const result = await q.query<T>(sql, [...params]);
      return { rows: result.rows };
    },
    exec: async (sql) => {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(pg),
    // PGlite runs one transaction at a time itself; concurrent callers wait their turn.
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => work(asQueryable(tx))),
    close: () => pg.close(),
  };
}

async function openPostgres(url: string, schema: string): Promise<Db> {
  const { default: pg } = await import('pg');
  // Dates stay ISO strings and bigints stay exact; the code never wants JS Date or float conversions.
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === 1082 || oid === 1114 || oid === 1184
        ? (v: string) => v
        : pg.types.getTypeParser(oid, format as 'text'),
  };
  const bootstrap = new pg.Client({ connectionString: url });
  await bootstrap.connect();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Concurrent starts race on CREATE SCHEMA; the loser sees a unique violation and the schema exists.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await bootstrap.end();
  }
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, types, max: 10 });
  const asQueryable = (client: { query: Pool['query'] }): Queryable => ({
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
      const result = await client.query(sql, [...params]);
      return { rows: result.rows as T[] };
    },
    exec: async (sql) => {
      await client.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
