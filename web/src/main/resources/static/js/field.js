// The grid worker's field app (/field.html): one page, four screens behind a thumb-sized tab bar at the bottom —
// my grids, my cases, 巡查上报 (report what I find) and patrols — plus sign-in and the outbox. Reads come from the
// API (and, offline, from what the service worker kept); every write goes through the outbox (js/field-outbox.js).
import { startLanguage, onLanguageChange, t } from './i18n.js';
import { whenReady } from './startup.js';
import { toast } from './toast.js';
import * as outbox from './field-outbox.js';
import './field-text.js';
import { mountSignIn, signOut } from './field-signin.js';
import { mountGrids } from './field-grids.js';
import { mountCases } from './field-cases.js';
import { mountReport } from './field-report.js';
import { mountPatrol } from './field-patrol.js';
import { mountOutbox } from './field-outbox-view.js';

const ME_KEY = 'gridwatch.field.me';
const OWNER_KEY = 'gridwatch.field.owner';
const screens = {};
let current = null;

async function start() {
  startLanguage();
  registerServiceWorker();
  showNetwork();
  window.addEventListener('online', showNetwork);
  window.addEventListener('offline', showNetwork);
  // Offline there is no server to wait for: go on with what the phone kept.
  if (navigator.onLine) await Promise.race([whenReady(), new Promise(r => window.addEventListener('offline', r, { once: true }))]);
  const me = await whoAmI();
  const ctx = { me, toast, outbox, show };
  screens.outbox = mountOutbox(ctx);
  document.getElementById('outbox-button').addEventListener('click', () => show('outbox'));
  outbox.on('signin', () => { toast(t('sessionEnded')); showSignIn(ctx); });
  if (!me) {
    showSignIn(ctx);
  } else {
    await openApp(ctx);
  }
  window.gridwatchField = { outbox, show, screens, ctx };
  document.body.dataset.ready = 'true';
}

/** The signed-in account and its roster person; offline, the one kept from the last time; null when nobody is signed in. */
async function whoAmI() {
  try {
    const response = await fetch('/api/v1/me', { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401) { localStorage.removeItem(ME_KEY); return null; }
    if (response.ok) {
      const me = await response.json();
      localStorage.setItem(ME_KEY, JSON.stringify(me));
      return me;
    }
  } catch {
    // offline: below
  }
  const kept = localStorage.getItem(ME_KEY);
  return kept ? JSON.parse(kept) : null;
}

function showSignIn(ctx) {
  document.getElementById('tabs').hidden = true;
  screens.signin = screens.signin || mountSignIn(async () => {
    ctx.me = await whoAmI();
    outbox.kick(true);
    await openApp(ctx);
  });
  show('signin');
}

async function openApp(ctx) {
  await keepToOneAccount(ctx.me);
  document.getElementById('tabs').hidden = false;
  if (!screens.grids) {
    screens.grids = mountGrids(ctx, async () => { await signOut(); location.reload(); });
    screens.cases = mountCases(ctx);
    screens.report = mountReport(ctx);
    screens.patrol = mountPatrol(ctx);
    document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => show(b.dataset.screen)));
  }
  const wanted = new URLSearchParams(location.search).get('screen');
  await show(screens[wanted] ? wanted : 'cases');
  outbox.kick();
}

/**
 * What the phone keeps (the outbox, my reports, the patrol being walked) belongs to one account: when someone else
 * signs in on it, it is dropped rather than sent or shown under their name.
 */
async function keepToOneAccount(me) {
  const owner = localStorage.getItem(OWNER_KEY);
  if (owner && me && owner !== me.username) {
    await outbox.clearAll();
    ['gridwatch.field.reports', 'gridwatch.field.patrol', 'gridwatch.field.cases'].forEach(k => localStorage.removeItem(k));
  }
  if (me) localStorage.setItem(OWNER_KEY, me.username);
}

/** Shows one screen; a screen's own show() refreshes it (and lets its map take its size). */
async function show(name) {
  current = name;
  document.querySelectorAll('#screens > .screen').forEach(s => { s.hidden = s.id !== `screen-${name}`; });
  document.querySelectorAll('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.screen === name));
  document.body.dataset.screen = name;
  window.scrollTo(0, 0);
  await screens[name]?.show?.();
}

function showNetwork() {
  const el = document.getElementById('net-state');
  el.dataset.i18n = navigator.onLine ? 'online' : 'offline';
  el.textContent = t(el.dataset.i18n);
  el.classList.toggle('off', !navigator.onLine);
}

/** The service worker keeps the app shell for offline use; its scope is this app only, the other pages are untouched. */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/field-sw.js', { scope: '/field' }).catch(err => console.warn('service worker', err));
}

onLanguageChange(() => { if (current) screens[current]?.show?.(); });
start().catch(err => { console.error(err); toast(err.message); });
