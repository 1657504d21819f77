import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askCopilot } from '../../agents/copilot.ts';
import { suggestCorrections } from '../../agents/exception-resolver.ts';
import {
  type InvoiceFixture,
  invoiceTotals,
  makeInvoicePdf,
  SAMPLE_INVOICE,
} from '../../evals/synth/make-invoice-pdf.ts';
import { askCommand } from '../../server/cli/ask-command.ts';
import { createPaperworkMcpServer } from '../../server/mcp/create-mcp-server.ts';
import { localToolRunner } from '../../server/mcp/tool-runner.ts';
import { SERVED_TOOLS } from '../../server/runtime/served-tools.ts';
import { unbalancedInvoice } from '../support/invoice-fixtures.ts';
import { startTestServer, type TestServer, uploadForm } from '../support/test-server.ts';
import {
  agentTurn,
  type FakeMessagesApi,
  startFakeMessagesApi,
  toolResultsOf,
  turnOf,
} from '../tools/claude/fake-messages-api.ts';

type Action = {
  id: string;
  tool: string;
  status: string;
  requestedBy: string;
  decidedBy: string | null;
  result: unknown;
};
type Suggestion = { id: string; field: string; value: unknown; rationale: string; status: string };
type View = {
  status: string;
  review?: { taskId: string; status: string };
  suggestions?: Suggestion[];
};
type AuditEntry = { action: string; actor: string; details: Record<string, unknown> };

/** Northwind's invoice with a Total Due ten dollars over its lines and tax: it goes to review. */
const northwindInvoice = (invoiceNumber: string): InvoiceFixture => {
  const { vendor, vendorAddress, customer, lines, taxRate } = SAMPLE_INVOICE;
  return unbalancedInvoice(invoiceNumber, { vendor, vendorAddress, customer, lines, taxRate });
};

