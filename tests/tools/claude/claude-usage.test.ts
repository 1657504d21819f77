import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractWithEngine } from '../../../tools/claude/extract-with-engine.ts';
import { usageOf } from '../../../tools/claude/llm-usage.ts';
import type { Page } from '../../../tools/documents/page.ts';
import type { Db } from '../../../tools/storage/db.ts';
import { dailyLlmUsage } from '../../../tools/storage/llm-usage-table.ts';
import { openTestDb } from '../../support/test-db.ts';
import { claudeTestConfig } from './claude-config.ts';
import { type FakeMessagesApi, startFakeMessagesApi, toolAnswer } from './fake-messages-api.ts';

const RECEIPT: Page = {
  number: 1,
  width: 600,
  height: 800,
  source: 'text',
  words: [
    { text: 'Corner', bbox: [0.1, 0.05, 0.2, 0.07], confidence: 1 },
    { text: 'Cafe', bbox: [0.21, 0.05, 0.3, 0.07], confidence: 1 },
    { text: 'TOTAL', bbox: [0.1, 0.5, 0.2, 0.52], confidence: 1 },
    { text: '12.40', bbox: [0.6, 0.5, 0.7, 0.52], confidence: 1 },
  ],
};

describe('tokens and cost of the claude engine', () => {
  let api: FakeMessagesApi;
  let db: Db;
  beforeAll(async () => {
    api = await startFakeMessagesApi((request) =>
      toolAnswer(
        request,
        { total_amount: { value: '12.40', quote: '12.40', confidence: 0.9 } },
        {
          usage: {
            input_tokens: 1000,
            output_tokens: 200,
            cache_read_input_tokens: 5000,
            cache_creation_input_tokens: 2000,
          },
        },
      ),
    );
    db = await openTestDb();
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  it('prices input, output, cache reads and cache writes from the price table', () => {
    const config = claudeTestConfig(api.url, {
      MODEL_PRICES: '{"my-model":{"input":10,"output":20,"cacheWrite":12.5,"cacheRead":1}}',
    });
    const usage = {
      input_tokens: 1000,
      output_tokens: 200,
      cache_read_input_tokens: 5000,
      cache_creation_input_tokens: 2000,
    };
    // (1000 × 2 + 200 × 10 + 5000 × 0.2 + 2000 × 2.5) / 1e6
    expect(usageOf('claude-sonnet-5-5', usage, config).costUsd).toBe(0.01);
    expect(usageOf('my-model', usage, config).costUsd).toBe(0.044);
    expect(usageOf('unknown-model', usage, config).costUsd).toBeNull();
  });

  it('records the usage of every extraction on it and in the ledger, with daily totals', async () => {
    const config = claudeTestConfig(api.url);
    const result = await extractWithEngine([RECEIPT], { config, engine: 'claude', docType: 'receipt', db });
    expect(result.usage).toMatchObject({ inputTokens: 1000, outputTokens: 200, cacheReadTokens: 5000 });
    expect(result.timings).toMatchObject({
      llmInputTokens: 1000,
      llmOutputTokens: 200,
      llmCacheReadTokens: 5000,
      llmCacheWriteTokens: 2000,
      llmCostUsd: 0.01,
    });
    await extractWithEngine([RECEIPT], { config, engine: 'claude', docType: 'receipt', db });
    const [today] = await dailyLlmUsage(db, { days: 1 });
    expect(today).toMatchObject({
      day: new Date().toISOString().slice(0, 10),
      model: 'claude-sonnet-5-5',
      requests: 2,
      inputTokens: 2000,
      cacheWriteTokens: 4000,
      costUsd: 0.02,
    });
  });
});
