import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../tools/core/config.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { type Actor, isRole, ROLES } from '../../tools/core/roles.ts';
import { invokeTool } from '../../tools/core/tool.ts';
import { importVendors } from '../../tools/ops/vendor-master.ts';
import { createApiToken } from '../../tools/storage/api-tokens.ts';
import { verifyAudit } from '../../tools/storage/audit-log.ts';
import { migrate } from '../../tools/storage/migrate.ts';
import { openDb } from '../../tools/storage/open-db.ts';
import { withDb } from './with-db.ts';

/** Someone at the machine with access to its data folder: trusted as admin, named in the audit log. */
const LOCAL_ACTOR: Actor = { kind: 'local', name: `local:${os.userInfo().username}`, role: 'admin' };

export async function migrateCommand(config: Config) {
  const db = await openDb({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: path.join(config.DATA_DIR, 'pg'),
    schema: config.DATABASE_SCHEMA,
  });
  try {
    const applied = await migrate(db);
    process.stdout.write(
      applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date.\n',
    );
  } finally {
    await db.close();
  }
}

export async function tokenCreateCommand(options: { name: string; role: string }, config: Config) {
  if (!isRole(options.role))
    throw new Error(`Unknown role "${options.role}"; use one of ${ROLES.join(', ')}.`);
  const role = options.role;
  const created = await withDb(config, (db) =>
    createApiToken(db, { name: options.name, role, createdBy: LOCAL_ACTOR }),
  );
  process.stderr.write(`Created token "${created.name}" with role ${created.role}. It is shown once:\n`);
  process.stdout.write(`${created.token}\n`);
}

export async function auditVerifyCommand(config: Config) {
  const result = await withDb(config, (db) => verifyAudit(db));
  if (result.ok) {
    process.stdout.write(`Audit log intact: ${result.entries} entries.\n`);
  } else {
    process.stdout.write(
      `Audit log BROKEN at entry ${result.brokenAt} (${result.reason}); ${result.entries} entries.\n`,
    );
    process.exitCode = 1;
  }
}

/**
 * Imports the vendor master from a CSV file straight into the database, as the local admin. With embedded
 * PGlite, run it while the server is stopped, or POST the file to /api/vendors/import while it runs.
 */
export async function vendorsImportCommand(file: string, config: Config) {
  const csv = await readFile(file, 'utf8');
  const result = await withDb(config, (db) =>
    // import_vendors touches only the database; no queue, blob store or OCR is opened for it.
    invokeTool(importVendors, { csv }, { config, db, actor: LOCAL_ACTOR } as unknown as ToolContext),
  );
  process.stdout.write(`Vendors: ${result.inserted} added, ${result.updated} updated.\n`);
}
