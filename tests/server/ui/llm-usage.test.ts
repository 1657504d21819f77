import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain browser module without types; describeUsage is pure.
import { describeDocumentUsage, describeUsage } from '../../../server/ui/public/js/llm-usage.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const row = (day: string, model: string, tokens: number, costUsd: number | null) => ({
  day,
  model,
  inputTokens: tokens,
  outputTokens: 10,
  cacheReadTokens: 5,
  cacheWriteTokens: 0,
  costUsd,
});

describe('the Claude usage line on the queue screen', () => {
  it.each([
    [[], 'Claude usage: none in the last 7 days.'],
    [
      [row('2026-03-10', 'a', 985, 0.5), row('2026-03-10', 'b', 85, 0.25), row('2026-03-04', 'a', 1985, 1)],
      'Claude today: 1,100 tokens, $0.75 · last 7 days: 3,100 tokens, $1.75',
    ],
    [
      [row('2026-03-09', 'a', 85, 0.001), row('2026-03-03', 'a', 1000, 9)],
      'Claude today: 0 tokens, $0.00 · last 7 days: 100 tokens, $0.0010',
    ],
    [
      [row('2026-03-10', 'house-model', 85, null)],
      'Claude today: 100 tokens, $0.00 (no price for house-model) · last 7 days: 100 tokens, $0.00 (no price for house-model)',
    ],
  ])('sums today and the last 7 UTC days over every model (%#)', (rows, expected) => {
    expect(describeUsage(rows, NOW)).toBe(expected);
  });
});

describe("a document's Claude usage on its screen", () => {
  it.each([
    [{ parseMs: 40, extractMs: 3 }, undefined],
    [
      {
        llmRequests: 2,
        llmInputTokens: 1200,
        llmOutputTokens: 300,
        llmCacheReadTokens: 500,
        llmCostUsd: 0.0081,
      },
      'Claude: 2,000 tokens, $0.0081',
    ],
    [
      { llmRequests: 1, llmInputTokens: 10, llmOutputTokens: 5, llmCostUsd: null },
      'Claude: 15 tokens, no price',
    ],
  ])('sums every kind of token from the extraction timings (%#)', (timings, expected) => {
    expect(describeDocumentUsage(timings)).toBe(expected);
  });
});
