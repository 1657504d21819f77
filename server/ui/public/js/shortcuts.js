/**
 * One keydown listener for the whole app; each screen sets its own keymap. Letter keys do nothing while the
 * focus is in a text field, so typing a value never approves a document.
 */
let keymap = {};

export function setKeymap(next) {
  keymap = next;
}

export function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function installShortcuts() {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.key !== 'Escape' && isTyping(event.target)) return;
    const handler = keymap[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!handler) return;
    event.preventDefault();
    handler(event);
  });
}
