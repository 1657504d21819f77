import { announce, announceError } from './announce.js';
import { api } from './api.js';
import { h, replace, route, shortcutList } from './dom.js';
import { createFieldList } from './field-list.js';
import { createFindingsPanel, flaggedFields } from './findings-panel.js';
import { fieldLabel, formatConfidence, formatValue, statusLabel, TRANSIENT_STATUSES } from './format.js';
import { createHistoryPanel } from './history-panel.js';
import { describeDocumentUsage } from './llm-usage.js';
import { createPageViewer } from './page-viewer.js';
import { forget, neighbour, recalledQueue } from './queue-state.js';
import { holdReviewTask } from './review-claim.js';
import { createReviewPanel } from './review-panel.js';
import { setKeymap } from './shortcuts.js';
import { createSuggestionList } from './suggestion-list.js';

const REFRESH_MS = 1_500;
/** The resolver runs beside the review: its suggestions may arrive while the document is open. */
const SUGGESTION_POLL_MS = 2_000;
const SUGGESTION_POLLS = 60;
const PENDING_TASK_STATUSES = ['open', 'claimed', 'awaiting_second'];

/** One document beside its pages: fields to check and fix, findings, the decision, the history. */
export async function renderDocumentScreen(main, { id, actor, navigate }) {
  const state = { timer: undefined, suggestionTimer: undefined, hold: undefined, isClosed: false };
  const cleanup = () => {
    state.isClosed = true;
    clearTimeout(state.timer);
    clearTimeout(state.suggestionTimer);
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
  /** Keeps the list of pending changes shown in the history; `quiet` when something else already said it. */
  const noteEdit = (name, value, quiet = false) => {
    const before = formatValue(view.fields?.[name]?.value);
    if (value === before) edits.delete(name);
    else edits.set(name, { before, after: value });
    history.showPending(edits);
    if (quiet) return;
    announce(
      value === before
        ? `${fieldLabel(name)} unchanged.`
        : `${fieldLabel(name)} set to ${value}; it is saved when you approve.`,
    );
  };
  const fields = createFieldList(view, {
    flagged,
    suggested: (view.suggestions ?? []).map((suggestion) => suggestion.field),
    isEditable: canDecide,
    onSelect: (name) => viewer.highlight(name),
    onSaved: (name, value) => noteEdit(name, value),
    onLeave: () => heading.focus(),
  });
  const suggestions = createSuggestionList(task, {
    fields,
    canDecide,
    onAccepted: (name, value) => noteEdit(name, value, true),
    onLeave: () => heading.focus(),
    onSelect: (name) => viewer.highlight(name),
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
    const typed = suggestions.withoutAccepted(corrections);
    const body = Object.keys(typed).length > 0 ? { corrections: typed } : {};
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
      describeDocumentUsage(view.timings)
        ? h('span', { class: 'badge', 'data-testid': 'doc-llm-usage' }, describeDocumentUsage(view.timings))
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
        h(
          'section',
          { class: 'panel', 'aria-label': 'Fields' },
          h('h2', {}, 'Fields'),
          suggestions.element,
          fields.element,
        ),
        history.element,
      ),
    ),
  );
  // The suggestions join the page after the fields exist: accepted ones fill their fields.
  suggestions.add(view.suggestions);
  setKeymap({
    // With the focus on a suggestion, A and D decide it; anywhere else A approves the document.
    a: () => {
      const card = suggestions.focused();
      if (card) void card.accept();
      else approve();
    },
    d: () => {
      const card = suggestions.focused();
      if (card) void card.dismiss();
      else announce('Move to a suggestion first (S).');
    },
    s: () => suggestions.focusNext() || announce('No suggestions waiting for a decision.'),
    r: () => panel.openReject(),
    n: () => goTo(1),
    j: () => goTo(1),
    k: () => goTo(-1),
    f: () => fields.focusNextFlagged() || announce('No flagged fields.'),
    Escape: back,
  });
  heading.focus();
  if (task && PENDING_TASK_STATUSES.includes(task.status) && suggestions.count() === 0)
    followSuggestions(SUGGESTION_POLLS);

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

  /** Shows suggestions that arrive while the document is open, without touching what was typed. */
  function followSuggestions(pollsLeft) {
    if (pollsLeft <= 0 || state.isClosed) return;
    state.suggestionTimer = setTimeout(async () => {
      const latest = await api('GET', `/api/documents/${encodeURIComponent(id)}`).catch(() => undefined);
      const added = latest ? suggestions.add(latest.suggestions) : 0;
      if (added > 0) {
        announce(`${added} suggestion${added === 1 ? '' : 's'} from the exception resolver: S to review.`);
      } else followSuggestions(pollsLeft - 1);
    }, SUGGESTION_POLL_MS);
  }

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
    [['S'], 'next suggestion'],
    [['A', 'D'], 'accept / dismiss the suggestion in focus'],
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
