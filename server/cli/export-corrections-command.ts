import path from 'node:path';
import { exportCorrections } from '../../evals/export-corrections.ts';
import type { Config } from '../../tools/core/config.ts';
import { createBlobStore } from '../../tools/storage/blob-store.ts';
import { withDb } from './with-db.ts';

/**
 * `paperwork eval export-corrections`: documents people corrected and approved, as a dataset folder that
 * `paperwork eval` reads. It reads the database and blob store directly, like `audit verify`; with embedded
 * PGlite, run it while the server is stopped.
 */
export async function exportCorrectionsCommand(options: { out: string; since?: string }, config: Config) {
  const since = options.since === undefined ? undefined : new Date(options.since);
  if (since && Number.isNaN(since.getTime())) {
    throw new Error(`--since: "${options.since}" is not a date; use e.g. 2025-06-01.`);
  }
  const result = await withDb(config, (db) =>
    exportCorrections(
      { db, blobs: createBlobStore(path.join(config.DATA_DIR, 'blobs')) },
      { outDir: path.resolve(options.out), ...(since && { since }) },
    ),
  );
  process.stdout.write(`${result.documents} corrected documents exported; manifest ${result.manifest}\n`);
}
