import { api } from './api.js';
import { h, replace } from './dom.js';

/** Logs in with an API token; the server answers with an httpOnly session cookie the script never sees. */
export function renderLoginScreen(main, { onLoggedIn }) {
  const error = h('p', { id: 'login-error', class: 'error', role: 'alert' });
  const token = h('input', {
    id: 'login-token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'login-help login-error',
  });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h(
    'form',
    { class: 'login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in to Paperwork'),
    h('label', { for: 'login-token' }, 'API token'),
    token,
    h(
      'p',
      { id: 'login-help', class: 'hint' },
      'Paste the token you were given. An admin creates one with ',
      h('code', {}, 'paperwork token create --name you --role reviewer'),
      '.',
    ),
    error,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.textContent = '';
    try {
      const body = await api('POST', '/api/session', { token: token.value });
      token.value = '';
      onLoggedIn(body.actor);
    } catch (caught) {
      error.textContent = caught.message;
      token.setAttribute('aria-invalid', 'true');
      token.focus();
    } finally {
      button.disabled = false;
    }
  });
  replace(main, form);
  token.focus();
}
