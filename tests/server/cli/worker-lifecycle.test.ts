import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import { renderPdfPageToPng } from '../../../evals/synth/rasterize-pdf.ts';
import { openRuntime } from '../../../server/runtime/open-runtime.ts';
import type { Config } from '../../../tools/core/config.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import { isSettled } from '../../../tools/documents/document-status.ts';
import { submitDocument } from '../../../tools/ops/submit-document.ts';
import type { Db } from '../../../tools/storage/db.ts';
import { findDocument } from '../../../tools/storage/documents-table.ts';
import { countExtractions } from '../../../tools/storage/extractions-table.ts';
import { migrate } from '../../../tools/storage/migrate.ts';
import { openDb } from '../../../tools/storage/open-db.ts';
import { listPages } from '../../../tools/storage/pages-table.ts';
import { makeTestConfig, removeTestData, uploadForm } from '../../support/test-server.ts';
import { cliEnvOf, startCli } from './run-cli.ts';

async function openDbOf(config: Config): Promise<Db> {
  const db = await openDb({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: path.join(config.DATA_DIR, 'pg'),
    schema: config.DATABASE_SCHEMA,
  });
  await migrate(db);
  return db;
}

/** Waits on the document's state, not on a clock. */
async function waitFor(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function scannedInvoice(invoiceNumber: string) {
  return renderPdfPageToPng(await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber }));
}

describe('stopping a server mid-job', () => {
  let config: Config;
  beforeAll(async () => {
    config = await makeTestConfig();
  });
  afterAll(() => removeTestData(config));

  it('finishes the job in flight on SIGTERM, exits 0, and the next start completes the document', async () => {
    const env = cliEnvOf(config);
    const first = await startCli(['serve'], env, /serving at (http:\/\/\S+)/);
    const url = first.match[1]!;
    const token = (await readFile(path.join(config.DATA_DIR, 'admin.token'), 'utf8')).trim();
    const headers = { authorization: `Bearer ${token}` };
    const answer = (await (
      await fetch(`${url}/api/documents`, {
        method: 'POST',
        headers,
        body: uploadForm([{ name: 'scan.png', content: await scannedInvoice('INV-SIGTERM-1') }]),
      })
    ).json()) as { documents: Array<{ id: string }> };
    const id = answer.documents[0]!.id;
    await waitFor(async () => {
      const view = (await (await fetch(`${url}/api/documents/${id}`, { headers })).json()) as {
        status: string;
      };
      return view.status !== 'received';
    });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startCli(['serve'], env, /serving at (http:\/\/\S+)/);
    await waitFor(async () => {
      const view = (await (await fetch(`${second.match[1]}/api/documents/${id}`, { headers })).json()) as {
        status: 'received';
      };
      return isSettled(view.status);
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const db = await openDbOf(config);
    try {
      expect((await findDocument(db, id))?.status).not.toBe('failed');
      expect(await countExtractions(db, id)).toBe(1);
      expect(await listPages(db, id)).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});

// Separate worker processes share a Postgres server; without one there is nothing to share.
describe.runIf(process.env.DATABASE_URL)('killing a worker process mid-job', () => {
  let config: Config;
  beforeAll(async () => {
    config = await makeTestConfig({ JOB_LOCK_MS: '2000' });
  });
  afterAll(() => removeTestData(config));

  it('loses no document and extracts it once when the worker is SIGKILLed', async () => {
    const env = cliEnvOf(config);
    const runtime = await openRuntime(config);
    try {
      const dying = await startCli(['worker'], env, /workers are running/);
      const { id } = await invokeTool(
        submitDocument,
        { filename: 'scan.png', content: await scannedInvoice('INV-SIGKILL-1') },
        runtime.ctx,
      );
      await waitFor(async () => (await findDocument(runtime.ctx.db, id))?.status === 'parsing');
      dying.child.kill('SIGKILL');
      await dying.exited;

      const survivor = await startCli(['worker'], env, /workers are running/);
      await waitFor(async () => isSettled((await findDocument(runtime.ctx.db, id))!.status));
      survivor.child.kill('SIGTERM');
      expect(await survivor.exited).toBe(0);
      expect((await findDocument(runtime.ctx.db, id))?.status).not.toBe('failed');
      expect(await countExtractions(runtime.ctx.db, id)).toBe(1);
      expect(await listPages(runtime.ctx.db, id)).toHaveLength(1);
    } finally {
      await runtime.close();
    }
  });
});
