/**
 * Builds an element. Strings and numbers among the children become text nodes, never markup: document text
 * is hostile, and this is the only way the UI puts text on the screen.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'hidden')
      element[key] = value;
    else if (key.startsWith('on') && typeof value === 'function')
      element.addEventListener(key.slice(2).toLowerCase(), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's content with new children. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A keyboard hint: `<kbd>A</kbd>`. */
export const kbd = (key) => h('kbd', {}, key);

/** A hash link to a screen; path parts are encoded so an id can never leave the route. */
export function route(...parts) {
  return `#/${parts.map((part) => encodeURIComponent(part)).join('/')}`;
}

/** The keys a screen answers to, shown on it: `[[['N', 'J'], 'next'], …]`. */
export function shortcutList(items) {
  return h(
    'ul',
    { class: 'shortcuts', 'aria-label': 'Keyboard shortcuts' },
    items.map(([keys, text]) =>
      h(
        'li',
        {},
        keys.map((key, i) => [i > 0 ? ' / ' : '', kbd(key)]),
        ` ${text}`,
      ),
    ),
  );
}
