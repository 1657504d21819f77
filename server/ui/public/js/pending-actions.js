import { announce, announceError } from './announce.js';
import { api } from './api.js';
import { createDecisionButtons } from './decision-buttons.js';
import { h, replace, route } from './dom.js';
import { formatSpan, statusLabel } from './format.js';

const ROLES = ['viewer', 'clerk', 'reviewer', 'approver', 'admin'];
const mayApprove = (actor, action) =>
  ROLES.indexOf(actor.role) >= ROLES.indexOf(action.neededRole ?? 'admin');
const MAX_VALUE_CHARS = 80;

/**
 * Writes the copilot was asked for and that wait for a person: only those this person's role may run. Each
 * says what it would do, for whom, and why; Approve runs it as this person (the server checks everything the
 * tool checks), Dismiss drops it. A and D act on the action in focus.
 */
export function createPendingActions(actor, { tasks }) {
  const list = h('ol', {});
  const element = h(
    'section',
    { class: 'panel pending-actions', 'aria-labelledby': 'pending-actions-title', hidden: true },
    h('h2', { id: 'pending-actions-title' }, 'Waiting for your approval: requests to the copilot'),
    list,
  );
  const items = [];
  const taskById = new Map(tasks.map((task) => [task.id, task]));

  api('GET', '/api/actions').then(
    ({ actions }) => {
      for (const action of actions.filter((a) => mayApprove(actor, a))) {
        const item = createItem(action, taskById);
        items.push(item);
        list.append(item.element);
      }
      element.hidden = items.length === 0;
      element.dataset.loaded = 'true';
    },
    (caught) => announceError(caught),
  );

  return {
    element,
    focused() {
      const active = document.activeElement;
      return items.find((item) => item.element === active || item.element.contains(active));
    },
    focusFirst() {
      const open = items.find((item) => item.isOpen());
      open?.element.focus();
      return Boolean(open);
    },
  };
}

function createItem(action, taskById) {
  let current = action;
  const outcome = h('p', { class: 'outcome', role: 'status' });
  const [approveButton, dismissButton] = createDecisionButtons('Approve', 'approve', decide);
  const element = h(
    'li',
    {
      class: 'pending-action',
      tabindex: '0',
      'aria-label': `${action.tool} asked by ${action.requestedBy}`,
      dataset: { actionId: action.id },
    },
    h(
      'p',
      {},
      h('strong', {}, action.tool),
      ` · asked by ${action.requestedBy} through the ${action.proposedBy}, `,
      `${formatSpan(Date.now() - new Date(action.createdAt).getTime())} ago`,
    ),
    h('p', { class: 'summary' }, summarise(action.input, taskById)),
    h('p', { class: 'hint' }, action.rationale),
    h('div', { class: 'actions' }, approveButton, dismissButton),
    outcome,
  );
  let isBusy = false;
  async function decide(decision) {
    if (current.status !== 'pending') {
      announce(`This action was already ${current.status}.`);
      return;
    }
    if (isBusy) return;
    isBusy = true;
    try {
      current = await api('POST', `/api/actions/${encodeURIComponent(current.id)}/${decision}`);
      approveButton.hidden = true;
      dismissButton.hidden = true;
      outcome.textContent = describeOutcome(current);
      outcome.classList.toggle('error', current.status === 'failed');
      element.focus();
      announce(describeOutcome(current), { isError: current.status === 'failed' });
    } catch (caught) {
      announceError(caught);
    } finally {
      isBusy = false;
    }
  }
  return {
    element,
    isOpen: () => current.status === 'pending',
    approve: () => decide('approve'),
    dismiss: () => decide('dismiss'),
  };
}

/** The input in a line: the task an id names by its file, other values short. */
function summarise(input, taskById) {
  const parts = Object.entries(input ?? {}).map(([key, value]) => {
    const task = typeof value === 'string' ? taskById.get(value) : undefined;
    if (task) {
      return [
        `${key}: `,
        h('a', { href: route('documents', task.documentId) }, task.file ?? task.documentId),
      ];
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `${key}: ${text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text}`;
  });
  const line = h('span', {});
  replace(
    line,
    parts.map((part, i) => [i > 0 ? ' · ' : '', part]),
  );
  return line;
}

function describeOutcome(action) {
  if (action.status === 'dismissed') return `Dismissed by ${action.decidedBy}.`;
  if (action.status === 'failed') {
    return `Approved by ${action.decidedBy}, but ${action.tool} failed: ${action.result?.error?.message ?? 'no reason given'}.`;
  }
  const status = action.result?.document?.status ?? action.result?.status;
  return `Approved by ${action.decidedBy}: ${action.tool} ran${status ? `; the document is ${statusLabel(status).toLowerCase()}` : ''}.`;
}
