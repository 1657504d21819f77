import type { DocTypeScores } from '../eval-report.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The document-type confusion matrix as an HTML table whose cells are shaded by their share of the row
 * (expected type): a perfect classifier is a dark diagonal.
 */
export function confusionHeatTable(docTypes: DocTypeScores): string {
  const expected = Object.keys(docTypes.confusion).sort();
  if (expected.length === 0) return '<p class="muted">No document of the set has a labelled type.</p>';
  const predicted = [
    ...new Set([...expected, ...Object.values(docTypes.confusion).flatMap((row) => Object.keys(row))]),
  ].sort();
  const head = predicted.map((type) => `<th scope="col">${escapeHtml(type)}</th>`).join('');
  const body = expected
    .map((type) => {
      const row = docTypes.confusion[type] ?? {};
      const total = Object.values(row).reduce((sum, n) => sum + n, 0);
      const cells = predicted
        .map((guess) => {
          const count = row[guess] ?? 0;
          const share = total === 0 ? 0 : count / total;
          const tone = guess === type ? '37, 99, 235' : '220, 38, 38';
          const style =
            count === 0 ? '' : ` style="background: rgba(${tone}, ${(0.12 + 0.78 * share).toFixed(2)})"`;
          const ink = share > 0.55 ? ' class="ink"' : '';
          return `<td${style}${ink}>${count === 0 ? '' : count}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(type)}</th>${cells}</tr>`;
    })
    .join('');
  return (
    `<table class="heat"><thead><tr><th class="corner">expected ↓ · predicted →</th>${head}</tr></thead>` +
    `<tbody>${body}</tbody></table>`
  );
}
