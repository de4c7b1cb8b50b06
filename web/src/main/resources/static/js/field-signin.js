// Signing in without leaving the field app: the app's own form login (POST /login with the CSRF token, throttled
// like every sign-in), sent from this page, so that the worker stays here instead of landing on the map page.
import { t } from './i18n.js';

function xsrf() {
  const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.split('=')[1]) : null;
}

export function mountSignIn(onSignedIn) {
  const form = document.getElementById('signin-form');
  const error = document.getElementById('signin-error');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const problem = await signIn(document.getElementById('signin-username').value.trim(),
        document.getElementById('signin-password').value);
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        return;
      }
      document.getElementById('signin-password').value = '';
      await onSignedIn();
    } finally {
      button.disabled = false;
    }
  });
  return { show() { document.getElementById('signin-username').focus(); } };
}

/** Signs in; answers null when signed in, else what to tell the worker. */
async function signIn(username, password) {
  if (!navigator.onLine) return t('signInNeedsNetwork');
  try {
    if (!xsrf()) await fetch('/login', { credentials: 'same-origin' }); // the login page sets the token cookie
    const body = new URLSearchParams({ username, password, _csrf: xsrf() || '' });
    const response = await fetch('/login', { method: 'POST', body, credentials: 'same-origin',
      headers: { 'Accept-Language': localStorage.getItem('gridwatch.lang') === 'en' ? 'en' : 'zh-CN' } });
    if (response.status === 429) {
      const p = await response.json().catch(() => null);
      return p?.detail || t('tooManyTries');
    }
    // The form login answers with a redirect: to /login?error when the password was wrong.
    if (response.url.includes('/login') && response.url.includes('error')) return t('wrongPassword');
    const me = await fetch('/api/v1/me', { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin', cache: 'no-store' });
    return me.ok ? null : t('wrongPassword');
  } catch {
    return t('signInNeedsNetwork');
  }
}

/** Signs out and forgets what this phone kept of the account (cached reads); the outbox stays for the next sign-in. */
export async function signOut() {
  localStorage.removeItem('gridwatch.field.me');
  localStorage.removeItem('gridwatch.field.cases');
  if (window.caches) await caches.delete('gridwatch-field-data');
  await fetch('/logout', { method: 'POST', credentials: 'same-origin', body: new URLSearchParams({ _csrf: xsrf() || '' }) })
    .catch(() => {});
}
