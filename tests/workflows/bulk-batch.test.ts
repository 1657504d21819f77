import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../evals/synth/make-invoice-pdf.ts';
import { ingestCommand } from '../../server/cli/ingest-command.ts';
import { BATCH_DISCOUNT, priceOf } from '../../tools/claude/llm-usage.ts';
import type { DocumentView } from '../../tools/documents/document-view.ts';
import { isBulkDocument } from '../../tools/storage/batch-requests-table.ts';
import { resumeUnsettledDocuments } from '../../workflows/resume-unsettled.ts';
import { startTestServer, type TestServer, uploadForm } from '../support/test-server.ts';
import {
  apiError,
  type FakeBatchResult,
  type FakeMessagesApi,
  fakeBatches,
  type SentRequest,
  startFakeMessagesApi,
  toolAnswer,
} from '../tools/claude/fake-messages-api.ts';

// Starting PGlite (Postgres in WebAssembly) alone takes tens of seconds on a busy machine.
const OPEN_TIMEOUT_MS = 180_000;
const USAGE = { input_tokens: 1000, output_tokens: 100 };

/** What the model answers for an invoice: the total as the PDF prints it. */
const succeeded = (entry: SentRequest): FakeBatchResult => ({
  type: 'succeeded',
  message: toolAnswer(
    entry,
    { total_amount: { value: '1907.95', quote: '$1,907.95', confidence: 0.95 } },
    { usage: USAGE },
  ).json,
});
const errored = (type: string, message: string): FakeBatchResult => ({
  type: 'errored',
  error: { type: 'error', error: { type, message } },
});

