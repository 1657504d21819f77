import { announce, announceError } from './announce.js';
import { api } from './api.js';
import { createDecisionButtons } from './decision-buttons.js';
import { h } from './dom.js';
import { fieldLabel, formatValue } from './format.js';

const STATUS_TEXT = { pending: 'Suggested', accepted: 'Accepted', dismissed: 'Dismissed' };

/**
 * One of the exception resolver's suggestions beside its field: the value, the model's one-line rationale
 * (text only: it is model output about document text) and Accept / Dismiss. The card takes the focus, so the
 * keys A and D act on the suggestion a person is looking at. An accepted value goes in when they approve.
 */
export function createSuggestionCard(suggestion, { canDecide, onAccepted, onLeave }) {
  let current = suggestion;
  const label = fieldLabel(suggestion.field);
  const state = h('span', { class: 'badge suggestion-state' });
  const [acceptButton, dismissButton] = createDecisionButtons('Accept', 'accept', decide);
  const element = h(
    'div',
    {
      class: 'suggestion',
      tabindex: '0',
      role: 'group',
      'aria-label': `Suggestion for ${label}`,
      dataset: { suggestionId: suggestion.id, field: suggestion.field },
    },
    h(
      'p',
      { class: 'suggestion-value' },
      state,
      ' ',
      h('strong', { class: 'suggested-value' }, formatValue(suggestion.value)),
    ),
    h('p', { class: 'rationale' }, suggestion.rationale),
    h('div', { class: 'actions' }, acceptButton, dismissButton),
  );
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onLeave();
  });

  const show = () => {
    element.dataset.status = current.status;
    state.textContent = STATUS_TEXT[current.status] ?? current.status;
    const isOpen = current.status === 'pending' && canDecide;
    acceptButton.hidden = !isOpen;
    dismissButton.hidden = !isOpen;
  };
  let isBusy = false;
  async function decide(decision) {
    if (current.status !== 'pending') {
      announce(`The suggestion for ${label} is already ${current.status}.`);
      return;
    }
    if (!canDecide || isBusy) return;
    isBusy = true;
    try {
      current = await api('POST', `/api/suggestions/${encodeURIComponent(current.id)}/${decision}`);
      show();
      element.focus();
      if (current.status === 'accepted') {
        onAccepted(current);
        announce(`Accepted: ${label} ${formatValue(current.value)}; it goes in when you approve.`);
      } else announce(`Dismissed the suggestion for ${label}.`);
    } catch (caught) {
      announceError(caught);
    } finally {
      isBusy = false;
    }
  }
  show();
  return {
    element,
    get suggestion() {
      return current;
    },
    accept: () => decide('accept'),
    dismiss: () => decide('dismiss'),
  };
}
