// The 12345 hotline page (issue 17, part E) for the command centre: a map and three lists — tickets to be located
// (click the map or find the address, then locate: the case is created), open tickets by their 签收 and 办结
// deadlines (late ones red, counting down in the district's time), the measures by department and by area over a
// chosen period — and a ticket's panel with its history and the loop's steps. Everything reads part D's API
// (/api/v1/hotline/...); the API decides who may do what. Opens #ticket=<number>.
import { getJson, signedInUser } from './api.js';
import { startLanguage, onLanguageChange, t } from './i18n.js';
import { startMap } from './basemap.js';
import { whenReady } from './startup.js';
import { toast } from './toast.js';
import './map-text.js';
import './hotline-text.js';
import { HotlineLists } from './hotline-lists.js';
import { HotlineMeasures } from './hotline-measures.js';
import { HotlineMap } from './hotline-map.js';
import { TicketPanel } from './hotline-ticket.js';

const HOTLINE_ROLES = ['OPERATOR', 'ADMIN'];
const store = { me: null, picked: null, toast };
let lists, measures, panel, view;

async function start() {
  startLanguage();
  wireMenu();
  await whenReady();
  store.me = await signedInUser();
  const allowed = (store.me?.roles || []).some(r => HOTLINE_ROLES.includes(r));
  note(allowed);
  onLanguageChange(() => note(allowed));
  const shell = await startMap('map');
  view = new HotlineMap(shell, store);
  if (!allowed) { document.body.dataset.ready = 'true'; return; }
  store.categories = await getJson('/api/v1/categories').catch(() => []);
  measures = new HotlineMeasures();
  measures.areaOf = code => view.areas.areaOf(code);
  lists = new HotlineLists(store, number => openTicket(number), measures);
  panel = new TicketPanel(store, view, () => refresh());
  store.locating = () => panel.form === 'locate';
  store.closed = () => { history.replaceState(null, '', location.pathname); lists.draw(); };
  store.onTab = tab => { if (tab === 'measures' && measures.rows === null) measures.load(); };
  onLanguageChange(() => { lists.draw(); panel.draw(); });
  window.gridwatchHotline = { store, map: shell.map, lists, measures, panel, refresh, openTicket };
  lists.draw();
  await lists.load();
  const asked = new URLSearchParams(location.hash.slice(1)).get('ticket');
  if (asked) await openTicket(asked);
  else if (!lists.data.locate?.length && lists.data.open?.length) lists.show('open');
  document.body.dataset.ready = 'true';
}

function wireMenu() {
  const button = document.getElementById('menu');
  const header = button.closest('header');
  button.addEventListener('click', () => button.setAttribute('aria-expanded', String(header.classList.toggle('menu-open'))));
}

function note(allowed) {
  const div = document.getElementById('note');
  div.innerHTML = allowed ? '' : store.me ? `<span>${t('hNotAllowed')}</span>` : `<a href="/login">${t('hSignIn')}</a>`;
}

async function openTicket(number) {
  try {
    await panel.open(number);
    history.replaceState(null, '', `#${new URLSearchParams({ ticket: number })}`);
  } catch (err) {
    toast(err.message);
  }
}

/** After a step: both lists and, when shown, the measures read again. */
async function refresh() {
  await Promise.all([lists.load(), measures.rows !== null ? measures.load() : null]);
}

start().catch(err => { console.error(err); toast(err.message); document.body.dataset.ready = 'true'; });
