import { maskSensitive } from '../../tools/core/logger.ts';
import type { DocumentRow } from '../eval-report.ts';
import { escapeHtml } from './escape-html.ts';

/** A value for the page: tax ids and account numbers masked like the logs do (a report gets passed around). */
function shownValue(value: unknown): string {
  return escapeHtml(maskSensitive(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')));
}

// A page of thousands of rows is still readable; past that the JSON report is the better tool.
export const MAX_LISTED_MISMATCHES = 2000;

/** Every wrong or missing value with the document, routing verdict and confidence; all of it escaped. */
export function mismatchTable(rows: readonly DocumentRow[]): string {
  const mismatches = rows.flatMap((row) => row.mismatches.map((m) => ({ row, ...m })));
  if (mismatches.length === 0) return '<p class="muted">No mismatches.</p>';
  const body = mismatches
    .slice(0, MAX_LISTED_MISMATCHES)
    .map(
      (m) =>
        `<tr><td class="text">${escapeHtml(m.row.file)}</td><td class="text">${escapeHtml(m.field)}</td>` +
        `<td class="text">${shownValue(m.expected)}</td>` +
        `<td class="text">${m.predicted === undefined ? '<span class="missing">missing</span>' : shownValue(m.predicted)}</td>` +
        `<td>${m.confidence === undefined ? '' : m.confidence.toFixed(2)}</td><td>${m.similarity.toFixed(2)}</td>` +
        `<td class="text nowrap">${escapeHtml(m.row.error ?? m.row.status ?? '')}</td></tr>`,
    )
    .join('');
  const more =
    mismatches.length > MAX_LISTED_MISMATCHES
      ? `<p class="muted">First ${MAX_LISTED_MISMATCHES} of ${mismatches.length}; see <code>--json</code> for all.</p>`
      : '';
  return (
    '<table><thead><tr><th>document</th><th class="text">field</th><th class="text">expected</th>' +
    '<th class="text">predicted</th><th>confidence</th><th>similarity</th><th class="text">route</th></tr></thead>' +
    `<tbody>${body}</tbody></table>${more}`
  );
}

/** How many documents each route reason sent to review, most frequent first. */
export function reasonTable(rows: readonly DocumentRow[]): string {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const reason of row.reasons ?? []) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  if (counts.size === 0) return '<p class="muted">No document was sent to review.</p>';
  const body = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => `<tr><td class="text">${escapeHtml(reason)}</td><td>${n}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>review reason</th><th>documents</th></tr></thead><tbody>${body}</tbody></table>`;
}
