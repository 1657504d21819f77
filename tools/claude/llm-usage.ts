import type { Config } from '../core/config.ts';

/** USD per million tokens. Cache writes are the 5-minute kind (1.25 × input), cache reads 0.1 × input. */
export type ModelPrice = { input: number; output: number; cacheWrite: number; cacheRead: number };

/**
 * Published list prices (USD per million tokens, standard API, late 2026) of the models an extraction is
 * likely to run on; `MODEL_PRICES` adds to or overrides them. Check them against your invoice.
 */
export const DEFAULT_MODEL_PRICES: Record<string, ModelPrice> = {
  'claude-sonnet-5-5': { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 },
  'claude-sonnet-5': { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 },
  'claude-sonnet-4-6': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-sonnet-4-5': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-haiku-4-5': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
};

/** The Message Batches API bills every token kind at half the price. */
export const BATCH_DISCOUNT = 0.5;

/** Tokens of one or more Messages API calls and what they cost; `costUsd` is null for a model without a price. */
export type LlmUsage = {
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number | null;
};

export type ApiUsage = {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
};

export function priceOf(model: string, config: Pick<Config, 'MODEL_PRICES'>): ModelPrice | undefined {
  return config.MODEL_PRICES[model] ?? DEFAULT_MODEL_PRICES[model];
}

/**
 * Usage of one call as the API reports it. `input_tokens` excludes the cached parts: cache reads and
 * writes are billed apart, at their own prices.
 */
export function usageOf(
  model: string,
  usage: ApiUsage,
  config: Pick<Config, 'MODEL_PRICES'>,
  options: { isBatch?: boolean } = {},
): LlmUsage {
  const tokens = {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
  };
  const price = priceOf(model, config);
  const costUsd = price
    ? (tokens.inputTokens * price.input +
        tokens.outputTokens * price.output +
        tokens.cacheReadTokens * price.cacheRead +
        tokens.cacheWriteTokens * price.cacheWrite) /
      1_000_000
    : null;
  const discounted = costUsd !== null && options.isBatch ? costUsd * BATCH_DISCOUNT : costUsd;
  return { model, requests: 1, ...tokens, costUsd: discounted === null ? null : roundMicro(discounted) };
}

export function addUsage(a: LlmUsage | undefined, b: LlmUsage): LlmUsage {
  if (!a) return b;
  return {
    model: b.model,
    requests: a.requests + b.requests,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    costUsd: a.costUsd === null || b.costUsd === null ? null : roundMicro(a.costUsd + b.costUsd),
  };
}

/** The usage as numbers beside the timings of an extraction (`timings` holds numbers only). */
export function usageTimings(usage: LlmUsage | undefined): Record<string, number> {
  if (!usage) return {};
  return {
    llmRequests: usage.requests,
    llmInputTokens: usage.inputTokens,
    llmOutputTokens: usage.outputTokens,
    llmCacheReadTokens: usage.cacheReadTokens,
    llmCacheWriteTokens: usage.cacheWriteTokens,
    ...(usage.costUsd !== null && { llmCostUsd: usage.costUsd }),
  };
}

function roundMicro(usd: number): number {
  return Math.round(usd * 1_000_000) / 1_000_000;
}
