// Fetch helpers: JSON in, RFC 9457 problems turned into errors that carry the problem. Every call names the UI
// language (Accept-Language), so that the server words its problems and notes in the language on screen.
import { currentLang } from './i18n.js';

/** The UI language as an Accept-Language value: zh-CN or en. */
export function acceptLanguage() { return currentLang() === 'en' ? 'en' : 'zh-CN'; }
export class ProblemError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

/** GETs JSON; {@code signal} (an AbortSignal, optional) lets a newer request cancel this one. */
export async function getJson(url, headers = {}, signal = undefined) {
  // X-Requested-With: the server then answers 401 without a Basic challenge, which would pop up a password dialog.
  const response = await fetch(url, {
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'Accept-Language': acceptLanguage(), ...headers },
    credentials: 'same-origin', signal });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ProblemError(body || { title: response.statusText }, response.status);
  return body;
}

/** All items of an OGC API collection, following next links. */
export async function allItems(collection, query = '') {
  let url = `/ogcapi/collections/${collection}/items?limit=10000${query}`;
  const features = [];
  while (url) {
    const page = await getJson(url);
    features.push(...page.features);
    const next = (page.links || []).find(l => l.rel === 'next');
    url = next ? next.href : null;
  }
  return { type: 'FeatureCollection', features };
}

function xsrf() {
  const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.split('=')[1]) : null;
}

/** POSTs JSON; the XSRF token rides along for signed-in browser sessions. */
export async function postJson(url, body, headers = {}) { return sendJson('POST', url, body, headers); }

/** Sends JSON with any method (POST, PUT, DELETE); answers the JSON reply, or null when there is none. */
export async function sendJson(method, url, body, headers = {}) {
  const h = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest',
    'Accept-Language': acceptLanguage(), ...headers };
  const token = xsrf();
  if (token) h['X-XSRF-TOKEN'] = token;
  const response = await fetch(url, { method, headers: h, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ProblemError(data || { title: response.statusText }, response.status);
  return data;
}

/** The signed-in user ({username, roles}), shown in the page header; null when nobody is signed in. */
export async function signedInUser() {
  let me;
  try {
    me = await getJson('/api/v1/me');
  } catch {
    return null;
  }
  document.getElementById('user').textContent = `${me.username} (${me.roles.join(', ')})`;
  document.getElementById('login').hidden = true;
  return me;
}

/** Where a "sign in" link goes: the sign-in page, which returns to this page afterwards. */
export function signInHref() {
  return `/login?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`;
}

// Every "sign in" link on every page (also those drawn later) carries the page it was followed from.
if (typeof document !== 'undefined' && location.pathname !== '/login') {
  document.addEventListener('click', event => {
    const link = event.target.closest?.('a[href]');
    if (link && new URL(link.href, location.href).pathname === '/login') link.href = signInHref();
  }, true);
}
