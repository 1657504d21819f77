import { h } from './dom.js';
import { formatValue } from './format.js';
import { createSuggestionCard } from './suggestion-card.js';

/**
 * The resolver's suggestions on a document's open task, each beside its field (those with no field input,
 * such as line items, in a list of their own). An accepted value is put into its field at once, so the
 * person sees what approving will record; approving sends it as the accepted suggestion, not as typed.
 */
export function createSuggestionList(task, { fields, canDecide, onAccepted, onLeave, onSelect }) {
  const cards = [];
  const element = h('ul', {
    class: 'suggestions-elsewhere',
    hidden: true,
    'aria-label': 'Other suggestions',
  });
  const accepted = new Map();

  const applyAccepted = (suggestion) => {
    const value = formatValue(suggestion.value);
    accepted.set(suggestion.field, value);
    fields.setValue(suggestion.field, value);
    onAccepted(suggestion.field, value);
  };

  /** Adds suggestions not shown yet; returns how many were new. A dismissed one is not brought back. */
  const add = (suggestions) => {
    let added = 0;
    for (const suggestion of suggestions ?? []) {
      if (suggestion.taskId !== task?.id || suggestion.status === 'dismissed') continue;
      if (cards.some((card) => card.suggestion.id === suggestion.id)) continue;
      const card = createSuggestionCard(suggestion, {
        canDecide,
        onAccepted: applyAccepted,
        onLeave,
      });
      cards.push(card);
      card.element.addEventListener('focus', () => onSelect(suggestion.field));
      if (!fields.attach(suggestion.field, card.element)) {
        element.append(h('li', {}, card.element));
        element.hidden = false;
      }
      // Only on a task this person is deciding: elsewhere the field shows what was recorded, not what was offered.
      if (suggestion.status === 'accepted' && canDecide) applyAccepted(suggestion);
      added += 1;
    }
    return added;
  };

  return {
    element,
    add,
    count: () => cards.length,
    /** The card the focus is in, if any: A and D act on it instead of on the document. */
    focused() {
      const active = document.activeElement;
      return cards.find((card) => card.element === active || card.element.contains(active));
    },
    /** Moves to the next suggestion still waiting for a decision, wrapping around. */
    focusNext() {
      const open = cards.filter((card) => card.suggestion.status === 'pending');
      if (open.length === 0) return false;
      const at = open.indexOf(this.focused());
      open[(at + 1) % open.length].element.focus();
      return true;
    },
    /** Drops from typed corrections those that only repeat an accepted suggestion: the server merges those. */
    withoutAccepted(corrections) {
      return Object.fromEntries(
        Object.entries(corrections).filter(([name, value]) => accepted.get(name) !== String(value)),
      );
    },
  };
}
