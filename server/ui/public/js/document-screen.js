import { announce, announceError } from './announce.js';
import { api } from './api.js';
import { h, replace, route, shortcutList } from './dom.js';
import { createFieldList } from './field-list.js';
import { createFindingsPanel, flaggedFields } from './findings-panel.js';
import { fieldLabel, formatConfidence, formatValue, statusLabel, TRANSIENT_STATUSES } from './format.js';
import { createHistoryPanel } from './history-panel.js';
import { createPageViewer } from './page-viewer.js';
import { forget, neighbour, recalledQueue } from './queue-state.js';
import { holdReviewTask } from './review-claim.js';
import { createReviewPanel } from './review-panel.js';
import { setKeymap } from './shortcuts.js';

const REFRESH_MS = 1_500;

/** One document beside its pages: fields to check and fix, findings, the decision, the history. */
export async function renderDocumentScreen(main, { id, actor, navigate }) {
  const state = { timer: undefined, hold: undefined };
  const cleanup = () => {
    clearTimeout(state.timer);
    state.hold?.stop();
  };
  replace(main, h('p', {}, 'Loading…'));
  let view;
  try {
    view = await api('GET', `/api/documents/${encodeURIComponent(id)}`);
  } catch (caught) {
    replace(main, h('h1', {}, 'Document not available'), h('p', {}, caught.message), backLink());
    setKeymap({ Escape: back });
    return cleanup;
  }

  const task = view.review && { ...view.review, id: view.review.taskId ?? view.review.id };
  state.hold = await holdReviewTask(task, actor);
  const { canDecide } = state.hold;

  const flagged = flaggedFields(view);
  const edits = new Map();
  const heading = h('h1', { tabindex: '-1', class: 'doc-title' }, view.file);
  const canExport = actor.role === 'approver' || actor.role === 'admin';
  const history = createHistoryPanel(view, {
    onRetryExport: canExport
      ? () =>
          api('POST', `/api/documents/${encodeURIComponent(view.id)}/export`).then(() => {
            announce(`Export of ${view.file} started again.`);
            navigate(route('documents', view.id));
          }, announceError)
      : undefined,
  });
  const viewer = createPageViewer(view, { flagged, onBoxClick: (name) => fields.focusField(name) });
  const fields = createFieldList(view, {
    flagged,
    isEditable: canDecide,
    onSelect: (name) => viewer.highlight(name),
    onSaved: (name, value) => {
      const before = formatValue(view.fields?.[name]?.value);
      if (value === before) edits.delete(name);
      else edits.set(name, { before, after: value });
      history.showPending(edits);
      announce(
        value === before
          ? `${fieldLabel(name)} unchanged.`
          : `${fieldLabel(name)} set to ${value}; it is saved when you approve.`,
      );
    },
    onLeave: () => heading.focus(),
  });

  const goTo = (step) => {
    const next = neighbour(view.id, step);
    if (next && next !== view.id) navigate(route('documents', next));
    else {
      announce(step > 0 ? 'No more tasks in this queue.' : 'This is the first task.');
      if (step > 0) back();
    }
  };
  const decide = async (path, body, describe) => {
    panel.setBusy(true);
    try {
      const result = await api('POST', `/api/review/${encodeURIComponent(task.id)}/${path}`, body);
      state.hold.markDecided();
      announce(describe(result));
      const next = neighbour(view.id, 1);
      forget(view.id);
      navigate(next && next !== view.id ? route('documents', next) : route('documents', view.id));
    } catch (caught) {
      showDecisionError(caught, fields);
      panel.setBusy(false);
    }
  };
  const approve = () => {
    if (!canDecide) return;
    const { corrections, invalid } = fields.collectCorrections();
    if (invalid.length > 0) {
      for (const problem of invalid) fields.showError(problem.name, problem.message);
      fields.focusField(invalid[0].name);
      announce(invalid[0].message, { isError: true });
      return;
    }
    const body = Object.keys(corrections).length > 0 ? { corrections } : {};
    void decide('approve', body, ({ task: decided }) =>
      decided.status === 'awaiting_second'
        ? `First approval recorded for ${view.file}. Needs a second approval by an approver other than ${actor.name}.`
        : `Approved ${view.file}.`,
    );
  };
  const panel = createReviewPanel({
    task,
    actor,
    claimMessage: state.hold.message,
    canDecide,
    onApprove: approve,
    onReject: (reason) => void decide('reject', { reason }, () => `Rejected ${view.file}.`),
    onNext: () => goTo(1),
    onPrevious: () => goTo(-1),
  });

  replace(
    main,
    h(
      'div',
      { class: 'doc-header' },
      backLink(),
      heading,
      h(
        'span',
        { class: `badge status-${view.status}`, 'data-testid': 'doc-status' },
        statusLabel(view.status),
      ),
      view.docType
        ? h('span', { class: 'badge' }, `${view.docType} · ${formatConfidence(view.docTypeConfidence)}`)
        : '',
    ),
    view.error ? h('p', { class: 'error' }, `${view.error.code}: ${view.error.message}`) : '',
    renderShortcuts(),
    h(
      'div',
      { class: 'doc-layout' },
      viewer.element,
      h(
        'div',
        { class: 'side' },
        panel.element,
        createFindingsPanel(view, { onGoToField: (name) => fields.focusField(name) }),
        h('section', { class: 'panel', 'aria-label': 'Fields' }, h('h2', {}, 'Fields'), fields.element),
        history.element,
      ),
    ),
  );
  setKeymap({
    a: approve,
    r: () => panel.openReject(),
    n: () => goTo(1),
    j: () => goTo(1),
    k: () => goTo(-1),
    f: () => fields.focusNextFlagged() || announce('No flagged fields.'),
    Escape: back,
  });
  heading.focus();

  // While the pipeline is still working on the document (reading, or exporting after approval), follow it.
  const isMoving =
    TRANSIENT_STATUSES.includes(view.status) ||
    view.status === 'approved' ||
    (view.exports ?? []).some((e) => e.status === 'pending');
  if (isMoving && !canDecide) {
    state.timer = setTimeout(async function refresh() {
      const latest = await api('GET', `/api/documents/${encodeURIComponent(id)}`).catch(() => undefined);
      if (
        latest &&
        (latest.status !== view.status || JSON.stringify(latest.exports) !== JSON.stringify(view.exports))
      )
        navigate(route('documents', view.id));
      else state.timer = setTimeout(refresh, REFRESH_MS);
    }, REFRESH_MS);
  }
  return cleanup;

  function back() {
    const { query } = recalledQueue();
    navigate(`#/queue${query ? `?${query}` : ''}`);
  }
}

function backLink() {
  const { query } = recalledQueue();
  return h('a', { href: `#/queue${query ? `?${query}` : ''}`, class: 'back' }, '← Queue (Esc)');
}

function renderShortcuts() {
  return shortcutList([
    [['A'], 'approve'],
    [['R'], 'reject'],
    [['N', 'J'], 'next'],
    [['K'], 'previous'],
    [['F'], 'next flagged field'],
    [['Tab', 'Shift+Tab'], 'fields'],
    [['Enter'], 'save field, go to next flagged'],
    [['Esc'], 'leave field / back'],
  ]);
}

/** A refused decision names its problem; when it names a field, the message goes beside that field too. */
function showDecisionError(caught, fields) {
  announceError(caught);
  if (caught.code !== 'VALIDATION_FAILED') return;
  const named = fields.names().find((name) => new RegExp(`\\b${name}\\b`).test(caught.message ?? ''));
  if (!named) return;
  fields.showError(named, caught.message);
  fields.focusField(named);
}