describe('bulk mode through the Message Batches API', () => {
  let api: FakeMessagesApi;
  let server: TestServer;
  /** While true, every batch stays `in_progress`: the test looks at the waiting document, then lets it end. */
  let isHeld = false;
  /** While true, the API refuses the key when a batch is created, as it does a revoked one. */
  let isKeyRefused = false;
  /** The entries' results by document id, as a list consumed one batch at a time; default: succeeded. */
  const scripted = new Map<string, Array<(entry: SentRequest) => FakeBatchResult>>();
  const batches = fakeBatches(() => api.url, {
    isEnded: (polls) => !isHeld && polls > 1,
    resultOf: (entry, customId) => (scripted.get(customId)?.shift() ?? succeeded)(entry),
  });

  beforeAll(async () => {
    api = await startFakeMessagesApi(
      (request) =>
        (isKeyRefused &&
          request.path === '/v1/messages/batches' && {
            status: 401,
            json: apiError('authentication_error', 'invalid x-api-key'),
          }) ||
        batches.handle(request) ||
        toolAnswer(request, {}, { usage: USAGE }),
    );
    server = await startTestServer({
      ANTHROPIC_API_KEY: 'sk-ant-test-not-a-key',
      ANTHROPIC_BASE_URL: api.url,
      PAPERWORK_ENGINE: 'claude',
      RESOLVER_AUTO: 'false',
      // No waiting on the clock: the batch job runs as soon as a request is collected, and polls at once.
      BATCH_COLLECT_SECONDS: '0',
      BATCH_POLL_SECONDS: '0',
    });
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await server?.stop();
    await api?.close();
  });

  const view = async (id: string) =>
    (await (await server.api('GET', `/api/documents/${id}`)).json()) as DocumentView;
  async function waitFor<T>(probe: () => Promise<T | undefined | false>): Promise<T> {
    for (;;) {
      const value = await probe();
      if (value) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  async function upload(invoiceNumber: string, fields: Record<string, string> = { bulk: 'true' }) {
    const content = await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber });
    const response = await server.api('POST', '/api/documents', {
      body: uploadForm([{ name: `${invoiceNumber}.pdf`, content }], fields),
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { documents: Array<{ id: string }> };
    return body.documents[0]!.id;
  }
  const syncCalls = () => api.requests.filter((r) => r.path === '/v1/messages').length;
  const batchesHolding = (id: string) =>
    [...batches.batches.values()].filter((b) => b.entries.some((e) => e.custom_id === id));

  it('waits for the batch, then finishes the document with the Claude fields at half the price', async () => {
    isHeld = true;
    const before = syncCalls();
    const id = await upload('INV-BULK-1');

    const waiting = await waitFor(async () => {
      const v = await view(id);
      return v.batch?.state === 'submitted' && v;
    });
    expect(waiting.status).toBe('extracting');
    expect(waiting.batch?.message).toMatch(/^Waiting for the batch, submitted at \d{4}-\d\d-\d\dT/);
    const [batch] = batchesHolding(id);
    expect(waiting.batch?.batchId).toBe(batch?.id);
    expect(batch?.entries[0]?.params).toMatchObject({ tool_choice: { name: 'record_invoice' } });
    expect(syncCalls()).toBe(before); // nothing went to the synchronous Messages API

    // A restart while the batch runs: resuming schedules the batch job, which polls the stored batch id.
    const scheduled: number[] = [];
    await resumeUnsettledDocuments({
      db: server.runtime.ctx.db,
      pipeline: {
        enqueue: async () => undefined,
        stats: server.runtime.queues.stats,
        scheduleBatch: async (delayMs) => void scheduled.push(delayMs),
      },
    });
    expect(scheduled).toEqual([0]);

    isHeld = false;
    const settled = (await server.waitForSettled(id)) as unknown as DocumentView;
    expect(['auto_approved', 'needs_review']).toContain(settled.status);
    expect(settled.batch).toBeUndefined();
    expect(settled.engine?.name).toBe('claude');
    expect(settled.fields?.total_amount?.source?.text).toBe('$1,907.95');
    expect(syncCalls()).toBe(before);

    const { rows } = await server.runtime.ctx.db.query<{ cost_usd: string; input_tokens: number }>(
      'SELECT cost_usd, input_tokens FROM llm_usage WHERE document_id = $1',
      [id],
    );
    const price = priceOf(server.runtime.config.PAPERWORK_MODEL, server.runtime.config);
    if (!price) throw new Error('the test model needs a price');
    const listCost = (USAGE.input_tokens * price.input + USAGE.output_tokens * price.output) / 1_000_000;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.input_tokens).toBe(USAGE.input_tokens);
    expect(Number(rows[0]?.cost_usd)).toBeCloseTo(listCost * BATCH_DISCOUNT, 6);
  });

  it('fails a document whose batch entry the API refused, with its error', async () => {
    isHeld = true;
    const id = await upload('INV-BULK-REFUSED');
    scripted.set(id, [() => errored('invalid_request_error', 'prompt is too long')]);
    isHeld = false;
    const settled = (await server.waitForSettled(id)) as unknown as DocumentView;
    expect(settled.status).toBe('failed');
    expect(settled.error?.code).toBe('BAD_REQUEST');
    expect(settled.error?.message).toMatch(/invalid_request_error.*prompt is too long/);
  });

  it('fails the documents of a batch the API refused for its key, saying what to set, and polls no more', async () => {
    isKeyRefused = true;
    try {
      const id = await upload('INV-BULK-BAD-KEY');
      const settled = (await server.waitForSettled(id)) as unknown as DocumentView;
      expect(settled.status).toBe('failed');
      expect(settled.error?.message).toMatch(/refused the API key \(401\).*ANTHROPIC_API_KEY/);
      expect(batchesHolding(id)).toHaveLength(0);
      const { rows } = await server.runtime.ctx.db.query(
        'SELECT 1 FROM batch_requests WHERE document_id = $1',
        [id],
      );
      expect(rows).toHaveLength(0);
    } finally {
      isKeyRefused = false;
    }
  });

  it('sends an entry that failed for a transient reason again in the next batch', async () => {
    isHeld = true;
    const id = await upload('INV-BULK-OVERLOADED');
    scripted.set(id, [() => errored('overloaded_error', 'Overloaded')]);
    isHeld = false;
    const settled = (await server.waitForSettled(id)) as unknown as DocumentView;
    expect(['auto_approved', 'needs_review']).toContain(settled.status);
    expect(batchesHolding(id)).toHaveLength(2);
  });

  it('is ignored when the document is not submitted in bulk', async () => {
    const before = syncCalls();
    const id = await upload('INV-NOT-BULK', {});
    const settled = (await server.waitForSettled(id)) as unknown as DocumentView;
    expect(['auto_approved', 'needs_review']).toContain(settled.status);
    expect(syncCalls()).toBe(before + 1);
    expect(batchesHolding(id)).toHaveLength(0);
  });

  it('takes bulk as a JSON input of submit_document, and refuses a multipart bulk that is not a boolean', async () => {
    const content = await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-BULK-JSON' });
    const response = await server.api('POST', '/api/tools/submit_document', {
      body: { filename: 'json.pdf', contentBase64: Buffer.from(content).toString('base64'), bulk: true },
    });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    expect(await isBulkDocument(server.runtime.ctx.db, id)).toBe(true);
    expect(['auto_approved', 'needs_review']).toContain((await server.waitForSettled(id)).status);
    expect(batchesHolding(id)).toHaveLength(1);

    const refused = await server.api('POST', '/api/documents', {
      body: uploadForm([{ name: 'x.pdf', content }], { bulk: 'maybe' }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^bulk:/);
  });

  it('paperwork ingest --bulk submits in bulk and shows the documents waiting for their batch', async () => {
    isHeld = true;
    const dir = path.join(server.runtime.config.DATA_DIR, 'bulk-inbox');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'bulk.pdf');
    await writeFile(file, await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-BULK-INGEST' }));
    let progress = '';
    let results = '';
    const err = {
      isTTY: false,
      write: (text: string) => {
        progress += text;
        return true;
      },
    };
    const out = {
      write: (text: string) => {
        results += text;
        return true;
      },
    };
    const ingesting = ingestCommand(
      [file],
      {
        ...server.runtime.config,
        PAPERWORK_URL: server.url,
        PAPERWORK_TOKEN: await server.tokenFor('clerk'),
      },
      { bulk: true },
      { out, err: err as unknown as NodeJS.WriteStream },
    );
    await waitFor(async () => progress.includes('1 waiting for batch'));
    isHeld = false;
    await ingesting;
    const [, status, id] = /^(\S+) +(\S+) /.exec(results) ?? [];
    expect(['auto_approved', 'needs_review']).toContain(status);
    expect(await isBulkDocument(server.runtime.ctx.db, id ?? '')).toBe(true);
    expect(progress).toMatch(/1\/1 settled/);
  });
});
