import { announce, announceError } from './announce.js';
import { api } from './api.js';
import { h, replace, route, shortcutList } from './dom.js';
import { DOC_TYPES, formatAmount, formatDue, formatSpan, statusLabel } from './format.js';
import { createLlmUsage } from './llm-usage.js';
import { createPendingActions } from './pending-actions.js';
import { rememberQueue } from './queue-state.js';
import { setKeymap } from './shortcuts.js';

const STATUS_CHOICES = [
  ['', 'Open, claimed and awaiting second'],
  ['open', 'Open'],
  ['claimed', 'Claimed'],
  ['awaiting_second', 'Awaiting second approval'],
  ['approved', 'Approved'],
  ['rejected', 'Rejected'],
];
const AGE_CHOICES = [
  ['', 'Any age'],
  ['1', 'Older than 1 hour'],
  ['4', 'Older than 4 hours'],
  ['24', 'Older than 1 day'],
  ['72', 'Older than 3 days'],
];
const FILTERS = ['status', 'type', 'reason', 'olderThanHours'];

/** The review queue: what needs a person, oldest due first, filterable and walkable from the keyboard. */
export async function renderQueueScreen(main, { params, navigate, actor }) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  const filters = renderFilters(query, navigate);
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'queue', 'aria-describedby': 'queue-count' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Document', 'Type', 'Reasons', 'Amount', 'Age', 'Due', 'State', 'Four eyes'].map((title) =>
          h('th', { scope: 'col' }, title),
        ),
      ),
    ),
    body,
  );
  const count = h('p', { id: 'queue-count', class: 'hint' }, 'Loading…');
  const actionsSlot = h('div', {});
  replace(
    main,
    h('h1', {}, 'Review queue'),
    createLlmUsage(),
    filters,
    shortcutList([
      [['J', 'N'], 'next row'],
      [['K'], 'previous row'],
      [['Enter'], 'open'],
      [['P'], 'pending actions'],
      [['A', 'D'], 'approve / dismiss the action in focus'],
    ]),
    actionsSlot,
    count,
    table,
  );

  let tasks = [];
  try {
    tasks = (await api('GET', `/api/review${query.size ? `?${query}` : ''}`)).tasks;
  } catch (caught) {
    count.textContent = 'The queue could not be loaded.';
    announceError(caught);
    return;
  }
  rememberQueue(tasks, query.toString());
  count.textContent =
    tasks.length === 0
      ? 'Nothing waits for review here.'
      : `${tasks.length} task${tasks.length === 1 ? '' : 's'}`;
  replace(body, tasks.map(renderRow));
  const actions = createPendingActions(actor, { tasks });
  replace(actionsSlot, actions.element);

  const links = () => [...body.querySelectorAll('a')];
  const move = (step) => {
    const all = links();
    if (all.length === 0) return;
    const index = all.indexOf(document.activeElement);
    all[Math.min(all.length - 1, Math.max(0, index === -1 ? 0 : index + step))].focus();
  };
  setKeymap({
    j: () => move(1),
    k: () => move(-1),
    n: () => move(1),
    p: () => actions.focusFirst() || announce('No actions wait for you.'),
    // Only ever the action in focus: a key never approves something the person is not looking at.
    a: () => void actions.focused()?.approve(),
    d: () => void actions.focused()?.dismiss(),
  });
}

function renderFilters(query, navigate) {
  const select = (name, label, choices) =>
    h(
      'div',
      { class: 'filter' },
      h('label', { for: `filter-${name}` }, label),
      h(
        'select',
        { id: `filter-${name}`, name },
        choices.map(([value, text]) =>
          h('option', { value, selected: query.get(name) === value || undefined }, text),
        ),
      ),
    );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter the queue' },
    select('status', 'Status', STATUS_CHOICES),
    select('type', 'Type', [['', 'Any type'], ...DOC_TYPES.map((t) => [t, t])]),
    h(
      'div',
      { class: 'filter' },
      h('label', { for: 'filter-reason' }, 'Reason contains'),
      h('input', { id: 'filter-reason', name: 'reason', type: 'search', value: query.get('reason') ?? '' }),
    ),
    select('olderThanHours', 'Age', AGE_CHOICES),
    h('button', { type: 'submit' }, 'Apply'),
  );
  const apply = () => {
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) next.set(name, String(value));
    navigate(`#/queue${next.size ? `?${next}` : ''}`);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) apply();
  });
  return form;
}

function renderRow(task) {
  const fourEyes = task.fourEyes?.required
    ? h(
        'span',
        { class: 'badge four-eyes', title: task.fourEyes.reasons.join('; ') },
        task.status === 'awaiting_second'
          ? `Second approver needed (not ${task.fourEyes.firstApprover})`
          : 'Four eyes',
      )
    : '';
  const state = task.claimedBy
    ? `${statusLabel(task.status)} by ${task.claimedBy}`
    : statusLabel(task.status);
  return h(
    'tr',
    { class: task.overdue ? 'overdue' : undefined, dataset: { taskId: task.id } },
    h('td', {}, h('a', { href: route('documents', task.documentId) }, task.file ?? task.documentId)),
    h('td', {}, task.docType ?? ''),
    h(
      'td',
      {},
      h(
        'ul',
        { class: 'reasons' },
        task.reasons.map((reason) => h('li', {}, reason)),
      ),
    ),
    h('td', { class: 'num' }, formatAmount(task.amount, task.currency)),
    h('td', {}, formatSpan(Date.now() - new Date(task.createdAt).getTime())),
    h('td', { class: task.overdue ? 'overdue-text' : undefined }, formatDue(task)),
    h('td', {}, state),
    h('td', {}, fourEyes),
  );
}
