import { h } from './dom.js';
import { fieldLabel } from './format.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

const LOW_CONFIDENCE = 0.8;

/**
 * The fields a reviewer should look at, each with the rules that name it: fields named by findings (a missing
 * required field among them), fields read with low confidence (no label: their confidence says why), and
 * fields a routing reason holds to a higher bar (`low_confidence: total_amount at 0.91, below 0.95`).
 */
export function flaggedFields(view) {
  const flagged = new Map();
  const add = (name, label) => {
    const labels = flagged.get(name) ?? [];
    if (label && !labels.includes(label)) labels.push(label);
    flagged.set(name, labels);
  };
  const fields = view.fields ?? {};
  for (const finding of view.validation ?? []) if (finding.field) add(finding.field, finding.rule);
  for (const reason of view.review?.reasons ?? []) {
    // Rule reasons are findings already; a low-confidence reason can name a field with its own, higher bar.
    const low = /^low_confidence: ([a-z][a-z0-9_]*)\b/.exec(reason);
    if (low && low[1] in fields)
      add(low[1], (fields[low[1]].confidence ?? 0) < LOW_CONFIDENCE ? undefined : 'below threshold');
  }
  for (const [name, field] of Object.entries(fields)) {
    if (name !== 'line_items' && typeof field.confidence === 'number' && field.confidence < LOW_CONFIDENCE)
      add(name, undefined);
  }
  return flagged;
}

/** Rule findings, worst first, each a way to its field; then the reasons the document came to review. */
export function createFindingsPanel(view, { onGoToField }) {
  const findings = [...(view.validation ?? [])].sort(
    (a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
  );
  const reasons = view.review?.reasons ?? [];
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, 'Findings'),
    findings.length === 0
      ? h('p', { class: 'hint' }, 'No rule found a problem.')
      : h(
          'ul',
          { class: 'findings' },
          findings.map((finding) =>
            h(
              'li',
              { class: `finding severity-${finding.severity}` },
              h('span', { class: `badge severity-${finding.severity}` }, finding.severity),
              ' ',
              h('code', {}, finding.rule),
              ' ',
              finding.message,
              finding.field
                ? h(
                    'button',
                    { type: 'button', class: 'link-button', onclick: () => onGoToField(finding.field) },
                    `Go to ${fieldLabel(finding.field)}`,
                  )
                : '',
            ),
          ),
        ),
    reasons.length > 0
      ? [
          h('h3', {}, 'Why it needs review'),
          h(
            'ul',
            { class: 'reasons' },
            reasons.map((reason) => h('li', {}, reason)),
          ),
        ]
      : '',
  );
}
