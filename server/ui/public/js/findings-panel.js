import { h } from './dom.js';
import { fieldLabel } from './format.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** Fields named by rule findings and by routing reasons (`total_amount missing`, `… confidence 0.41 …`). */
export function flaggedFields(view) {
  const flagged = new Map();
  const add = (name, label) => flagged.set(name, [...(flagged.get(name) ?? []), label]);
  for (const finding of view.validation ?? []) if (finding.field) add(finding.field, finding.rule);
  for (const reason of view.review?.reasons ?? []) {
    const match = /^([a-z][a-z0-9_]*) missing$/.exec(reason);
    if (match) add(match[1], 'missing');
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
