import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf } from '../../../evals/synth/make-invoice-pdf.ts';
import { unbalancedInvoice } from '../../support/invoice-fixtures.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { callError, callOk, expectToolList, invoiceBase64, runReviewCycle } from './mcp-flow.ts';

describe('MCP over Streamable HTTP at /mcp, and tools at /api/tools/:name', () => {
  let server: TestServer;
  let reviewer: string;
  let viewer: string;
  let clerk: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    [reviewer, viewer, clerk] = await Promise.all([
      server.tokenFor('reviewer'),
      server.tokenFor('viewer'),
      server.tokenFor('clerk'),
    ]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await server?.stop();
  });

  async function connect(token: string, options: { declineEverything?: boolean } = {}): Promise<Client> {
    const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    });
    const client = new Client(
      { name: 'test', version: '1.0.0' },
      { capabilities: options.declineEverything ? { elicitation: { form: {} } } : {} },
    );
    if (options.declineEverything)
      client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'decline' }));
    await client.connect(transport);
    clients.push(client);
    return client;
  }

  const tokenName = async (token: string) =>
    ((await (await server.api('GET', '/api/session', { token })).json()) as { actor: { name: string } }).actor
      .name;

  it('answers 401 without a token', async () => {
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    };
    const response = await server.api('POST', '/mcp', { token: null, body: initialize });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect((await server.api('POST', '/mcp', { token: 'not-a-token', body: initialize })).status).toBe(401);
  });

  it('lists the tools and takes a document from submit to a decision, as the token', async () => {
    const client = await connect(reviewer);
    await expectToolList(client);
    const fixture = unbalancedInvoice('HTTP-1001');
    const { documentId } = await runReviewCycle(
      client,
      { filename: 'http-1001.pdf', contentBase64: await invoiceBase64(fixture) },
      await tokenName(reviewer),
    );
    // The write is on the audit log with the token that made it.
    const audit = (await (await server.api('GET', `/api/audit?documentId=${documentId}`)).json()) as {
      entries: Array<{ action: string; actor: string }>;
    };
    expect(audit.entries.find((e) => e.action === 'document.approved')?.actor).toBe(
      await tokenName(reviewer),
    );
  });

  it('refuses resolve_review to a viewer token, and a declined confirmation resolves nothing', async () => {
    const submitter = await connect(clerk);
    const { id } = await callOk<{ id: string }>(submitter, 'submit_document', {
      filename: 'http-1002.pdf',
      contentBase64: await invoiceBase64(unbalancedInvoice('HTTP-1002')),
    });
    let waited: { isDone: boolean; review?: { taskId: string } };
    do waited = await callOk(submitter, 'wait_for_document', { id });
    while (!waited.isDone);
    const taskId = waited.review!.taskId;

    const refused = await callError(await connect(viewer), 'resolve_review', {
      id: taskId,
      decision: 'approve',
    });
    expect(refused).toMatch(/^FORBIDDEN: resolve_review needs the reviewer role; this token has viewer/);

    // The question goes out and the answer comes back on the same session.
    const declining = await connect(reviewer, { declineEverything: true });
    expect(await callError(declining, 'resolve_review', { id: taskId, decision: 'approve' })).toMatch(
      /Nothing was changed/,
    );
    expect((await callOk<{ status: string }>(submitter, 'get_document', { id })).status).toBe('needs_review');
  });

  it('keeps a session to the token that opened it', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${reviewer}` } },
    });
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    const list = { jsonrpc: '2.0', id: 7, method: 'tools/list', params: {} };
    const response = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${viewer}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': String(transport.sessionId),
        'mcp-protocol-version': '2025-06-18',
      },
      body: JSON.stringify(list),
    });
    expect(response.status).toBe(403);
    expect((await server.api('GET', '/mcp', { token: viewer })).status).toBe(405);
  });

  it('serves every registry tool at POST /api/tools/:name with the role checked', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-tools-'));
    try {
      const file = path.join(dir, 'http-2001.pdf');
      await writeFile(file, await makeInvoicePdf(unbalancedInvoice('HTTP-2001')));
      const post = (name: string, token: string, body: object) =>
        server.api('POST', `/api/tools/${name}`, { token, body });

      const unknown = await post('no_such_tool', viewer, {});
      expect(unknown.status).toBe(404);
      expect((await post('search_documents', viewer, { limit: 0 })).status).toBe(400);
      // A path is read on the server: admin only.
      const byPath = await post('submit_document', clerk, { path: file });
      expect(byPath.status).toBe(403);
      expect(((await byPath.json()) as { error: { message: string } }).error.message).toMatch(
        /contentBase64/,
      );
      const submitted = await post('submit_document', server.adminToken, { path: file });
      expect(submitted.status).toBe(200);
      const { id } = (await submitted.json()) as { id: string };
      // Tools beyond the MCP set are served here too.
      const trail = await post('get_audit_trail', reviewer, { documentId: id });
      expect(((await trail.json()) as { entries: Array<{ action: string }> }).entries[0]?.action).toBe(
        'document.received',
      );
      expect((await post('claim_review', viewer, { id })).status).toBe(403);
      // Files over the API's usual 1 MB of JSON get through as base64 and are judged by their bytes.
      const big = await post('extract_document', viewer, {
        filename: 'big.pdf',
        contentBase64: Buffer.alloc(2_000_000, 0x20).toString('base64'),
      });
      expect(big.status).not.toBe(413);
      expect(((await big.json()) as { error: { code: string } }).error.code).toMatch(
        /CORRUPT_FILE|FILE_TYPE_MISMATCH/,
      );
      // Calls that may write are on the audit log before they run, refused ones too; reads are not.
      const { rows } = await server.runtime.ctx.db.query<{ tool: string }>(
        "SELECT details->>'tool' AS tool FROM audit_log WHERE action = 'token.write' AND details->>'method' = 'POST' AND details ? 'tool' ORDER BY seq",
      );
      expect(rows.map((row) => row.tool)).toEqual(['submit_document', 'submit_document', 'claim_review']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
