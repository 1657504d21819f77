import { api } from './api.js';
import { h } from './dom.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Claude tokens and cost today and over the last 7 days (UTC days, all models), from queue_stats. It fills
 * itself in when the numbers arrive; without a key there is simply no usage.
 */
export function createLlmUsage() {
  const element = h('p', { class: 'llm-usage', 'data-testid': 'llm-usage' }, 'Claude usage: loading…');
  api('POST', '/api/tools/queue_stats', {}).then(
    ({ llmUsage }) => {
      element.textContent = describeUsage(llmUsage ?? []);
    },
    () => {
      element.textContent = 'Claude usage: not available.';
    },
  );
  return element;
}

export function describeUsage(rows, now = Date.now()) {
  if (rows.length === 0) return 'Claude usage: none in the last 7 days.';
  const today = new Date(now).toISOString().slice(0, 10);
  const weekStart = new Date(now - 6 * DAY_MS).toISOString().slice(0, 10);
  const sum = (selected) => ({
    tokens: selected.reduce(
      (n, r) => n + r.inputTokens + r.outputTokens + r.cacheReadTokens + r.cacheWriteTokens,
      0,
    ),
    cost: selected.reduce((n, r) => n + (r.costUsd ?? 0), 0),
    unpriced: [...new Set(selected.filter((r) => r.costUsd === null).map((r) => r.model))],
  });
  const part = (label, { tokens, cost, unpriced }) =>
    `${label}: ${tokens.toLocaleString('en-US')} tokens, ${formatUsd(cost)}${
      unpriced.length > 0 ? ` (no price for ${unpriced.join(', ')})` : ''
    }`;
  return `Claude ${part('today', sum(rows.filter((r) => r.day === today)))} · ${part(
    'last 7 days',
    sum(rows.filter((r) => r.day >= weekStart)),
  )}`;
}

function formatUsd(amount) {
  return `$${amount.toFixed(amount > 0 && amount < 0.01 ? 4 : 2)}`;
}

/** One document's extraction through Claude, from its timings; undefined when no model was called. */
export function describeDocumentUsage(timings) {
  if (!timings?.llmRequests) return undefined;
  const tokens =
    (timings.llmInputTokens ?? 0) +
    (timings.llmOutputTokens ?? 0) +
    (timings.llmCacheReadTokens ?? 0) +
    (timings.llmCacheWriteTokens ?? 0);
  const cost = typeof timings.llmCostUsd === 'number' ? formatUsd(timings.llmCostUsd) : 'no price';
  return `Claude: ${tokens.toLocaleString('en-US')} tokens, ${cost}`;
}