describe('the agents over HTTP', () => {
  let api: FakeMessagesApi;
  let server: TestServer;
  let viewer: string;
  let reviewer: string;

  beforeAll(async () => {
    api = await startFakeMessagesApi();
    server = await startTestServer({
      ANTHROPIC_API_KEY: 'sk-ant-test-not-a-key',
      ANTHROPIC_BASE_URL: api.url,
      // Extraction stays offline: only the agents talk to the stand-in API.
      PAPERWORK_ENGINE: 'rules',
      // The resolver runs here when a test asks for it; resolver-auto.test.ts covers it running by itself.
      RESOLVER_AUTO: 'false',
    });
    [viewer, reviewer] = await Promise.all([server.tokenFor('viewer'), server.tokenFor('reviewer')]);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await api?.close();
  }, 60_000);

  async function submitNorthwind(invoiceNumber: string): Promise<{ id: string; taskId: string }> {
    const form = uploadForm([
      { name: `${invoiceNumber}.pdf`, content: await makeInvoicePdf(northwindInvoice(invoiceNumber)) },
    ]);
    const response = await server.api('POST', '/api/documents', { body: form });
    expect(response.status).toBe(202);
    const id = ((await response.json()) as { documents: Array<{ id: string }> }).documents[0]!.id;
    const settled = (await server.waitForSettled(id)) as unknown as View;
    expect(settled.status).toBe('needs_review');
    return { id, taskId: settled.review!.taskId };
  }

  const view = async (id: string) => (await (await server.api('GET', `/api/documents/${id}`)).json()) as View;
  const audit = async (id: string) =>
    ((await (await server.api('GET', `/api/audit?documentId=${id}`)).json()) as { entries: AuditEntry[] })
      .entries;

  it('turns "approve the Northwind invoice" into a pending action that runs only when a person with the role approves it', async () => {
    const { id, taskId } = await submitNorthwind('NW-3001');
    api.setHandler((request) => {
      const turn = turnOf(request);
      if (turn === 0) return agentTurn(request, [{ type: 'tool_use', name: 'list_review_queue', input: {} }]);
      if (turn === 1) {
        return agentTurn(request, [
          { type: 'text', text: 'The Northwind invoice NW-3001 is in review; approving it as you asked.' },
          { type: 'tool_use', name: 'resolve_review', input: { id: taskId, decision: 'approve' } },
        ]);
      }
      return agentTurn(request, [{ type: 'text', text: 'Approval of NW-3001 is waiting for a reviewer.' }]);
    });
    const asked = await server.api('POST', '/api/agent', {
      token: viewer,
      body: { question: 'Approve the Northwind invoice.' },
    });
    expect(asked.status).toBe(200);
    const answer = (await asked.json()) as {
      answer: string;
      pendingActions: Action[];
      runId: string;
      stopReason: string;
    };
    expect(answer).toMatchObject({
      answer: 'Approval of NW-3001 is waiting for a reviewer.',
      stopReason: 'answered',
    });
    expect(answer.pendingActions).toMatchObject([
      { tool: 'resolve_review', status: 'pending', runId: answer.runId },
    ]);
    const action = answer.pendingActions[0]!;
    // The queue the model read came back to it as data; the write it asked for was not run.
    expect(toolResultsOf(api.requests.at(-2)!)[0]!.content).toContain('NW-3001');
    expect(toolResultsOf(api.requests.at(-1)!)[0]!.content).toContain('pending action');
    const stored = (await (
      await server.api('GET', `/api/agent/runs/${answer.runId}`, { token: reviewer })
    ).json()) as {
      kind: string;
      transcript: unknown[];
    };
    expect(stored).toMatchObject({ kind: 'copilot', stopReason: 'answered' });
    expect(stored.transcript).toHaveLength(6);
    expect((await server.api('GET', `/api/agent/runs/${answer.runId}`, { token: viewer })).status).toBe(403);

    expect((await view(id)).status).toBe('needs_review');
    const before = (await audit(id)).map((e) => e.action);
    expect(before).not.toContain('document.approved');
    expect(before.some((a) => a.startsWith('review.'))).toBe(false);
    const listed = (await (await server.api('GET', '/api/actions', { token: viewer })).json()) as {
      actions: Action[];
    };
    expect(listed.actions.map((a) => a.id)).toContain(action.id);

    // The viewer who asked cannot approve it: resolve_review needs a reviewer.
    const refused = await server.api('POST', `/api/actions/${action.id}/approve`, { token: viewer });
    expect(refused.status).toBe(403);
    expect((await view(id)).status).toBe('needs_review');

    const approved = await server.api('POST', `/api/actions/${action.id}/approve`, { token: reviewer });
    expect(approved.status).toBe(200);
    const done = (await approved.json()) as Action;
    expect(done).toMatchObject({ status: 'approved', result: { task: { status: 'approved' } } });
    expect(['approved', 'exported']).toContain((await view(id)).status);

    const entries = await audit(id);
    const approval = entries.find((e) => e.action === 'agent.action_approved')!;
    expect(approval.details).toMatchObject({
      proposedBy: 'copilot',
      requestedBy: action.requestedBy,
      approvedBy: done.decidedBy,
    });
    expect(action.requestedBy).not.toBe(done.decidedBy);
    expect(entries.find((e) => e.action === 'document.approved')?.actor).toBe(done.decidedBy);
    // Decided once: a second approval finds nothing to do.
    expect((await server.api('POST', `/api/actions/${action.id}/approve`, { token: reviewer })).status).toBe(
      409,
    );
  });

  it("stores the exception resolver's suggestions, shows them in get_document and explain_field, and takes accept and dismiss", async () => {
    const { id, taskId } = await submitNorthwind('NW-3002');
    const total = invoiceTotals(northwindInvoice('NW-3002')).total;
    api.setHandler((request) => {
      const turn = turnOf(request);
      if (turn === 0) return agentTurn(request, [{ type: 'tool_use', name: 'get_document', input: { id } }]);
      if (turn === 1) {
        return agentTurn(request, [
          { type: 'tool_use', name: 'list_vendors', input: {} },
          { type: 'tool_use', name: 'search_documents', input: { vendor: 'Northwind' } },
        ]);
      }
      if (turn === 2) {
        return agentTurn(request, [
          {
            type: 'tool_use',
            name: 'propose_correction',
            input: {
              field: 'total_amount',
              value: total,
              rationale: 'lines and 10% tax add up to this; the printed total is 10.00 more',
            },
          },
          {
            type: 'tool_use',
            name: 'propose_correction',
            input: { field: 'shoe_size', value: '42', rationale: 'no' },
          },
          {
            type: 'tool_use',
            name: 'propose_correction',
            input: { field: 'invoice_number', value: 'NW-3002-A', rationale: 'a guess' },
          },
        ]);
      }
      return agentTurn(request, [{ type: 'text', text: 'Two corrections proposed.' }]);
    });
    expect((await server.api('POST', `/api/review/${taskId}/suggest`, { token: viewer })).status).toBe(403);
    const suggested = await server.api('POST', `/api/review/${taskId}/suggest`, { token: reviewer });
    expect(suggested.status).toBe(200);
    const result = (await suggested.json()) as { suggestions: Suggestion[]; runId: string };
    expect(result.suggestions.map((s) => [s.field, s.value, s.status])).toEqual([
      ['total_amount', total, 'pending'],
      ['invoice_number', 'NW-3002-A', 'pending'],
    ]);
    // The field that does not exist went back to the model as an error, and the run went on.
    const results = toolResultsOf(api.requests.at(-1)!);
    expect(results.map((r) => Boolean(r.is_error))).toEqual([false, true, false]);

    const shown = await view(id);
    expect(shown.status).toBe('needs_review');
    expect(shown.suggestions?.map((s) => s.field)).toEqual(['total_amount', 'invoice_number']);
    const explained = (await (
      await server.api('POST', '/api/tools/explain_field', {
        token: viewer,
        body: { documentId: id, field: 'total_amount' },
      })
    ).json()) as { suggestions?: Suggestion[] };
    expect(explained.suggestions).toMatchObject([
      { value: total, rationale: expect.stringContaining('10% tax') },
    ]);

    const [totalSuggestion, numberSuggestion] = result.suggestions;
    expect(
      (await server.api('POST', `/api/suggestions/${totalSuggestion!.id}/accept`, { token: viewer })).status,
    ).toBe(403);
    const accepted = await server.api('POST', `/api/suggestions/${totalSuggestion!.id}/accept`, {
      token: reviewer,
    });
    expect(((await accepted.json()) as Suggestion).status).toBe('accepted');
    const dismissed = await server.api('POST', `/api/suggestions/${numberSuggestion!.id}/dismiss`, {
      token: reviewer,
    });
    expect(((await dismissed.json()) as Suggestion).status).toBe('dismissed');
    expect((await view(id)).suggestions?.map((s) => s.status)).toEqual(['accepted', 'dismissed']);
    // Suggestions change no value: the document still waits for a person's approval.
    expect((await view(id)).status).toBe('needs_review');
  });

  it('answers over MCP (ask_copilot) and on the command line (paperwork ask)', async () => {
    api.setHandler((request) =>
      agentTurn(request, [{ type: 'text', text: 'Northwind: two invoices this quarter.' }]),
    );
    const mcp = createPaperworkMcpServer({
      registry: SERVED_TOOLS,
      run: localToolRunner({
        ...server.runtime.ctx,
        actor: { kind: 'token', name: 'mcp-viewer', role: 'viewer' },
      }),
    });
    const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
    await mcp.connect(serverSide);
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(clientSide);
    const called = (await client.callTool({
      name: 'ask_copilot',
      arguments: { question: 'What do we owe Northwind?' },
    })) as CallToolResult;
    expect(called.isError).toBeFalsy();
    expect(called.structuredContent).toMatchObject({
      answer: 'Northwind: two invoices this quarter.',
      pendingActions: [],
    });
    await client.close();

    let printed = '';
    const config = { ...server.runtime.ctx.config, PAPERWORK_URL: server.url, PAPERWORK_TOKEN: viewer };
    await askCommand('What do we owe Northwind?', {}, config, { write: (text: string) => (printed += text) });
    expect(printed).toContain('Northwind: two invoices this quarter.');
  });

  it('answers with a clear error that says what to set when there is no key', async () => {
    const ctx = server.runtime.ctx;
    const keyless = { ...ctx, config: { ...ctx.config, ANTHROPIC_API_KEY: undefined } };
    const sent = api.requests.length;
    await expect(askCopilot(keyless, 'How much do we owe Northwind?')).rejects.toMatchObject({
      code: 'NOT_READY',
      message: expect.stringContaining('ANTHROPIC_API_KEY'),
    });
    await expect(suggestCorrections(keyless, crypto.randomUUID())).rejects.toMatchObject({
      code: 'NOT_READY',
    });
    expect(api.requests.length).toBe(sent);
  });
});
