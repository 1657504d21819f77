import { announce } from './announce.js';
import { api, whenSessionEnds } from './api.js';
import { renderDocumentScreen } from './document-screen.js';
import { renderDocumentsScreen } from './documents-screen.js';
import { h, replace } from './dom.js';
import { renderLoginScreen } from './login-screen.js';
import { renderQueueScreen } from './queue-screen.js';
import { installShortcuts, setKeymap } from './shortcuts.js';
import { renderUploadScreen } from './upload-screen.js';

/** Hash routes: `#/queue?…`, `#/documents?…`, `#/documents/<id>`, `#/upload`, `#/login`. */
const SCREENS = [
  { pattern: /^\/queue$/, render: renderQueueScreen, nav: 'queue' },
  { pattern: /^\/documents$/, render: renderDocumentsScreen, nav: 'documents' },
  { pattern: /^\/documents\/([^/]+)$/, render: renderDocumentScreen, nav: 'queue' },
  { pattern: /^\/upload$/, render: renderUploadScreen, nav: 'upload' },
];

const app = { actor: undefined, cleanup: () => {}, asked: 0, shown: 0 };

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/queue';
  const [path, query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query) };
}

export function navigate(hash) {
  if (location.hash === hash) void show();
  else location.hash = hash;
}

async function show() {
  const turn = ++app.asked;
  app.cleanup();
  app.cleanup = () => {};
  setKeymap({});
  const main = document.getElementById('main');
  if (!app.actor) {
    renderHeader();
    app.cleanup = renderLoginScreen(main, { onLoggedIn }) ?? (() => {});
    app.shown = turn;
    return;
  }
  const { path, params } = parseHash();
  const screen = SCREENS.find((s) => s.pattern.test(path));
  if (!screen) {
    navigate('#/queue');
    return;
  }
  renderHeader(screen.nav);
  const [, id] = screen.pattern.exec(path) ?? [];
  const context = { actor: app.actor, params, id: id && decodeURIComponent(id), navigate };
  const cleanup = (await screen.render(main, context)) ?? (() => {});
  if (turn !== app.asked) {
    // Another screen was asked for while this one loaded: this one steps aside, and when the newer one
    // finished first (and was drawn over), it is drawn again.
    cleanup();
    if (app.shown > turn) void show();
    return;
  }
  app.shown = turn;
  app.cleanup = cleanup;
}

function renderHeader(current) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  nav.hidden = !app.actor;
  if (!app.actor) {
    replace(nav);
    replace(who);
    return;
  }
  const link = (key, href, label) =>
    h('a', { href, 'aria-current': current === key ? 'page' : undefined }, label);
  replace(
    nav,
    link('queue', '#/queue', 'Review queue'),
    link('documents', '#/documents', 'Documents'),
    app.actor.role === 'viewer' ? '' : link('upload', '#/upload', 'Upload'),
  );
  replace(
    who,
    h('span', { 'data-testid': 'actor' }, `${app.actor.name} · ${app.actor.role}`),
    h('button', { type: 'button', class: 'link-button', onclick: logOut }, 'Log out'),
  );
}

function onLoggedIn(actor) {
  app.actor = actor;
  announce(`Logged in as ${actor.name} (${actor.role}).`);
  if (!location.hash || location.hash === '#/login') location.hash = '#/queue';
  else void show();
}

async function logOut() {
  await api('DELETE', '/api/session').catch(() => undefined);
  app.actor = undefined;
  announce('Logged out.');
  void show();
}

async function boot() {
  installShortcuts();
  // The routes live in the hash, so the skip link moves the focus itself instead of changing the hash.
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  });
  whenSessionEnds(() => {
    if (!app.actor) return;
    app.actor = undefined;
    announce('Your session has ended; log in again.', { isError: true });
    void show();
  });
  window.addEventListener('hashchange', () => void show());
  app.actor = await api('GET', '/api/session').then(
    (body) => body.actor,
    () => undefined,
  );
  await show();
}

void boot();
