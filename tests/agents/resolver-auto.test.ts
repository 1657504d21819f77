import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceTotals } from '../../evals/synth/make-invoice-pdf.ts';
import { stageJobId } from '../../workflows/pipeline-queues.ts';
import { runResolveStage } from '../../workflows/stages/resolve-stage.ts';
import { unbalancedInvoice } from '../support/invoice-fixtures.ts';
import { submitUnbalancedInvoice } from '../support/submit-for-review.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import {
  agentTurn,
  apiError,
  type FakeHandler,
  type FakeMessagesApi,
  type SentRequest,
  startFakeMessagesApi,
  turnOf,
} from '../tools/claude/fake-messages-api.ts';

type Suggestion = { id: string; field: string; value: unknown; status: string };
type View = {
  status: string;
  review?: {
    taskId: string;
    status: string;
    corrections?: Array<{ field: string; after: unknown; actor: string }>;
  };
  suggestions?: Suggestion[];
};
type AuditEntry = { action: string; actor: string; details: Record<string, unknown> };

/** Every test invoice has the same lines, so the same right total: the one the resolver proposes. */
const RIGHT_TOTAL = invoiceTotals(unbalancedInvoice('X')).total;

/** The resolver's run as a model would make it: it reads the task, then proposes two corrections. */
const proposeTwo: FakeHandler = (request: SentRequest) => {
  const turn = turnOf(request);
  const task = /Review task ([0-9a-f-]{36})/.exec(JSON.stringify(request.body.messages[0]))?.[1] ?? '';
  if (turn === 0)
    return agentTurn(request, [{ type: 'tool_use', name: 'get_review_task', input: { id: task } }]);
  if (turn === 1) {
    return agentTurn(request, [
      {
        type: 'tool_use',
        name: 'propose_correction',
        input: {
          field: 'total_amount',
          value: RIGHT_TOTAL,
          rationale: 'lines 80.00 + tax 8.00; the printed total is 10.00 more',
        },
      },
      {
        type: 'tool_use',
        name: 'propose_correction',
        input: { field: 'invoice_number', value: 'GUESS-1', rationale: 'a guess' },
      },
    ]);
  }
  return agentTurn(request, [{ type: 'text', text: 'Two corrections proposed.' }]);
};

