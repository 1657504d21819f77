import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../evals/synth/make-invoice-pdf.ts';
import { openRuntime, type Runtime } from '../../server/runtime/open-runtime.ts';
import { AppError } from '../../tools/core/app-error.ts';
import { invokeTool } from '../../tools/core/tool.ts';
import { isSettled } from '../../tools/documents/document-status.ts';
import { submitDocument } from '../../tools/ops/submit-document.ts';
import { listAudit } from '../../tools/storage/audit-log.ts';
import { findDocument, transitionDocument } from '../../tools/storage/documents-table.ts';
import { countExtractions } from '../../tools/storage/extractions-table.ts';
import { countReviewTasks } from '../../tools/storage/review-tasks-table.ts';
import { runExtractStage } from '../../workflows/stages/extract-stage.ts';
import { runParseStage } from '../../workflows/stages/parse-stage.ts';
import { type RunningWorkers, type StageRunner, startWorkers } from '../../workflows/start-workers.ts';
import { makeTestConfig, removeTestData } from '../support/test-server.ts';

// Starting PGlite (Postgres in WebAssembly) alone takes tens of seconds on a busy machine.
const OPEN_TIMEOUT_MS = 180_000;

describe('workers that fail or die mid-job', () => {
  let runtime: Runtime;
  const running: RunningWorkers[] = [];

  // One database and queue prefix for the file; each test starts its own workers and uses its own documents.
  beforeAll(async () => {
    runtime = await openRuntime(await makeTestConfig());
  }, OPEN_TIMEOUT_MS);
  afterEach(async () => {
    await Promise.all(running.splice(0).map((w) => w.close()));
  });
  afterAll(async () => {
    await runtime?.close();
    if (runtime) await removeTestData(runtime.config);
  });

  function start(
    runners: Partial<Record<'parse' | 'extract', StageRunner>>,
    options: { lockDuration?: number; stalledInterval?: number } = {},
  ) {
    const workers = startWorkers({
      redisUrl: runtime.redis.url,
      prefix: runtime.config.QUEUE_PREFIX,
      ctx: runtime.ctx,
      concurrency: { parse: 1, extract: 1 },
      runners,
      ...options,
    });
    running.push(workers);
    return workers;
  }

  async function submit(invoiceNumber: string) {
    const content = await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber });
    return invokeTool(submitDocument, { filename: `${invoiceNumber}.pdf`, content }, runtime.ctx);
  }

  async function waitForSettled(id: string) {
    for (;;) {
      const document = await findDocument(runtime.ctx.db, id);
      if (document && isSettled(document.status)) return document;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('retries a transient fault and extracts once', async () => {
    let calls = 0;
    start({
      parse: (id, ctx) => runParseStage(id, ctx),
      extract: async (id, ctx) => {
        calls++;
        if (calls === 1) throw new Error('connection reset by peer');
        await runExtractStage(id, ctx);
      },
    });
    const { id } = await submit('INV-RETRY-1');
    const document = await waitForSettled(id);
    expect(['auto_approved', 'needs_review']).toContain(document.status);
    expect(calls).toBe(2);
    expect(await countExtractions(runtime.ctx.db, id)).toBe(1);
  });

  it('runs a stage twice with one effect when a job is delivered again', async () => {
    start({ parse: (id, ctx) => runParseStage(id, ctx), extract: (id, ctx) => runExtractStage(id, ctx) });
    const { id } = await submit('INV-TWICE-1');
    await waitForSettled(id);
    const auditBefore = (await listAudit(runtime.ctx.db, { documentId: id })).length;
    await runParseStage(id, runtime.ctx);
    await runExtractStage(id, runtime.ctx);
    expect(await countExtractions(runtime.ctx.db, id)).toBe(1);
    expect(await countReviewTasks(runtime.ctx.db, id)).toBeLessThanOrEqual(1);
    expect((await listAudit(runtime.ctx.db, { documentId: id })).length).toBe(auditBefore);
  });

  it('fails the document at once, without retries, when the input is bad', async () => {
    let calls = 0;
    start({
      parse: async () => {
        calls++;
        throw new AppError('CORRUPT_FILE', 'The PDF content stream is damaged.');
      },
    });
    const { id } = await submit('INV-BAD-1');
    const document = await waitForSettled(id);
    expect(document.status).toBe('failed');
    expect(document.errorCode).toBe('CORRUPT_FILE');
    expect(calls).toBe(1);
  });

  it('hands a job held by a dead worker to another, with no document lost or extracted twice', async () => {
    let reachedParse!: () => void;
    const parseStarted = new Promise<void>((resolve) => {
      reachedParse = resolve;
    });
    // The first worker starts parsing and never finishes, as if its process hung or was killed.
    const dying = start(
      {
        parse: async (docId, ctx) => {
          await ctx.db.transaction((tx) =>
            transitionDocument(tx, { id: docId, from: ['received'], to: 'parsing', actor: ctx.actor }),
          );
          reachedParse();
          await new Promise<void>(() => undefined);
        },
      },
      { lockDuration: 1_000 },
    );
    const { id } = await submit('INV-CRASH-1');
    await parseStarted;
    await Promise.all(dying.workers.map((w) => w.close(true))); // force: its lock is no longer renewed
    running.splice(running.indexOf(dying), 1);
    start(
      {
        parse: (docId, ctx) => runParseStage(docId, ctx),
        extract: (docId, ctx) => runExtractStage(docId, ctx),
      },
      { lockDuration: 1_000, stalledInterval: 500 },
    );
    const document = await waitForSettled(id);
    expect(['auto_approved', 'needs_review']).toContain(document.status);
    expect(await countExtractions(runtime.ctx.db, id)).toBe(1);
  });
});
