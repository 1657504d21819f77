import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareClaudeAsk } from '../../../tools/claude/ask-claude.ts';
import { createClaudeClient } from '../../../tools/claude/claude-client.ts';
import { collectExtractionBatch, submitExtractionBatch } from '../../../tools/claude/extraction-batch.ts';
import type { Page } from '../../../tools/documents/page.ts';
import { claudeTestConfig } from './claude-config.ts';
import {
  type FakeMessagesApi,
  type SentRequest,
  startFakeMessagesApi,
  toolAnswer,
} from './fake-messages-api.ts';

const receipt = (total: string): Page => ({
  number: 1,
  width: 600,
  height: 800,
  source: 'text',
  words: [
    { text: 'TOTAL', bbox: [0.1, 0.5, 0.2, 0.52], confidence: 1 },
    { text: total, bbox: [0.6, 0.5, 0.7, 0.52], confidence: 1 },
  ],
});

const batchOf = (url: string, status: string) => ({
  id: 'msgbatch_fake',
  type: 'message_batch',
  processing_status: status,
  request_counts: { processing: 0, succeeded: 2, errored: 0, canceled: 0, expired: 0 },
  created_at: '2026-11-23T00:00:00Z',
  expires_at: '2026-11-24T00:00:00Z',
  ended_at: status === 'ended' ? '2026-11-23T01:00:00Z' : null,
  archived_at: null,
  cancel_initiated_at: null,
  results_url: status === 'ended' ? `${url}/v1/messages/batches/msgbatch_fake/results` : null,
});

describe('extractions through the Message Batches API', () => {
  let api: FakeMessagesApi;
  let submitted: SentRequest | undefined;
  let polls = 0;

  beforeAll(async () => {
    api = await startFakeMessagesApi((request) => {
      if (request.path === '/v1/messages/batches') {
        submitted = request;
        return { json: batchOf(api.url, 'in_progress') };
      }
      if (request.path === '/v1/messages/batches/msgbatch_fake') {
        return { json: batchOf(api.url, polls++ === 0 ? 'in_progress' : 'ended') };
      }
      // Results: each entry answered with the total its own text shows.
      const lines = (submitted?.body.requests ?? []).map((entry: { custom_id: string; params: unknown }) => {
        const params = { path: '', headers: {}, body: entry.params } as SentRequest;
        const text = JSON.stringify(entry.params);
        const total = text.match(/TOTAL (\d+\.\d{2})/)?.[1];
        const message = toolAnswer(
          params,
          { total_amount: { value: total, quote: total, confidence: 0.9 } },
          {
            usage: { input_tokens: 1000, output_tokens: 100 },
          },
        ).json;
        return JSON.stringify({ custom_id: entry.custom_id, result: { type: 'succeeded', message } });
      });
      return { text: `${lines.join('\n')}\n` };
    });
  });
  afterAll(async () => api?.close());

  it('sends the same requests as single calls in one batch, and reads each result at half the price', async () => {
    const config = claudeTestConfig(api.url);
    const client = createClaudeClient(config);
    const asks = await Promise.all(
      ['12.40', '99.10'].map((total) =>
        prepareClaudeAsk([receipt(total)], { docType: 'receipt', rulesFields: {} }, { config }),
      ),
    );
    const batchId = await submitExtractionBatch(
      client,
      asks.map((ask, i) => ({ customId: `doc-${i}`, request: ask.request })),
    );
    expect(submitted?.body.requests[0].params.tool_choice.name).toBe('record_receipt');

    expect(await collectExtractionBatch(client, batchId)).toBeUndefined(); // still running
    const outcomes = await collectExtractionBatch(client, batchId);
    expect(outcomes?.map((o) => o.customId)).toEqual(['doc-0', 'doc-1']);
    const answers = outcomes?.map((outcome, i) => {
      if (!('message' in outcome)) throw outcome.error;
      return asks[i]?.finish(outcome.message, { batch: true });
    });
    expect(answers?.map((a) => a?.fields.total_amount?.value)).toEqual(['12.40', '99.10']);
    expect(answers?.[1]?.fields.total_amount?.source?.bbox).toEqual([0.6, 0.5, 0.7, 0.52]);
    // (1000 × 2 + 100 × 10) / 1e6 at half price
    expect(answers?.[0]?.usage.costUsd).toBe(0.0015);
  });
});
