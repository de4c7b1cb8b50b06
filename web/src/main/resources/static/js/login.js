// Gridwatch's own sign-in page: the form posts to /login with the CSRF token and the page to return to (?next=,
// which the server follows only on this site); a wrong password comes back as ?error and is said in the UI language.
import './login-text.js';
import { t, startLanguage, onLanguageChange } from './i18n.js';
import { getJson } from './api.js';

function xsrf() {
  const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.split('=')[1]) : '';
}

const params = new URLSearchParams(location.search);
const next = params.get('next') || '';

function render() {
  const error = document.getElementById('signin-error');
  error.hidden = !params.has('error');
  error.textContent = t('wrongPassword');
  document.title = `${t('signInTitle')} · ${t('title')}`;
}

startLanguage();
render();
onLanguageChange(render);
document.getElementById('next').value = next;
if (next.startsWith('/') && !next.startsWith('//')) document.getElementById('back').href = next;
document.getElementById('signin').addEventListener('submit', () => { document.getElementById('csrf').value = xsrf(); });
document.getElementById('csrf').value = xsrf();
getJson('/api/v1/sign-in').then(h => { document.getElementById('demo-hint').hidden = !h.demoPasswordInLog; }).catch(() => {});
