/** Totals of the LLM usage numbers in extraction timings (`llm*`), for a CLI run's closing line. */
export type UsageSummary = {
  documents: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
};

export function emptyUsageSummary(): UsageSummary {
  return {
    documents: 0,
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costUsd: 0,
  };
}

export function addTimingsToSummary(summary: UsageSummary, timings: Record<string, number>): void {
  if (!timings.llmRequests) return;
  summary.documents++;
  summary.requests += timings.llmRequests;
  summary.inputTokens += timings.llmInputTokens ?? 0;
  summary.outputTokens += timings.llmOutputTokens ?? 0;
  summary.cacheReadTokens += timings.llmCacheReadTokens ?? 0;
  summary.cacheWriteTokens += timings.llmCacheWriteTokens ?? 0;
  summary.costUsd += timings.llmCostUsd ?? 0;
}

export function formatUsageSummary(summary: UsageSummary): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `Claude: ${n(summary.requests)} requests for ${n(summary.documents)} documents, ` +
    `${n(summary.inputTokens)} input + ${n(summary.cacheReadTokens)} cache-read + ${n(summary.cacheWriteTokens)} cache-write ` +
    `/ ${n(summary.outputTokens)} output tokens, $${summary.costUsd.toFixed(4)}\n`
  );
}
