import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../evals/synth/make-invoice-pdf.ts';
import { openRuntime, type Runtime } from '../../server/runtime/open-runtime.ts';
import { invokeTool } from '../../tools/core/tool.ts';
import { isSettled } from '../../tools/documents/document-status.ts';
import { submitDocument } from '../../tools/ops/submit-document.ts';
import { findDocument } from '../../tools/storage/documents-table.ts';
import { findLatestExtraction } from '../../tools/storage/extractions-table.ts';
import { dailyLlmUsage } from '../../tools/storage/llm-usage-table.ts';
import { stageJobId } from '../../workflows/pipeline-queues.ts';
import { type RunningWorkers, startWorkers } from '../../workflows/start-workers.ts';
import { makeTestConfig, removeTestData } from '../support/test-server.ts';
import {
  apiError,
  type FakeMessagesApi,
  type FakeReply,
  type SentRequest,
  startFakeMessagesApi,
  toolAnswer,
} from '../tools/claude/fake-messages-api.ts';

// Starting PGlite (Postgres in WebAssembly) alone takes tens of seconds on a busy machine.
const OPEN_TIMEOUT_MS = 180_000;
const answer = (request: SentRequest): FakeReply =>
  toolAnswer(request, { total_amount: { value: '1907.95', quote: '$1,907.95', confidence: 0.95 } });

describe('the extract queue under the Messages API limits', () => {
  let runtime: Runtime;
  let api: FakeMessagesApi;
  let running: RunningWorkers | undefined;

  beforeAll(async () => {
    api = await startFakeMessagesApi(answer);
    runtime = await openRuntime(
      await makeTestConfig({
        ANTHROPIC_API_KEY: 'sk-ant-test-not-a-key',
        ANTHROPIC_BASE_URL: api.url,
        PAPERWORK_ENGINE: 'claude',
        // Only extraction talks to the stand-in API here; the resolver would add requests of its own.
        RESOLVER_AUTO: 'false',
      }),
    );
  }, OPEN_TIMEOUT_MS);
  afterEach(async () => {
    await running?.close();
    running = undefined;
    api.setHandler(answer);
    // A test that failed while the queue was held must not hold up the next one.
    await runtime.queues.queues.extract.removeRateLimitKey();
  });
  afterAll(async () => {
    await api?.close();
    await runtime?.close();
    if (runtime) await removeTestData(runtime.config);
  });

  const start = () => {
    running = startWorkers({
      redisUrl: runtime.redis.url,
      prefix: runtime.config.QUEUE_PREFIX,
      ctx: runtime.ctx,
      concurrency: { parse: 1, extract: 1, export: 1 },
    });
  };

  async function submit(invoiceNumber: string) {
    const content = await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber });
    const { id } = await invokeTool(
      submitDocument,
      { filename: `${invoiceNumber}.pdf`, content },
      runtime.ctx,
    );
    return id;
  }

  async function waitFor<T>(probe: () => Promise<T | undefined | false>): Promise<T> {
    for (;;) {
      const value = await probe();
      if (value) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const settled = (id: string) =>
    waitFor(async () => {
      const document = await findDocument(runtime.ctx.db, id);
      return document && isSettled(document.status) && document;
    });
  const extractJob = (id: string) => runtime.queues.queues.extract.getJob(stageJobId('extract', id));
  /** The job once BullMQ has finished with it (the document settles a moment before the job does). */
  const finishedJob = (id: string, state: 'completed' | 'failed') =>
    waitFor(async () => {
      const job = await extractJob(id);
      return job && (await job.getState()) === state && job;
    });

  it('extracts through Claude, and records the extraction with its engine version and usage', async () => {
    start();
    const id = await submit('INV-CLAUDE-1');
    const document = await settled(id);
    expect(['auto_approved', 'needs_review']).toContain(document.status);
    const extraction = await findLatestExtraction(runtime.ctx.db, id);
    expect(extraction?.engine.name).toBe('claude');
    expect(extraction?.engine.version).toMatch(/^prompt-/);
    expect(extraction?.fields.total_amount?.source?.text).toBe('$1,907.95');
    expect(extraction?.timings.llmInputTokens).toBe(100);
    const totals = await dailyLlmUsage(runtime.ctx.db, { days: 1 });
    expect(totals[0]?.documents).toBeGreaterThanOrEqual(1);
  });

  it('pauses the queue for the time a 429 asks, and finishes the document afterwards', async () => {
    let rateLimited = false;
    api.setHandler((request) => {
      if (rateLimited) return answer(request);
      rateLimited = true;
      return {
        status: 429,
        headers: { 'retry-after': '600' },
        json: apiError('rate_limit_error', 'rate limited'),
      };
    });
    start();
    const id = await submit('INV-CLAUDE-429');
    const queue = runtime.queues.queues.extract;
    // The job is back in the queue, not failed or delayed, and the queue holds off for about the 10 minutes asked.
    // Waiting is also the job's state before any worker took it: only after the 429 went out does it count.
    await waitFor(async () => rateLimited && (await extractJob(id))?.getState().then((s) => s === 'waiting'));
    const ttl = await queue.getRateLimitTtl();
    expect(ttl).toBeGreaterThan(500_000);
    expect((await findDocument(runtime.ctx.db, id))?.status).toBe('extracting');

    // Time passes (the limit is lifted by hand, not waited for); a fresh worker finishes the job.
    await running?.close();
    await queue.removeRateLimitKey();
    start();
    const document = await settled(id);
    expect(['auto_approved', 'needs_review']).toContain(document.status);
    expect((await finishedJob(id, 'completed')).attemptsMade).toBe(1); // the 429 did not use up an attempt
  });

  it('retries a 500 with the queue backoff', async () => {
    let failures = 0;
    api.setHandler((request) => {
      if (failures++ > 0) return answer(request);
      return { status: 500, json: apiError('api_error', 'Internal server error') };
    });
    start();
    const id = await submit('INV-CLAUDE-500');
    const document = await settled(id);
    expect(['auto_approved', 'needs_review']).toContain(document.status);
    expect((await finishedJob(id, 'completed')).attemptsMade).toBe(2);
  });

  it('fails the document without retrying on a 400', async () => {
    const before = api.requests.length;
    api.setHandler(() => ({ status: 400, json: apiError('invalid_request_error', 'prompt is too long') }));
    start();
    const id = await submit('INV-CLAUDE-400');
    const document = await settled(id);
    expect(document.status).toBe('failed');
    expect(document.errorCode).toBe('BAD_REQUEST');
    expect(api.requests.length - before).toBe(1);
    expect((await finishedJob(id, 'failed')).attemptsMade).toBe(1);
  });
});
