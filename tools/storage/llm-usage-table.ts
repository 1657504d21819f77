import { randomUUID } from 'node:crypto';
import type { LlmUsage } from '../claude/llm-usage.ts';
import type { Queryable } from './db.ts';

/** Writes one extraction's model usage to the ledger, at the time of the call (a retried job pays again). */
export async function insertLlmUsage(
  db: Queryable,
  entry: { documentId?: string; engine: string; usage: LlmUsage; at?: Date },
): Promise<void> {
  const { usage } = entry;
  await db.query(
    `INSERT INTO llm_usage (id, document_id, engine, model, requests, input_tokens, output_tokens,
       cache_read_tokens, cache_write_tokens, cost_usd, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      randomUUID(),
      entry.documentId ?? null,
      entry.engine,
      usage.model,
      usage.requests,
      usage.inputTokens,
      usage.outputTokens,
      usage.cacheReadTokens,
      usage.cacheWriteTokens,
      usage.costUsd,
      (entry.at ?? new Date()).toISOString(),
    ],
  );
}

/** One UTC day's usage of one model (`day` as YYYY-MM-DD); `costUsd` is null when some of it had no price. */
export type DailyLlmUsage = LlmUsage & { day: string; documents: number };

type DailyRow = {
  day: string;
  model: string;
  documents: string | number;
  requests: string | number;
  input_tokens: string | number;
  output_tokens: string | number;
  cache_read_tokens: string | number;
  cache_write_tokens: string | number;
  cost_usd: string | number | null;
  unpriced: string | number;
};

/** Token and cost totals per UTC day and model for the last `days` days (today included), newest first. */
export async function dailyLlmUsage(
  db: Queryable,
  options: { days?: number; now?: Date } = {},
): Promise<DailyLlmUsage[]> {
  const now = options.now ?? new Date();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  since.setUTCDate(since.getUTCDate() - ((options.days ?? 7) - 1));
  const { rows } = await db.query<DailyRow>(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, model,
       count(DISTINCT document_id) AS documents, sum(requests) AS requests,
       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
       sum(cache_read_tokens) AS cache_read_tokens, sum(cache_write_tokens) AS cache_write_tokens,
       sum(cost_usd) AS cost_usd, count(*) FILTER (WHERE cost_usd IS NULL) AS unpriced
     FROM llm_usage WHERE at >= $1
     GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
    [since.toISOString()],
  );
  return rows.map((row) => ({
    day: row.day,
    model: row.model,
    documents: Number(row.documents),
    requests: Number(row.requests),
    inputTokens: Number(row.input_tokens),
    outputTokens: Number(row.output_tokens),
    cacheReadTokens: Number(row.cache_read_tokens),
    cacheWriteTokens: Number(row.cache_write_tokens),
    costUsd: Number(row.unpriced) > 0 || row.cost_usd === null ? null : Number(row.cost_usd),
  }));
}
