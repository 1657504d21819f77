import { h, replace } from './dom.js';
import { checkValue, formatOf } from './field-formats.js';
import { fieldLabel, formatConfidence, formatValue } from './format.js';

const LOW_CONFIDENCE = 0.8;

/**
 * The extracted fields as a form: one input each, with its confidence and why it is flagged. Enter saves a
 * field (the saved values go with the approval) and moves on; Escape leaves the field.
 */
export function createFieldList(view, { flagged, suggested = [], isEditable, onSelect, onSaved, onLeave }) {
  const fields = view.fields ?? {};
  // In reading order on the page, so Tab moves the way the eye does; fields without a place come last.
  const names = Object.keys(fields)
    .filter((name) => name !== 'line_items')
    .sort((a, b) => compareByPlace(fields[a], fields[b]) || a.localeCompare(b));
  // A field a rule, a reason or a suggestion names but extraction did not find still gets an input.
  for (const name of [...flagged.keys(), ...suggested]) {
    if (!(name in fields) && name !== 'line_items' && !names.includes(name)) names.push(name);
  }
  const rows = new Map();
  let lastSelected;
  const element = h('form', { class: 'fields', 'aria-label': 'Extracted fields', novalidate: true });
  element.addEventListener('submit', (event) => event.preventDefault());

  for (const name of names) {
    const row = createRow(name, fields[name], flagged.get(name) ?? [], isEditable);
    rows.set(name, row);
    element.append(row.element);
    row.input.addEventListener('focus', () => {
      lastSelected = name;
      onSelect(name);
    });
    row.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        if (row.save()) {
          onSaved(name, row.input.value.trim());
          focusAfter(name);
        }
      } else if (event.key === 'Escape') {
        event.preventDefault();
        row.revert();
        onLeave();
      }
    });
  }
  if (Array.isArray(fields.line_items?.value)) element.append(renderLineItems(fields.line_items.value));

  const order = () => [...rows.keys()];
  // After a save the next field to look at is the next flagged one; with none left, simply the next one.
  const focusAfter = (name) => {
    const later = order().slice(order().indexOf(name) + 1);
    const next = later.find((n) => flagged.has(n)) ?? later[0];
    if (next) rows.get(next).input.focus();
  };

  return {
    element,
    names: order,
    focusField(name) {
      rows.get(name)?.input.focus();
    },
    /** Moves to the next flagged field after the one last selected, wrapping around. */
    focusNextFlagged() {
      const flaggedNames = order().filter((name) => flagged.has(name));
      if (flaggedNames.length === 0) return false;
      const current = lastSelected;
      const after = flaggedNames.find((name) => order().indexOf(name) > order().indexOf(current));
      rows.get(after ?? flaggedNames[0]).input.focus();
      return true;
    },
    /** Every changed value, saved with Enter or not; the ones that cannot be right are listed apart. */
    collectCorrections() {
      const corrections = {};
      const invalid = [];
      for (const [name, row] of rows) {
        if (!row.isChanged()) continue;
        const problem = checkValue(name, row.input.value);
        if (problem) invalid.push({ name, message: `${fieldLabel(name)}: ${problem}` });
        else corrections[name] = row.correctedValue();
      }
      return { corrections, invalid };
    },
    showError(name, message) {
      rows.get(name)?.showError(message);
    },
    /** Puts something beside a field (a suggestion); false when there is no such field. */
    attach(name, element) {
      const row = rows.get(name);
      row?.element.append(element);
      return Boolean(row);
    },
    /** Sets a field as if typed and saved with Enter (an accepted suggestion); false when it cannot be. */
    setValue(name, value) {
      const row = rows.get(name);
      if (!row) return false;
      row.input.value = value;
      return row.save();
    },
  };
}

function createRow(name, field, flags, isEditable) {
  const id = `field-${name}`;
  const original = field ? formatValue(field.value) : '';
  let saved = original;
  const confidence = field?.confidence;
  const isLow = typeof confidence === 'number' && confidence < LOW_CONFIDENCE;
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  const hint = h(
    'p',
    { id: `${id}-hint`, class: 'hint' },
    field?.source?.text ? `Read as “${field.source.text}”. ` : field ? '' : 'Not found on the document. ',
    formatOf(name) ? h('span', { class: 'format-hint' }, formatOf(name).hint) : '',
  );
  const input = h('input', {
    id,
    name,
    value: original,
    autocomplete: 'off',
    spellcheck: 'false',
    readonly: isEditable ? undefined : true,
    'aria-describedby': `${id}-flags ${id}-hint ${id}-error`,
  });
  const status = h('span', { class: 'edited-mark', hidden: true }, 'Edited');
  const markers = h(
    'span',
    { id: `${id}-flags`, class: 'markers' },
    field
      ? h(
          'span',
          { class: isLow ? 'badge low' : 'badge' },
          isLow
            ? `Low confidence ${formatConfidence(confidence)}`
            : `Confidence ${formatConfidence(confidence)}`,
        )
      : h('span', { class: 'badge finding' }, 'Not found'),
    flags.map((flag) => h('span', { class: 'badge finding' }, flag)),
    status,
  );
  const element = h(
    'div',
    { class: flags.length > 0 || isLow ? 'field is-flagged' : 'field', dataset: { field: name } },
    h('label', { for: id }, fieldLabel(name)),
    markers,
    input,
    hint,
    error,
  );
  const showError = (message) => {
    error.textContent = message ?? '';
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  return {
    element,
    input,
    showError,
    isChanged: () => input.value.trim() !== original,
    correctedValue: () => {
      const value = input.value.trim();
      return typeof field?.value === 'number' && Number.isFinite(Number(value)) ? Number(value) : value;
    },
    save() {
      const problem = input.value.trim() === original ? undefined : checkValue(name, input.value);
      showError(problem);
      if (problem) return false;
      saved = input.value.trim();
      status.hidden = saved === original;
      element.classList.toggle('is-edited', saved !== original);
      return true;
    },
    revert() {
      input.value = saved;
      showError(undefined);
    },
  };
}

function renderLineItems(rows) {
  const columns = ['description', 'quantity', 'unit_price', 'amount'];
  const table = h(
    'table',
    { class: 'line-items' },
    h('caption', {}, 'Line items'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((c) => h('th', { scope: 'col' }, fieldLabel(c))),
      ),
    ),
  );
  const body = h('tbody');
  replace(
    body,
    rows.map((row) =>
      h(
        'tr',
        {},
        columns.map((c) =>
          h('td', { class: c === 'description' ? undefined : 'num' }, formatValue(row?.[c])),
        ),
      ),
    ),
  );
  table.append(body);
  return table;
}

function compareByPlace(a, b) {
  const place = (field) => {
    const bbox = field?.source?.bbox;
    return Array.isArray(bbox)
      ? [field.source.page ?? 1, bbox[1], bbox[0]]
      : [Number.POSITIVE_INFINITY, 0, 0];
  };
  const [pa, ya, xa] = place(a);
  const [pb, yb, xb] = place(b);
  if (pa !== pb) return pa - pb;
  // Values on one printed line (tops within a line's height) read left to right.
  if (Math.abs(ya - yb) > 0.008) return ya - yb;
  return xa - xb;
}
