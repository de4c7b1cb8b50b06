// The consultation hall (议事厅, issue 16): for community staff, the 三事制 loop on a map and in lists — bodies' areas,
// grids with open topics and overdue tasks, meetings and decisions as points; topics, meetings, decisions and tasks
// beside the map, and a topic's panel where each next step is taken. Signed out (or any reader who is not staff):
// published decisions only. The APIs decide what each reader may see and do.
import { getJson, signedInUser } from './api.js';
import { areaLabels } from './area-labels.js';
import { startLanguage, onLanguageChange, t, areaName } from './i18n.js';
import { startMap } from './basemap.js';
import { whenReady } from './startup.js';
import { toast } from './toast.js';
import './map-text.js';
import './community-link.js';
import { word, TOPIC_STATUSES, SOURCES } from './consultation-text.js';
import { ConsultationMap, addLegend } from './consultation-map.js';
import { ConsultationLists } from './consultation-lists.js';
import { TopicPanel } from './consultation-topic.js';

const READERS = ['ADMIN', 'OPERATOR', 'PLANNER', 'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF'];
const WRITERS = ['ADMIN', 'OPERATOR', 'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF'];
const store = { me: null, staff: false, writer: false, community: '', status: '', source: '', communities: [] };
let view, lists, panel;

async function start() {
  startLanguage();
  wireMenu();
  await whenReady();
  store.me = await signedInUser();
  const roles = new Set(store.me?.roles || []);
  store.staff = READERS.some(r => roles.has(r));
  store.writer = WRITERS.some(r => roles.has(r));
  document.querySelectorAll('.staff-only').forEach(el => { el.hidden = !store.staff; });
  // Names and parents only; a chosen community's outline is asked when it is opened (outlineOf).
  store.communities = choicesFor(store.me, roles, (await areaLabels('communities')).map(a => ({ properties: { ...a, parent_code: a.parent } })));
  const shell = await startMap('map');
  view = new ConsultationMap(shell.map, store);
  shell.setOverlays(() => view.overlays());
  const drawLegend = addLegend(shell.map);
  onLanguageChange(drawLegend);
  lists = new ConsultationLists(store, id => openTopic(id));
  panel = new TopicPanel(store, view, () => refresh());
  // A decision's point opens its topic; a meeting's point the first topic on its agenda (staff: the public has no topics).
  store.onPoint = (name, id, p) => {
    const topic = name === 'decisions' ? p.topic : (lists.data.meetings || []).find(m => String(m.id) === String(id))?.topics?.[0];
    if (store.staff && topic) openTopic(topic);
  };
  bindToolbar();
  onLanguageChange(rerender);
  window.gridwatchConsultation = { store, map: shell.map, view, lists, panel, choose };
  const asked = new URLSearchParams(location.hash.slice(1));
  const first = store.communities.find(c => c.properties.code === asked.get('community')) || (store.staff ? store.communities[0] : null);
  await choose(first ? first.properties.code : '');
  if (asked.get('topic') && store.staff) await openTopic(asked.get('topic'));
  document.body.dataset.ready = 'true';
}

/** The communities the reader picks from: community staff their own, subdistrict staff theirs, everyone else all. */
function choicesFor(me, roles, communities) {
  const unit = me?.person?.unitCode;
  if (roles.has('COMMUNITY_STAFF') && unit) return communities.filter(c => c.properties.code === unit);
  if (roles.has('SUBDISTRICT_STAFF') && unit) return communities.filter(c => c.properties.parent_code === unit);
  return communities;
}

function wireMenu() {
  const button = document.getElementById('menu');
  const header = button.closest('header');
  button.addEventListener('click', () => button.setAttribute('aria-expanded', String(header.classList.toggle('menu-open'))));
}

function bindToolbar() {
  const byId = id => document.getElementById(id);
  fillChoices();
  byId('community').addEventListener('change', ev => choose(ev.target.value));
  byId('status').addEventListener('change', ev => { store.status = ev.target.value; lists.draw(); });
  byId('source').addEventListener('change', ev => { store.source = ev.target.value; lists.draw(); });
  byId('toolbar').addEventListener('submit', ev => ev.preventDefault());
}

/** The toolbar's choices in the language on screen. */
function fillChoices() {
  const byId = id => document.getElementById(id);
  const all = `<option value="">${t('cAll')}</option>`;
  byId('community').innerHTML = (store.staff && store.communities.length === 1 ? '' : all)
    + store.communities.map(c => `<option value="${c.properties.code}">${areaName(c.properties)}</option>`).join('');
  byId('community').value = store.community;
  byId('status').innerHTML = all + TOPIC_STATUSES.map(s => `<option value="${s}">${word('topicStatus', s)}</option>`).join('');
  byId('status').value = store.status;
  byId('source').innerHTML = all + SOURCES.map(s => `<option value="${s}">${word('source', s)}</option>`).join('');
  byId('source').value = store.source;
}

/** A community chosen ('' for all): the map, the lists and the header name. */
async function choose(code) {
  store.community = code;
  document.getElementById('community').value = code;
  const feature = store.communities.find(c => c.properties.code === code) || null;
  document.getElementById('community-name').textContent = feature ? areaName(feature.properties) : '';
  panel.close();
  note();
  await Promise.all([outlineOf(feature).then(outline => view.show(outline)), lists.load()]);
  store.topics = lists.data.topics || [];
}

const outlines = new Map();

/** A community's outline (OGC item), read once; null for the whole district. */
function outlineOf(choice) {
  const code = choice?.properties.code;
  if (!code) return Promise.resolve(null);
  if (!outlines.has(code)) outlines.set(code, getJson(`/ogcapi/collections/communities/items/${encodeURIComponent(code)}`));
  return outlines.get(code);
}

async function openTopic(id) {
  try {
    await panel.open(id);
    history.replaceState(null, '', `#${new URLSearchParams({ ...(store.community ? { community: store.community } : {}), topic: id })}`);
  } catch (err) {
    toast(err.message);
  }
}

/** After a step: the lists, the map's points and the open panel read again. */
async function refresh() {
  const feature = store.communities.find(c => c.properties.code === store.community) || null;
  await Promise.all([lists.load(), outlineOf(feature).then(outline => view.show(outline))]);
  store.topics = lists.data.topics || [];
}

function note() {
  const div = document.getElementById('note');
  div.innerHTML = store.staff ? '' : `<span>${t('cPublicNote')}${store.me ? '' : ` <a href="/login">${t('cSignIn')}</a>`}</span>`;
}

/** The language switch re-words the whole page. */
function rerender() {
  fillChoices();
  note();
  lists.draw();
  panel.draw();
  const feature = store.communities.find(c => c.properties.code === store.community);
  document.getElementById('community-name').textContent = feature ? areaName(feature.properties) : '';
}

start().catch(err => { console.error(err); toast(err.message); document.body.dataset.ready = 'true'; });
