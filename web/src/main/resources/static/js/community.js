// The community workbench (社区工作台, issue 14): one map of a community with the actors and services in it —
// organisations' service areas, compounds served by property companies, service points, activities, volunteer
// density, bookings and the deserts of a chosen service — lists beside it and the community's figures over a period.
// Community staff see their own community (the roster's unit); subdistrict staff choose among theirs, admins any.
import { allItems, getJson, signedInUser } from './api.js';
import { startLanguage, onLanguageChange, t, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { startMap } from './basemap.js';
import { whenReady } from './startup.js';
import { areaLabels } from './area-labels.js';
import { toast } from './toast.js';
import { word } from './community-text.js';
import { SOURCES } from './community-sources.js';
import { WorkbenchMap } from './community-map.js';
import { WorkbenchLists } from './community-lists.js';
import { addLegend, drawLegend } from './community-legend.js';
import { refreshFigures, drawFigures } from './community-figures.js';
import { defaultPeriod } from './community-period.js';

const L = window.L;
/** The services a desert can be asked for (the catalogue's codes; the page words them). */
const SERVICES = ['MEAL_ASSISTANCE', 'HOME_VISIT', 'HOUSEKEEPING', 'DELIVERY', 'LEGAL_ADVICE', 'ELDERLY_DAY_CARE', 'MEDIATION',
  'COUNSELLING', 'HEALTH_CARE', 'REPAIR'];
const PERIOD_SOURCES = ['activities', 'bookings'];
const store = { community: null, grids: [], period: null, service: '', distance: 500, sources: {}, seq: {},
  orgNames: new Map(), densityByGrid: new Map() };
let view, lists, choices = [], subdistricts = [];

async function start() {
  startLanguage();
  await whenReady();
  const me = await signedInUser();
  if (!me) return stop(() => `<a href="/login">${t('signInFirst')}</a>`);
  // Names and parents only: the chosen community's outline is asked when it is opened (no district of outlines up front).
  const communities = await areaLabels('communities');
  choices = await choicesFor(me, communities);
  if (!choices) return stop(() => escapeHtml(t('notForRole')));
  if (!choices.length) return stop(() => escapeHtml(t('notLinked')));
  const parents = new Set(choices.map(c => c.parent));
  if (parents.size > 1) subdistricts = (await areaLabels('subdistricts')).filter(a => parents.has(a.code));
  store.period = defaultPeriod();
  const shell = await startMap('map');
  view = new WorkbenchMap(shell.map, store);
  shell.setOverlays(() => view.overlays());
  addLegend(shell.map, store);
  lists = new WorkbenchLists(store, (name, id) => view.focus(name, id));
  bindToolbar();
  onLanguageChange(rerender);
  window.gridwatchWorkbench = { store, map: shell.map, view, lists, choose };
  const asked = new URLSearchParams(location.hash.slice(1)).get('community');
  await choose(choices.some(c => c.code === asked) ? asked : choices[0].code);
  document.body.dataset.ready = 'true';
}

/** The communities this account may open: null when its role has no workbench. */
async function choicesFor(me, communities) {
  const roles = new Set(me.roles), unit = me.person?.unitCode;
  if (roles.has('ADMIN')) return communities;
  if (roles.has('SUBDISTRICT_STAFF')) return communities.filter(c => unit && c.parent === unit);
  if (roles.has('COMMUNITY_STAFF')) return communities.filter(c => c.code === unit);
  return null;
}

/** The page says why it shows no workbench (in the language on screen, again after a switch). */
function stop(html) {
  const message = document.getElementById('message');
  const say = () => { message.innerHTML = html(); };
  say();
  onLanguageChange(say);
  message.hidden = false;
  document.getElementById('toolbar').hidden = true;
  document.querySelector('main').hidden = true;
  document.body.dataset.ready = 'true';
}

function bindToolbar() {
  const byId = id => document.getElementById(id);
  byId('community-choice').hidden = choices.length < 2;
  byId('from').value = store.period.from;
  byId('to').value = store.period.to;
  fillChoices();
  byId('community').addEventListener('change', e => choose(e.target.value));
  const period = () => {
    const from = byId('from').value, to = byId('to').value;
    if (!from || !to || from > to) return;
    store.period = { from, to };
    PERIOD_SOURCES.forEach(load);
    refreshFigures(store);
  };
  byId('from').addEventListener('change', period);
  byId('to').addEventListener('change', period);
  byId('service').addEventListener('change', e => { store.service = e.target.value; showDeserts(); });
  byId('distance').addEventListener('change', e => {
    const d = Number(e.target.value);
    if (d >= 50 && d <= 5000) { store.distance = d; if (store.service) showDeserts(); }
  });
  byId('toolbar').addEventListener('submit', e => e.preventDefault());
}

/** The toolbar's choices in the current language (communities by subdistrict for those who choose, the services). */
function fillChoices() {
  const select = document.getElementById('community'), chosen = store.community?.code;
  const option = c => `<option value="${escapeHtml(c.code)}">${escapeHtml(areaName(c))}</option>`;
  // Those who choose among several subdistricts' communities find them under their subdistrict.
  select.innerHTML = !subdistricts.length ? choices.map(option).join('') : subdistricts.map(sd =>
    `<optgroup label="${escapeHtml(areaName(sd))}">${choices.filter(c => c.parent === sd.code)
      .map(option).join('')}</optgroup>`).join('');
  if (chosen) select.value = chosen;
  const service = document.getElementById('service');
  service.innerHTML = [['', t('desertNone')], ...SERVICES.map(s => [s, word('svc', s)])]
    .map(([v, label]) => `<option value="${v}">${escapeHtml(label)}</option>`).join('');
  service.value = store.service;
}

/** Opens a community: its outline and grids, then every source and the figures, each drawn when it arrives. */
async function choose(code) {
  const feature = await getJson(`/ogcapi/collections/communities/items/${encodeURIComponent(code)}?f=json`);
  const bounds = L.geoJSON(feature).getBounds();
  store.community = { code, name: feature.properties.name, name_en: feature.properties.name_en, feature,
    bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] };
  document.getElementById('community').value = code;
  document.getElementById('community-name').textContent = areaName(store.community);
  history.replaceState(null, '', `#community=${code}`);
  store.grids = (await allItems('grids', `&community=${encodeURIComponent(code)}`)).features;
  store.sources = {};
  store.orgNames.clear();
  view.showCommunity(store.community, store.grids);
  drawLegend(store);
  refreshFigures(store);
  await Promise.all(Object.keys(SOURCES).map(load));
}

