import { announceError } from './announce.js';
import { api } from './api.js';
import { h, replace, route } from './dom.js';
import { formatDateTime, STATUS_LABELS, statusLabel, TRANSIENT_STATUSES } from './format.js';
import { setKeymap } from './shortcuts.js';

const DOCUMENT_STATUSES = [
  'received',
  'parsing',
  'extracting',
  'auto_approved',
  'needs_review',
  'approved',
  'rejected',
  'exported',
  'failed',
];
const REFRESH_MS = 2_000;

/** Every document, newest first: search by file name or extracted value, filter by status. */
export async function renderDocumentsScreen(main, { params, navigate }) {
  const query = new URLSearchParams();
  for (const name of ['q', 'status']) if (params.get(name)) query.set(name, params.get(name));
  const search = h('input', { id: 'documents-q', name: 'q', type: 'search', value: query.get('q') ?? '' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Search documents' },
    h('div', { class: 'filter' }, h('label', { for: 'documents-q' }, 'Search file names and values'), search),
    h(
      'div',
      { class: 'filter' },
      h('label', { for: 'documents-status' }, 'Status'),
      h(
        'select',
        { id: 'documents-status', name: 'status' },
        h('option', { value: '' }, 'Any status'),
        DOCUMENT_STATUSES.map((s) =>
          h('option', { value: s, selected: query.get('status') === s || undefined }, STATUS_LABELS[s]),
        ),
      ),
    ),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) next.set(name, String(value));
    navigate(`#/documents${next.size ? `?${next}` : ''}`);
  });
  const body = h('tbody');
  const count = h('p', { class: 'hint', id: 'documents-count' }, 'Loading…');
  replace(
    main,
    h('h1', {}, 'Documents'),
    form,
    count,
    h(
      'table',
      { class: 'documents', 'aria-describedby': 'documents-count' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['File', 'Status', 'Type', 'Pages', 'Uploaded', 'Problem'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      body,
    ),
  );
  setKeymap({ '/': () => search.focus() });

  let timer;
  const load = async () => {
    try {
      const { documents } = await api('GET', `/api/documents${query.size ? `?${query}` : ''}`);
      count.textContent = documents.length === 0 ? 'No documents match.' : `${documents.length} shown`;
      replace(body, documents.map(renderRow));
      // Documents still being read are refreshed until they settle.
      if (documents.some((d) => TRANSIENT_STATUSES.includes(d.status))) timer = setTimeout(load, REFRESH_MS);
    } catch (caught) {
      count.textContent = 'The documents could not be loaded.';
      announceError(caught);
    }
  };
  await load();
  return () => clearTimeout(timer);
}

function renderRow(document) {
  return h(
    'tr',
    {},
    h('td', {}, h('a', { href: route('documents', document.id) }, document.file)),
    h('td', {}, h('span', { class: `badge status-${document.status}` }, statusLabel(document.status))),
    h('td', {}, document.docType ?? ''),
    h('td', { class: 'num' }, document.pageCount ?? ''),
    h('td', {}, formatDateTime(document.createdAt)),
    h('td', {}, document.error ? `${document.error.code}: ${document.error.message}` : ''),
  );
}
