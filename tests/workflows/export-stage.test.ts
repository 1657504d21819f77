import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../server/http/authenticate.ts';
import { errorHandler } from '../../server/http/http-error.ts';
import { exportRoutes } from '../../server/http/routes/export-routes.ts';
import { openRuntime, type Runtime } from '../../server/runtime/open-runtime.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { idempotencyKeyFor, loadApprovedRecord } from '../../tools/export/approved-record.ts';
import { folderExportPaths } from '../../tools/export/folder-target.ts';
import { verifyWebhookSignature } from '../../tools/export/webhook-signature.ts';
import { createApiToken } from '../../tools/storage/api-tokens.ts';
import { listAudit } from '../../tools/storage/audit-log.ts';
import { type Delivery, listDeliveries } from '../../tools/storage/deliveries-table.ts';
import { findDocument } from '../../tools/storage/documents-table.ts';
import { createPipelineQueues, type PipelineQueues, stageJobId } from '../../workflows/pipeline-queues.ts';
import { resumeUnsettledDocuments } from '../../workflows/resume-unsettled.ts';
import { runExportStage } from '../../workflows/stages/export-stage.ts';
import { startWorkers } from '../../workflows/start-workers.ts';
import { DATABASE_KINDS, uniqueRunName } from '../support/test-db.ts';
import { makeTestConfig, removeTestData } from '../support/test-server.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';
import { insertApprovedDocument } from '../tools/export/insert-approved-document.ts';

const SECRET = 'whsec_test_0123456789abcdef';
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

// Starting PGlite (Postgres in WebAssembly) alone takes tens of seconds on a busy machine.
const OPEN_TIMEOUT_MS = 180_000;

