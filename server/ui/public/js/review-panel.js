import { h, kbd } from './dom.js';
import { formatDue, statusLabel } from './format.js';

/** Who may decide, and what the four-eyes rule still needs, in words. */
export function describeFourEyes(task, actor) {
  const fourEyes = task.fourEyes;
  if (!fourEyes?.required) return undefined;
  const why = fourEyes.reasons?.length ? ` (${fourEyes.reasons.join('; ')})` : '';
  if (task.status === 'awaiting_second') {
    const self = fourEyes.firstApprover === actor.name ? ' You gave the first approval.' : '';
    return `Needs a second approval by an approver other than ${fourEyes.firstApprover}${why}.${self}`;
  }
  if (task.status === 'approved')
    return `Approved by two people: ${fourEyes.firstApprover} and ${task.decidedBy}.`;
  return `Four eyes: needs approvals from two different people, the second an approver${why}.`;
}

/** The task's state and the decision buttons, each with its key. */
export function createReviewPanel({
  task,
  actor,
  claimMessage,
  canDecide,
  onApprove,
  onReject,
  onNext,
  onPrevious,
}) {
  const reason = h('input', { id: 'reject-reason', name: 'reason', autocomplete: 'off', required: true });
  const rejectForm = h(
    'form',
    { class: 'reject-form', hidden: true },
    h('label', { for: 'reject-reason' }, 'Reason for rejecting'),
    reason,
    h('p', { class: 'hint' }, kbd('Enter'), ' reject · ', kbd('Esc'), ' cancel'),
    h('button', { type: 'submit', class: 'danger' }, 'Reject document'),
  );
  const closeReject = () => {
    rejectForm.hidden = true;
    reason.value = '';
  };
  rejectForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (reason.value.trim() === '') {
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    onReject(reason.value.trim());
  });
  reason.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    closeReject();
    rejectButton.focus();
  });

  const fourEyes = task && describeFourEyes(task, actor);
  const approveButton = h(
    'button',
    { type: 'button', class: 'primary', disabled: !canDecide, onclick: onApprove, 'aria-keyshortcuts': 'A' },
    'Approve ',
    kbd('A'),
  );
  const rejectButton = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      disabled: !canDecide,
      'aria-keyshortcuts': 'R',
      onclick: () => open(),
    },
    'Reject ',
    kbd('R'),
  );
  const open = () => {
    if (!canDecide) return;
    rejectForm.hidden = false;
    reason.focus();
  };
  const element = h(
    'section',
    { class: 'panel review-panel', 'aria-labelledby': 'review-title' },
    h('h2', { id: 'review-title' }, 'Decision'),
    task
      ? h(
          'p',
          { 'data-testid': 'task-state' },
          task.status === 'claimed' && task.claimedBy
            ? `Claimed by ${task.claimedBy === actor.name ? 'you' : task.claimedBy}`
            : statusLabel(task.status),
          task.dueAt && !task.decidedAt ? ` · ${formatDue(task)}` : '',
          task.decidedBy ? ` · decided by ${task.decidedBy}` : '',
          task.decisionReason ? `: ${task.decisionReason}` : '',
        )
      : h('p', {}, 'No review task: this document did not need a person.'),
    fourEyes ? h('p', { class: 'four-eyes-state', 'data-testid': 'four-eyes' }, fourEyes) : '',
    claimMessage ? h('p', { class: 'notice' }, claimMessage) : '',
    h(
      'div',
      { class: 'actions' },
      approveButton,
      rejectButton,
      h('button', { type: 'button', onclick: onNext, 'aria-keyshortcuts': 'N J' }, 'Next ', kbd('N')),
      h('button', { type: 'button', onclick: onPrevious, 'aria-keyshortcuts': 'K' }, 'Previous ', kbd('K')),
    ),
    rejectForm,
  );
  return {
    element,
    openReject: open,
    setBusy(isBusy) {
      approveButton.disabled = isBusy || !canDecide;
      rejectButton.disabled = isBusy || !canDecide;
    },
  };
}
