import type { Queryable } from './db.ts';

/**
 * Takes a transaction-scoped lock that every process working in this schema contends for, and no other
 * schema does: two deployments (or two test runs) sharing one database never wait on each other's locks.
 */
export async function lockSchemaFor(tx: Queryable, key: number): Promise<void> {
  // coalesce: a NULL key would make the lock function return NULL without locking anything.
  await tx.query("SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))", [key]);
}