describe('the exception resolver in the pipeline', () => {
  let api: FakeMessagesApi;
  let server: TestServer;
  let reviewer: string;
  let approver: string;

  beforeAll(async () => {
    api = await startFakeMessagesApi(proposeTwo);
    server = await startTestServer({
      ANTHROPIC_API_KEY: 'sk-ant-test-not-a-key',
      ANTHROPIC_BASE_URL: api.url,
      // Extraction stays offline; RESOLVER_AUTO is left unset: with a key it is on.
      PAPERWORK_ENGINE: 'rules',
      // Every test invoice (88.00) needs two people.
      FOUR_EYES_LIMIT: '50',
    });
    [reviewer, approver] = await Promise.all([server.tokenFor('reviewer'), server.tokenFor('approver')]);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await api?.close();
  }, 60_000);

  const view = async (id: string) => (await (await server.api('GET', `/api/documents/${id}`)).json()) as View;
  const audit = async (id: string) =>
    ((await (await server.api('GET', `/api/audit?documentId=${id}`)).json()) as { entries: AuditEntry[] })
      .entries;
  const resolveJobState = async (id: string) =>
    (await server.runtime.queues.queues.resolve.getJob(stageJobId('resolve', id)))?.getState();

  const submit = (invoiceNumber: string) => submitUnbalancedInvoice(server, invoiceNumber);

  /** Waits on the document's own state: its resolver job done, with the suggestions it stored. */
  async function suggestionsOf(id: string): Promise<Suggestion[]> {
    for (;;) {
      if ((await resolveJobState(id)) === 'completed') return (await view(id)).suggestions ?? [];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const decide = (suggestion: Suggestion, decision: 'accept' | 'dismiss') =>
    server.api('POST', `/api/suggestions/${suggestion.id}/${decision}`, { token: reviewer });

  it('proposes corrections by itself once a document is in review; approving merges the accepted one and never the dismissed one', async () => {
    const { id, taskId } = await submit('AUTO-1');
    const suggestions = await suggestionsOf(id);
    expect(suggestions.map((s) => [s.field, s.value, s.status])).toEqual([
      ['total_amount', RIGHT_TOTAL, 'pending'],
      ['invoice_number', 'GUESS-1', 'pending'],
    ]);
    const [total, number] = suggestions;
    expect((await decide(total!, 'accept')).status).toBe(200);
    expect((await decide(number!, 'dismiss')).status).toBe(200);

    // The reviewer approves without typing anything: the accepted total goes in as their correction.
    const first = await server.api('POST', `/api/review/${taskId}/approve`, { token: reviewer, body: {} });
    expect(first.status).toBe(200);
    const afterFirst = await view(id);
    expect(afterFirst.status).toBe('needs_review');
    expect(afterFirst.review?.status).toBe('awaiting_second');
    const reviewerName = afterFirst.review?.corrections?.[0]?.actor;
    expect(afterFirst.review?.corrections).toEqual([
      expect.objectContaining({ field: 'total_amount', after: RIGHT_TOTAL }),
    ]);

    const second = await server.api('POST', `/api/review/${taskId}/approve`, { token: approver, body: {} });
    expect(second.status).toBe(200);
    const done = await view(id);
    expect(['approved', 'exported']).toContain(done.status);
    expect(done.review?.corrections?.map((c) => [c.field, c.after, c.actor])).toEqual([
      ['total_amount', RIGHT_TOTAL, reviewerName],
    ]);
    const corrected = (await audit(id)).filter((e) => e.action === 'review.corrected');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toMatchObject({
      actor: reviewerName,
      details: { field: 'total_amount', suggestionId: total!.id, acceptedBy: reviewerName },
    });
  });

  it("lets the approver's own value win over an accepted suggestion for the same field", async () => {
    const { id, taskId } = await submit('AUTO-2');
    const [total] = await suggestionsOf(id);
    expect((await decide(total!, 'accept')).status).toBe(200);
    const own = (Number(RIGHT_TOTAL) + 1).toFixed(2);
    const first = await server.api('POST', `/api/review/${taskId}/approve`, {
      token: reviewer,
      body: { corrections: { total_amount: own } },
    });
    expect(first.status).toBe(200);
    expect((await view(id)).review?.corrections?.map((c) => [c.field, c.after])).toEqual([
      ['total_amount', own],
    ]);
    const corrected = (await audit(id)).find((e) => e.action === 'review.corrected');
    expect(corrected?.details.suggestionId).toBeUndefined();
  });

  it('runs once per review task: a second run of the stage finds the first and asks nothing', async () => {
    const { id } = await submit('AUTO-3');
    await suggestionsOf(id);
    const sent = api.requests.length;
    await server.runtime.ctx.pipeline.enqueue('resolve', id);
    await runResolveStage(id, server.runtime.ctx);
    expect(api.requests.length).toBe(sent);
    expect((await view(id)).suggestions).toHaveLength(2);
  });

  it('leaves the document in review, usable, when the resolver fails', async () => {
    api.setHandler(() => ({ status: 400, json: apiError('invalid_request_error', 'prompt is too long') }));
    try {
      const { id, taskId } = await submit('AUTO-4');
      for (;;) {
        if ((await resolveJobState(id)) === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const shown = await view(id);
      expect(shown.status).toBe('needs_review');
      expect(shown.suggestions).toBeUndefined();
      const rejected = await server.api('POST', `/api/review/${taskId}/reject`, {
        token: reviewer,
        body: { reason: 'test document' },
      });
      expect(rejected.status).toBe(200);
      expect((await view(id)).status).toBe('rejected');
    } finally {
      api.setHandler(proposeTwo);
    }
  });
});
