import { api } from './api.js';
import { h, replace } from './dom.js';
import { fieldLabel, formatDateTime, formatValue } from './format.js';

/** Corrections made so far (saved and still pending), export deliveries and the document's audit trail. */
export function createHistoryPanel(view, { onRetryExport } = {}) {
  const pending = h('ul', { class: 'corrections pending', 'aria-label': 'Edits not yet approved' });
  const saved = view.review?.corrections ?? [];
  const audit = h('ol', { class: 'audit' }, h('li', { class: 'hint' }, 'Loading…'));
  const element = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Corrections and history'),
    h('h3', {}, 'Corrections'),
    pending,
    saved.length === 0
      ? h('p', { class: 'hint' }, 'No corrections saved yet.')
      : h(
          'ul',
          { class: 'corrections' },
          saved.map((c) =>
            h(
              'li',
              {},
              `${fieldLabel(c.field)}: ${formatValue(c.before) || '(none)'} → ${formatValue(c.after)}`,
              h(
                'span',
                { class: 'hint' },
                ` · ${c.actor}, ${formatDateTime(c.at)}${c.reason ? ` · ${c.reason}` : ''}`,
              ),
            ),
          ),
        ),
    renderExports(view.exports ?? [], onRetryExport),
    h('h3', {}, 'Audit trail'),
    audit,
  );
  void api('GET', `/api/audit?documentId=${encodeURIComponent(view.id)}`).then(
    ({ entries }) =>
      replace(
        audit,
        entries.length === 0
          ? h('li', { class: 'hint' }, 'Nothing recorded yet.')
          : entries.map((entry) =>
              h(
                'li',
                {},
                h('span', { class: 'hint' }, `${formatDateTime(entry.at)} · `),
                `${entry.actor}: ${entry.action}`,
                summarize(entry.details),
              ),
            ),
      ),
    (error) => replace(audit, h('li', { class: 'hint' }, `History not available: ${error.message}`)),
  );
  return {
    element,
    /** Shows the edits saved with Enter that the approval will carry. */
    showPending(edits) {
      replace(
        pending,
        [...edits].map(([field, { before, after }]) =>
          h(
            'li',
            {},
            `${fieldLabel(field)}: ${before || '(none)'} → ${after}`,
            h('span', { class: 'hint' }, ' · not yet approved'),
          ),
        ),
      );
    },
  };
}

function renderExports(exports, onRetryExport) {
  if (exports.length === 0) return '';
  const hasFailed = exports.some((e) => e.status === 'failed');
  return [
    h('h3', {}, 'Exports'),
    h(
      'ul',
      { class: 'exports' },
      exports.map((e) =>
        h(
          'li',
          {},
          `${e.target}: ${e.status}`,
          e.deliveredAt ? ` ${formatDateTime(e.deliveredAt)}` : '',
          e.attempts ? ` · ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}` : '',
          e.lastError ? ` · ${e.lastError}` : '',
        ),
      ),
    ),
    hasFailed && onRetryExport ? h('button', { type: 'button', onclick: onRetryExport }, 'Retry export') : '',
  ];
}

function summarize(details) {
  if (!details || typeof details !== 'object') return '';
  const parts = Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== null && typeof value !== 'object')
    .slice(0, 4)
    .map(
      ([key, value]) =>
        `${key} ${typeof value === 'number' && !Number.isInteger(value) ? Math.round(value) : value}`,
    );
  return parts.length ? ` (${parts.join(', ')})` : '';
}
