// The officers' publishing page (信息发布, issue 17): write a notice, affairs, finances or a service guide for an area of
// one's scope, keep drafts, review what grid officers, property companies and organisations submit, withdraw. The
// API decides who may do what where; the page offers the areas it answers (GET /api/v1/publications/areas).
import { getJson, signedInUser } from './api.js';
import { startLanguage, onLanguageChange, t, setDistrict } from './i18n.js';
import { whenReady } from './startup.js';
import { toast } from './toast.js';
import './map-text.js';
import './community-link.js';
import './publish-text.js';
import { PublishForm } from './publish-form.js';
import { PublicationLists } from './publish-lists.js';

const REVIEWERS = ['ADMIN', 'OPERATOR', 'SUBDISTRICT_STAFF', 'COMMUNITY_STAFF'];
const store = { me: null, areas: [], reviewer: false };
let form, lists;

async function start() {
  startLanguage();
  wireMenu();
  await whenReady();
  try {
    setDistrict(await getJson('/api/v1/district'));
  } catch {
    // the page works without the district's zone: times then show in the browser's own
  }
  store.me = await signedInUser();
  if (!store.me) {
    note('pubSignIn', true);
    document.body.dataset.ready = 'true';
    return;
  }
  store.reviewer = store.me.roles.some(r => REVIEWERS.includes(r));
  store.areas = await getJson('/api/v1/publications/areas');
  form = new PublishForm(document.getElementById('pub-form'), store, (said, created) => { toast(said); lists.tab = tabFor(created); lists.load(); });
  lists = new PublicationLists(store, toast);
  if (!store.areas.length) note('pubNoAreas');
  else form.draw();
  document.getElementById('write').hidden = !store.areas.length;
  await Promise.all([lists.load(), store.areas.length ? form.loadPoints() : null]);
  onLanguageChange(rerender);
  window.gridwatchPublish = { store, form, lists };
  document.body.dataset.ready = 'true';
}

function tabFor(p) {
  if (p.status === 'DRAFT') return 'drafts';
  if (p.status === 'PUBLISHED') return 'published';
  return store.reviewer ? 'queue' : 'mine';
}

let noted = null;
function note(key, signIn = false) {
  noted = { key, signIn };
  const div = document.getElementById('note');
  div.textContent = t(key);
  if (signIn) {
    const a = document.createElement('a');
    a.href = '/login';
    a.textContent = ` ${t('login')}`;
    div.append(a);
  }
}

function wireMenu() {
  const button = document.getElementById('menu');
  const header = button.closest('header');
  button.addEventListener('click', () => button.setAttribute('aria-expanded', String(header.classList.toggle('menu-open'))));
}

/** The language switch re-words the whole page, keeping what was typed. */
function rerender() {
  if (noted) note(noted.key, noted.signIn);
  if (store.areas.length) form.draw();
  lists.draw();
}

start().catch(err => { console.error(err); toast(err.message); document.body.dataset.ready = 'true'; });
