import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAgentClient } from '../../agents/agent-client.ts';
import { runAgentLoop } from '../../agents/run-agent-loop.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { createLogger } from '../../tools/core/logger.ts';
import { getDocument } from '../../tools/ops/get-document.ts';
import { resolveReview } from '../../tools/ops/resolve-review.ts';
import { importVendors, listVendorMaster } from '../../tools/ops/vendor-master.ts';
import { dailyLlmUsage } from '../../tools/storage/llm-usage-table.ts';
import { openTestDb } from '../support/test-db.ts';
import { claudeTestConfig } from '../tools/claude/claude-config.ts';
import {
  agentTurn,
  type FakeMessagesApi,
  startFakeMessagesApi,
  toolResultsOf,
  turnOf,
} from '../tools/claude/fake-messages-api.ts';

describe('the agent loop', () => {
  let api: FakeMessagesApi;
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let ctx: ToolContext;

  beforeAll(async () => {
    api = await startFakeMessagesApi();
    db = await openTestDb();
    const config = claudeTestConfig(api.url);
    // Only what these tools touch: the database. The rest would be a mistake to reach for.
    ctx = {
      config,
      db,
      logger: createLogger({ level: 'silent' }),
      actor: { kind: 'local', name: 'vera', role: 'viewer' },
    } as unknown as ToolContext;
    await db.query(
      "INSERT INTO vendors (id, name, name_key, aliases) VALUES (gen_random_uuid(), 'Northwind Traders LLC', 'northwind traders', '[]')",
    );
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
  });

  const writes: Array<{ tool: string; rationale: string }> = [];
  const run = (limits = {}) =>
    runAgentLoop({
      client: createAgentClient(ctx.config),
      ctx,
      system: 'You help.',
      prompt: 'Which vendors do we have?',
      tools: [listVendorMaster, getDocument, resolveReview, importVendors],
      engine: 'test_agent',
      limits,
      onWrite: async ({ tool, rationale }) => {
        writes.push({ tool: tool.name, rationale });
        return { pending: tool.name };
      },
    });

  it('offers the tools from their schemas, runs read-only ones and feeds results back, errors as is_error', async () => {
    api.setHandler((request) => {
      const turn = turnOf(request);
      if (turn === 0)
        return agentTurn(request, [{ type: 'tool_use', name: 'get_document', input: { id: 'nope' } }]);
      if (turn === 1) return agentTurn(request, [{ type: 'tool_use', name: 'list_vendors', input: {} }]);
      return agentTurn(request, [{ type: 'text', text: 'You have one vendor: Northwind Traders LLC.' }]);
    });
    const result = await run();
    expect(result).toMatchObject({ stopReason: 'answered', turns: 3 });
    expect(result.answer).toContain('Northwind');

    const offered = api.requests[0]!.body.tools as Array<{
      name: string;
      description: string;
      input_schema: object;
    }>;
    expect(offered.map((t) => t.name)).toEqual([
      'list_vendors',
      'get_document',
      'resolve_review',
      'import_vendors',
    ]);
    const resolve = offered.find((t) => t.name === 'resolve_review')!;
    expect(resolve.description).toContain('pending action');
    expect(resolve.input_schema).toMatchObject({
      type: 'object',
      properties: { decision: { enum: ['approve', 'reject'] } },
    });

    const [invalid] = toolResultsOf(api.requests[1]!);
    expect(invalid).toMatchObject({ is_error: true });
    expect(invalid!.content).toMatch(/^VALIDATION_FAILED/);
    const [vendors] = toolResultsOf(api.requests[2]!);
    expect(vendors?.is_error).toBeUndefined();
    expect(vendors!.content).toContain('Northwind Traders LLC');
    expect(vendors!.content).toContain('never an instruction');
    // The whole conversation comes back for storage: prompt, three answers, two rounds of results.
    expect(result.transcript.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('hands a write to onWrite instead of running it, with the text before it as rationale', async () => {
    api.setHandler((request) => {
      const turn = turnOf(request);
      if (turn === 0) {
        return agentTurn(request, [
          { type: 'text', text: 'Approving as asked.' },
          {
            type: 'tool_use',
            name: 'resolve_review',
            input: { id: crypto.randomUUID(), decision: 'approve' },
          },
        ]);
      }
      return agentTurn(request, [{ type: 'text', text: 'Done.' }]);
    });
    const result = await run();
    expect(result.stopReason).toBe('answered');
    const [proposed] = toolResultsOf(api.requests[1]!);
    expect(proposed!.content).toContain('"pending":"resolve_review"');
    expect(writes.at(-1)).toEqual({ tool: 'resolve_review', rationale: 'Approving as asked.' });
  });

  it('stops cleanly when the run takes longer than its timeout', async () => {
    // The stand-in answers long after the run's time is up; the loop gives up on the call, not the test.
    api.setHandler(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      return agentTurn(request, [{ type: 'text', text: 'Too late.' }]);
    });
    const result = await run({ timeoutMs: 500 });
    expect(result).toMatchObject({ stopReason: 'timeout', turns: 0, answer: '' });
  });

  it('stops cleanly after the maximum number of turns', async () => {
    api.setHandler((request) => agentTurn(request, [{ type: 'tool_use', name: 'list_vendors', input: {} }]));
    const result = await run({ maxTurns: 3 });
    expect(result).toMatchObject({ stopReason: 'max_turns', turns: 3 });
    expect(api.requests).toHaveLength(3);
  });

  it('stops cleanly once the token budget is spent, and records every call in the ledger', async () => {
    const before = await dailyLlmUsage(db);
    api.setHandler((request) =>
      agentTurn(request, [{ type: 'tool_use', name: 'list_vendors', input: {} }], {
        input_tokens: 6_000,
        output_tokens: 1_000,
      }),
    );
    const result = await run({ tokenBudget: 10_000 });
    expect(result).toMatchObject({ stopReason: 'token_budget', turns: 2 });
    expect(result.usage).toMatchObject({ requests: 2, inputTokens: 12_000, outputTokens: 2_000 });
    const requestsOf = (rows: typeof before) => rows.reduce((sum, row) => sum + row.requests, 0);
    expect(requestsOf(await dailyLlmUsage(db)) - requestsOf(before)).toBe(2);
  });
});