function showDeserts() {
  if (store.service) lists.select('deserts');
  return load('deserts');
}

/** Fetches one source; an answer for an earlier community, period or service is dropped. */
async function load(name) {
  const mine = store.seq[name] = (store.seq[name] || 0) + 1;
  store.sources[name] = { status: 'loading', data: null };
  redraw(name);
  try {
    const data = await SOURCES[name](store);
    if (mine !== store.seq[name]) return;
    store.sources[name] = { status: 'ok', data };
  } catch (err) {
    if (mine !== store.seq[name]) return;
    console.warn(`workbench: ${name} unavailable`, err);
    store.sources[name] = { status: 'unavailable', data: null, error: err.message };
  }
  learn(name);
  redraw(name);
}

/** What other layers read from a source: organisations' names, the density per grid. */
function learn(name) {
  const data = store.sources[name].data;
  if (name === 'organisations' && data) data.forEach(o => store.orgNames.set(String(o.id), o.name));
  if (name === 'orgAreas' && data) data.forEach(f => store.orgNames.set(String(f.id ?? f.properties.id), f.properties.name));
  if (name === 'density') store.densityByGrid = new Map((data || []).map(a => [a.code, a]));
}

function redraw(name) {
  view.draw(name);
  lists.draw();
  drawLegend(store);
}

/** The language switch re-words the whole page: toolbar, figures, legend, lists, the open popup, the header. */
function rerender() {
  fillChoices();
  if (store.community) document.getElementById('community-name').textContent = areaName(store.community);
  drawFigures();
  drawLegend(store);
  lists.draw();
  view.draw('density');
  view.reword();
}

start().catch(err => { console.error(err); toast(err.message); document.body.dataset.ready = 'true'; });