describe.each(DATABASE_KINDS)('the export stage (%s)', (kind) => {
  let runtime: Runtime;
  const cleanups: Array<() => Promise<void>> = [];

  // One database and queue prefix for the file; each test starts its own workers and uses its own documents.
  beforeAll(async () => {
    runtime = await openRuntime(await makeTestConfig(kind === 'pglite' ? { DATABASE_URL: '' } : {}));
  }, OPEN_TIMEOUT_MS);
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await runtime?.close();
    if (runtime) await removeTestData(runtime.config);
  });

  /** Export workers with the given webhook, and a pipeline whose retries wait milliseconds, not seconds. */
  function startExport(webhook?: { url: string; allowedHosts: string[] }) {
    const connection = { redisUrl: runtime.redis.url, prefix: runtime.config.QUEUE_PREFIX };
    const pipeline = createPipelineQueues(connection, { backoff: { type: 'fixed', delay: 20 } });
    const ctx: ToolContext = {
      ...runtime.ctx,
      pipeline,
      config: {
        ...runtime.config,
        WEBHOOK_URL: webhook?.url,
        WEBHOOK_SECRET: webhook && SECRET,
        WEBHOOK_ALLOWED_HOSTS: webhook?.allowedHosts ?? [],
      },
    };
    const workers = startWorkers({ ...connection, ctx, concurrency: { export: 1 } });
    cleanups.push(
      () => pipeline.close(),
      () => workers.close(),
    );
    return { ctx, pipeline };
  }

  async function startReceiver(...args: Parameters<typeof startWebhookReceiver>): Promise<Receiver> {
    const receiver = await startWebhookReceiver(...args);
    cleanups.push(() => receiver.close());
    return receiver;
  }

  /** Waits on state, not on a clock: the test timeout is the only bound. */
  async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
    for (;;) {
      const value = await read();
      if (isDone(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  const waitForStatus = (id: string, status: string) =>
    waitFor(
      () => findDocument(runtime.ctx.db, id),
      (document) => document?.status === status,
    );

  const deliveryOf = async (id: string, target: string): Promise<Delivery | undefined> =>
    (await listDeliveries(runtime.ctx.db, id)).find((d) => d.target === target);

  async function waitForFailedJob(pipeline: PipelineQueues, id: string) {
    await waitFor(
      async () => (await pipeline.queues.export.getJob(stageJobId('export', id)))?.isFailed(),
      (isFailed) => isFailed === true,
    );
  }

  const auditActions = async (id: string) =>
    (await listAudit(runtime.ctx.db, { documentId: id })).map((entry) => entry.action);

  it('exports an auto-approved document to the folder once, however often the stage runs', async () => {
    const { ctx, pipeline } = startExport();
    const id = await insertApprovedDocument(runtime.ctx.db);
    await pipeline.enqueue('export', id);
    await waitForStatus(id, 'exported');

    const paths = folderExportPaths(runtime.config.EXPORT_DIR, { documentId: id, docType: 'invoice' });
    const files = await Promise.all([paths.json, paths.csv, paths.lines].map((file) => readFile(file)));
    expect(JSON.parse(files[0]!.toString())).toEqual(await loadApprovedRecord(runtime.ctx.db, id));
    const exported = (await listAudit(runtime.ctx.db, { documentId: id })).find(
      (e) => e.action === 'document.exported',
    );
    expect(exported?.details).toMatchObject({ targets: ['folder'] });
    const auditBefore = await auditActions(id);

    await runExportStage(id, ctx);
    await pipeline.enqueue('export', id);
    await runExportStage(id, ctx);
    expect(await listDeliveries(runtime.ctx.db, id)).toEqual([
      { target: 'folder', status: 'delivered', attempts: 1, deliveredAt: expect.any(String) },
    ]);
    expect(await Promise.all([paths.json, paths.csv, paths.lines].map((file) => readFile(file)))).toEqual(
      files,
    );
    expect(await auditActions(id)).toEqual(auditBefore);
  });

  it('posts a human-approved record to the webhook, signed and with its idempotency key', async () => {
    const receiver = await startReceiver((request) => {
      const isSigned = verifyWebhookSignature(
        SECRET,
        request.body,
        String(request.headers['x-paperwork-signature']),
      );
      return isSigned ? { status: 202 } : { status: 401, body: 'bad signature' };
    });
    const { pipeline } = startExport({ url: receiver.url, allowedHosts: [receiver.host] });
    const id = await insertApprovedDocument(runtime.ctx.db, {
      status: 'approved',
      approvers: ['clerk-bo', 'controller-cy'],
      corrections: [{ field: 'total_amount', before: '1234.50', after: '1243.50', actor: 'clerk-bo' }],
    });
    await pipeline.enqueue('export', id);
    await waitForStatus(id, 'exported');

    const record = await loadApprovedRecord(runtime.ctx.db, id);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(JSON.parse(request!.body)).toEqual(record);
    expect(record.fields.total_amount).toBe('1243.50');
    expect(request!.headers['idempotency-key']).toBe(idempotencyKeyFor(record));
    expect((await listDeliveries(runtime.ctx.db, id)).map((d) => [d.target, d.status, d.attempts])).toEqual([
      ['folder', 'delivered', 1],
      ['webhook', 'delivered', 1],
    ]);
    const exported = (await listAudit(runtime.ctx.db, { documentId: id })).find(
      (e) => e.action === 'document.exported',
    );
    expect(exported?.details).toMatchObject({ targets: ['folder', 'webhook'] });
  });

  it('retries a webhook that answers 500 and delivers it, with the same key, once it answers 200', async () => {
    const receiver = await startReceiver(() =>
      receiver.received.length === 1 ? { status: 500, body: 'database is down' } : { status: 200 },
    );
    const { pipeline } = startExport({ url: receiver.url, allowedHosts: [receiver.host] });
    const id = await insertApprovedDocument(runtime.ctx.db);
    await pipeline.enqueue('export', id);
    await waitForStatus(id, 'exported');

    expect(receiver.received).toHaveLength(2);
    const keys = receiver.received.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);
    expect(await deliveryOf(id, 'webhook')).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await deliveryOf(id, 'webhook')).not.toHaveProperty('lastError');
    expect(await deliveryOf(id, 'folder')).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('keeps a document approved when the webhook refuses it, and delivers it after retry_export', async () => {
    let isFixed = false;
    const receiver = await startReceiver(() =>
      isFixed ? { status: 200 } : { status: 400, body: 'unknown vendor account' },
    );
    const { ctx, pipeline } = startExport({ url: receiver.url, allowedHosts: [receiver.host] });
    const id = await insertApprovedDocument(runtime.ctx.db, { status: 'approved' });
    await pipeline.enqueue('export', id);
    await waitForFailedJob(pipeline, id);

    expect(receiver.received).toHaveLength(1);
    expect((await findDocument(runtime.ctx.db, id))?.status).toBe('approved');
    expect(await deliveryOf(id, 'webhook')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('answered 400: unknown vendor account'),
    });
    expect(await deliveryOf(id, 'folder')).toMatchObject({ status: 'delivered' });
    expect(await auditActions(id)).toContain('export.failed');
    expect(await auditActions(id)).not.toContain('document.failed');

    // A restart is not a retry: the failed export waits for a person.
    await resumeUnsettledDocuments(ctx);
    expect(await (await pipeline.queues.export.getJob(stageJobId('export', id)))?.isFailed()).toBe(true);

    const api = await startApi(ctx);
    const reviewer = await api.post(id, 'reviewer');
    expect(reviewer.status).toBe(403);
    isFixed = true;
    const answer = await api.post(id, 'approver');
    expect(answer.status).toBe(202);
    expect(await answer.json()).toMatchObject({ id, status: 'approved', retried: ['webhook'] });
    await waitForStatus(id, 'exported');

    expect(receiver.received).toHaveLength(2);
    expect(await deliveryOf(id, 'webhook')).toMatchObject({ status: 'delivered', attempts: 2 });
    const retry = (await listAudit(runtime.ctx.db, { documentId: id })).find(
      (e) => e.action === 'export.retry',
    );
    expect(retry).toMatchObject({ actor: api.approverName, details: { targets: ['webhook'] } });
  });

  it('never contacts a webhook host that is not on the allowed list', async () => {
    const receiver = await startReceiver();
    const { pipeline } = startExport({ url: receiver.url, allowedHosts: ['hooks.partner.example'] });
    const id = await insertApprovedDocument(runtime.ctx.db);
    await pipeline.enqueue('export', id);
    await waitForFailedJob(pipeline, id);

    expect(receiver.received).toHaveLength(0);
    expect((await findDocument(runtime.ctx.db, id))?.status).toBe('auto_approved');
    expect(await deliveryOf(id, 'webhook')).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('not in WEBHOOK_ALLOWED_HOSTS'),
    });
  });

  it('resumes the export of an approved document whose enqueue was lost', async () => {
    const { ctx } = startExport();
    const id = await insertApprovedDocument(runtime.ctx.db, { status: 'approved' });
    await resumeUnsettledDocuments(ctx);
    await waitForStatus(id, 'exported');
  });

  /** The export route on its own app, with the real authentication and error mapping. */
  async function startApi(ctx: ToolContext) {
    const app = express();
    app.use('/api', authenticate(ctx.db));
    app.use(exportRoutes(ctx));
    app.use(errorHandler(ctx.logger));
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const approverName = uniqueRunName('approver');
    const tokens = {
      approver: (await createApiToken(ctx.db, { name: approverName, role: 'approver', createdBy: ctx.actor }))
        .token,
      reviewer: (
        await createApiToken(ctx.db, {
          name: uniqueRunName('reviewer'),
          role: 'reviewer',
          createdBy: ctx.actor,
        })
      ).token,
    };
    return {
      approverName,
      post: (id: string, role: keyof typeof tokens) =>
        fetch(`${url}/api/documents/${id}/export`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[role]}` },
        }),
    };
  }
});
