import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test's handler sees: the request body the SDK sent, as JSON. */
// biome-ignore lint/suspicious/noExplicitAny: the request is whatever the SDK sent; tests read into it.
export type SentRequest = { path: string; headers: IncomingMessage['headers']; body: any };

/** `json` is sent as JSON; `text` as is (the Batches API's JSON Lines results). */
export type FakeReply = { status?: number; headers?: Record<string, string>; json?: unknown; text?: string };
export type FakeHandler = (request: SentRequest, index: number) => FakeReply | Promise<FakeReply>;

export type Usage = {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
};

/**
 * A stand-in for the Anthropic Messages API on loopback: the real SDK talks to it over HTTP. It records
 * every request body and answers with what the test's handler returns (by default, an empty extraction).
 */
export async function startFakeMessagesApi(handler: FakeHandler = (request) => toolAnswer(request, {})) {
  const requests: SentRequest[] = [];
  let current = handler;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request: SentRequest = {
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      };
      requests.push(request);
      try {
        const reply = await current(request, requests.length - 1);
        const type = reply.text === undefined ? 'application/json' : 'application/x-jsonl';
        res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
        res.end(reply.text ?? JSON.stringify(reply.json));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(apiError('api_error', String(error))));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHandler(next: FakeHandler) {
      current = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeMessagesApi = Awaited<ReturnType<typeof startFakeMessagesApi>>;

/** A Message whose one content block calls the forced tool (or `toolName`) with `input`. */
export function toolAnswer(
  request: SentRequest,
  input: Record<string, unknown>,
  options: { toolName?: string; usage?: Usage } = {},
): FakeReply {
  const name = options.toolName ?? request.body.tool_choice?.name ?? request.body.tools?.[0]?.name;
  return {
    json: {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: request.body.model,
      content: [{ type: 'tool_use', id: 'toolu_fake', name, input }],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: {
        input_tokens: 100,
        output_tokens: 50,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
        ...options.usage,
      },
    },
  };
}

export function apiError(type: string, message: string) {
  return { type: 'error', error: { type, message } };
}

/** The text the model would read: every text block of the user turn. */
export function sentText(request: SentRequest): string {
  const blocks = request.body.messages[0].content as { type: string; text?: string }[];
  return blocks
    .filter((b) => b.type === 'text')
    .map((b) => b.text)
    .join('\n');
}

/** Fields the forced tool's schema asks for. */
export function askedFields(request: SentRequest): string[] {
  return Object.keys(request.body.tools[0].input_schema.properties);
}

/** Which model call of an agent run a request is: the number of assistant turns already in it. */
export function turnOf(request: SentRequest): number {
  return (request.body.messages as { role: string }[]).filter((m) => m.role === 'assistant').length;
}

export type ScriptedBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input: Record<string, unknown> };

/**
 * An assistant turn of a tool-using agent: text and tool calls in order. It stops for tools when it calls any,
 * else it ends its turn.
 */
export function agentTurn(
  request: SentRequest,
  blocks: ScriptedBlock[],
  usage: Partial<Usage> = {},
): FakeReply {
  const turn = turnOf(request);
  const content = blocks.map((block, i) =>
    block.type === 'text' ? block : { ...block, id: `toolu_${turn}_${i}` },
  );
  return {
    json: {
      id: `msg_fake_${turn}`,
      type: 'message',
      role: 'assistant',
      model: request.body.model,
      content,
      stop_reason: blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: 100,
        output_tokens: 50,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
        ...usage,
      },
    },
  };
}

export type SentToolResult = {
  type: 'tool_result';
  tool_use_id: string;
  content: string;
  is_error?: boolean;
};

/** The tool results the last user turn of a request carries (what the loop fed back to the model). */
export function toolResultsOf(request: SentRequest): SentToolResult[] {
  const last = request.body.messages.at(-1) as { role: string; content: unknown };
  if (last.role !== 'user' || !Array.isArray(last.content)) return [];
  return (last.content as SentToolResult[]).filter((block) => block.type === 'tool_result');
}

/** How one batch entry ends, as the Batches API's results file says it. */
export type FakeBatchResult =
  | { type: 'succeeded'; message: unknown }
  | { type: 'errored'; error: { type: 'error'; error: { type: string; message: string } } }
  | { type: 'expired' }
  | { type: 'canceled' };

export type FakeBatchesOptions = {
  /** Whether a batch has ended at its `polls`-th retrieve; default: `in_progress` once, then `ended`. */
  isEnded?: (polls: number, batchId: string) => boolean;
  /** Each entry's result; by default it succeeds with an empty extraction. */
  resultOf?: (entry: SentRequest, customId: string) => FakeBatchResult;
};

type FakeBatch = { id: string; entries: Array<{ custom_id: string; params: unknown }>; polls: number };

/**
 * The Message Batches API (`/v1/messages/batches`: create, retrieve, results) on top of the stand-in: compose
 * it into a handler with `batches.handle(request) ?? other(request)`. Batches live in memory; each entry's
 * params are handed to `resultOf` as if they had been sent to `/v1/messages` on their own.
 */
export function fakeBatches(baseUrl: () => string, options: FakeBatchesOptions = {}) {
  const batches = new Map<string, FakeBatch>();
  const resultOf =
    options.resultOf ??
    ((entry: SentRequest): FakeBatchResult => ({
      type: 'succeeded',
      message: toolAnswer(entry, {}).json,
    }));
  const view = (batch: FakeBatch) => {
    const isEnded = (options.isEnded ?? ((polls: number) => polls > 1))(batch.polls, batch.id);
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: isEnded ? 'ended' : 'in_progress',
      request_counts: {
        processing: isEnded ? 0 : batch.entries.length,
        succeeded: isEnded ? batch.entries.length : 0,
        errored: 0,
        canceled: 0,
        expired: 0,
      },
      created_at: '2026-12-01T00:00:00Z',
      expires_at: '2026-12-02T00:00:00Z',
      ended_at: isEnded ? '2026-12-01T01:00:00Z' : null,
      archived_at: null,
      cancel_initiated_at: null,
      results_url: isEnded ? `${baseUrl()}/v1/messages/batches/${batch.id}/results` : null,
    };
  };
  return {
    batches,
    /** The reply for a Batches API request; undefined for anything else. */
    handle(request: SentRequest): FakeReply | undefined {
      const path = request.path.split('?')[0] ?? '';
      if (path === '/v1/messages/batches') {
        const batch = { id: `msgbatch_fake_${batches.size + 1}`, entries: request.body.requests, polls: 0 };
        batches.set(batch.id, batch);
        return { json: view(batch) };
      }
      const match = /^\/v1\/messages\/batches\/([\w-]+)(\/results)?$/.exec(path);
      if (!match) return undefined;
      const batch = batches.get(match[1] ?? '');
      if (!batch) return { status: 404, json: apiError('not_found_error', 'no such batch') };
      if (!match[2]) {
        batch.polls += 1;
        return { json: view(batch) };
      }
      const lines = batch.entries.map((entry) => {
        const sent = { path: '/v1/messages', headers: {}, body: entry.params } as SentRequest;
        return JSON.stringify({ custom_id: entry.custom_id, result: resultOf(sent, entry.custom_id) });
      });
      return { text: `${lines.join('\n')}\n` };
    },
  };
}
