// The projects page (项目管理, issue 15): the needs map (requests per 1,000 residents by level, category and period),
// unmet demand outlined and clickable, projects' service areas; beside the map the funding rounds and their projects,
// and a project's panel (timeline, tranches, KPIs, outcomes, reviews, evaluations) where a reviewer scores and the
// funder acts. Anyone may open it: the APIs decide what each reader sees (the public: approved projects and
// published results only; the needs map: staff).
import { getJson, allItems, signedInUser } from './api.js';
import { startLanguage, onLanguageChange, t, areaName } from './i18n.js';
import { startMap } from './basemap.js';
import { whenReady } from './startup.js';
import { areaLabels } from './area-labels.js';
import { toast } from './toast.js';
import { fill } from './projects-text.js';
import { ProjectsMap, addLegend, drawLegend, quintiles } from './projects-map.js';
import { SidePanel } from './projects-side.js';
import { ActivitiesLayer } from './projects-activities.js';
import { dateIn } from './community-period.js';
import { number } from './projects-format.js';

const LEVELS = { grid: 'grids', community: 'communities', subdistrict: 'subdistricts' };
const DAY = 86400000;
const store = { me: null, roles: new Set(), level: 'grid', category: '', period: null, percentile: 80, categories: [],
  needs: null, needsStatus: 'loading', breaks: null, unmet: null, areas: {}, seq: 0 };
let view, side, activities;

async function start() {
  startLanguage();
  wireMenu();
  await whenReady();
  store.me = await signedInUser();
  store.roles = new Set(store.me?.roles || []);
  store.categories = await getJson('/api/v1/categories').catch(() => []);
  const shell = await startMap('map'); // also reads the district, whose zone says which day it is
  const now = new Date();
  store.period = { from: dateIn(new Date(now.getTime() - 364 * DAY)), to: dateIn(now) };
  // While the activity form is open a click on the map (also inside a service area) places the activity.
  const placing = latlng => side?.placeActivity(latlng);
  view = new ProjectsMap(shell.map, store, { onCases: code => side.showCases(code),
    onProject: (id, latlng) => placing(latlng) || side.openProject(id), onRecordNeed: code => side.showNeedForm(code) });
  activities = new ActivitiesLayer(shell.map);
  // Otherwise a click opens the level's area there (asked of the locator; the tiles are only drawn).
  shell.map.on('click', ev => { if (!placing(ev.latlng)) view.openAreaAt(ev.latlng); });
  shell.setOverlays(() => ({ ...view.overlays(), [t('pLayerActivities')]: activities.layer }));
  addLegend(shell.map, store);
  side = new SidePanel(store, { showServiceArea: area => view.showProject(area), activities, onNeedRecorded: () => loadNeeds() });
  bindToolbar();
  onLanguageChange(rerender);
  window.gridwatchProjects = { store, map: shell.map, view, side, activities };
  await Promise.all([loadNeeds(), loadProjectAreas(), side.showRounds()]);
  const asked = new URLSearchParams(location.hash.slice(1)).get('project');
  if (asked) await side.openProject(asked);
  document.body.dataset.ready = 'true';
}

function wireMenu() {
  const button = document.getElementById('menu');
  const header = button.closest('header');
  button.addEventListener('click', () => button.setAttribute('aria-expanded', String(header.classList.toggle('menu-open'))));
}

function bindToolbar() {
  const byId = id => document.getElementById(id);
  fillChoices();
  byId('from').value = store.period.from;
  byId('to').value = store.period.to;
  byId('level').addEventListener('change', ev => { store.level = ev.target.value; loadNeeds(); });
  byId('category').addEventListener('change', ev => { store.category = ev.target.value; loadNeeds(); });
  const period = () => {
    const from = byId('from').value, to = byId('to').value;
    if (!from || !to || from > to) return;
    store.period = { from, to };
    loadNeeds();
  };
  byId('from').addEventListener('change', period);
  byId('to').addEventListener('change', period);
  byId('percentile').addEventListener('change', ev => {
    const p = Number(ev.target.value);
    if (p >= 1 && p <= 99) { store.percentile = p; loadNeeds(); }
  });
  byId('toolbar').addEventListener('submit', ev => ev.preventDefault());
}

/** The level and category choices in the current language. */
function fillChoices() {
  const level = document.getElementById('level'), category = document.getElementById('category');
  level.innerHTML = Object.keys(LEVELS).map(l => `<option value="${l}">${t(`pLevel_${l}`)}</option>`).join('');
  level.value = store.level;
  category.innerHTML = [`<option value="">${t('pAllCategories')}</option>`,
    ...store.categories.map(c => `<option value="${c.code}">${areaName(c)}</option>`)].join('');
  category.value = store.category;
}

/** The level's areas by name (no outlines: the map draws those from tiles), as {properties} for the naming code. */
async function areasOf(level) {
  if (!store.areas[level]) store.areas[level] = (await areaLabels(LEVELS[level])).map(a => ({ properties: a }));
  return store.areas[level];
}

function query(extra = {}) {
  const q = new URLSearchParams({ level: store.level, from: store.period.from, to: store.period.to, ...extra });
  if (store.category) q.set('category', store.category);
  return q;
}

/** The needs of the level, category and period, then unmet demand (a category must be chosen for it). */
async function loadNeeds() {
  const mine = ++store.seq;
  store.needsStatus = 'loading';
  note();
  try {
    await areasOf(store.level); // the names of the level's areas (popups, panels)
    if (mine !== store.seq) return;
    await view.drawNeeds(LEVELS[store.level]); // the level's outlines, also for those who may not read the needs
    const answer = await getJson(`/api/v1/needs?${query()}`);
    if (mine !== store.seq) return;
    store.needs = new Map(answer.areas.map(a => [a.code, a]));
    store.breaks = quintiles(answer.areas.map(a => a.rate));
    store.rateMax = Math.max(0, ...answer.areas.map(a => Number(a.rate)));
    store.needsStatus = 'ok';
    view.restyleNeeds();
    await loadUnmet(mine);
  } catch (err) {
    if (mine !== store.seq) return;
    store.needsStatus = err.status === 401 || err.status === 403 ? 'denied' : 'unavailable';
    store.needs = null;
    store.breaks = null;
    store.unmet = null;
    view.restyleNeeds();
    view.drawUnmet();
    if (store.needsStatus === 'unavailable') console.warn('projects: needs unavailable', err);
  }
  note();
  drawLegend(store);
}

async function loadUnmet(mine) {
  store.unmet = null;
  view.drawUnmet();
  if (!store.category) return;
  const answer = await getJson(`/api/v1/needs/unmet?${query({ percentile: store.percentile })}`);
  if (mine !== store.seq) return;
  store.unmet = answer;
  view.drawUnmet();
}

/** The line under the toolbar: what the map shows, or why it shows no needs. */
function note() {
  const div = document.getElementById('needs-note');
  if (store.needsStatus === 'denied') { div.innerHTML = `<span class="warn">${t('pNeedsStaffOnly')}</span>`; return; }
  if (store.needsStatus === 'unavailable') { div.innerHTML = `<span class="warn">${t('pLayerNeeds')}: ${t('pUnavailable')}</span>`; return; }
  if (store.needsStatus === 'loading') { div.textContent = t('pLoading'); return; }
  const total = [...store.needs.values()].reduce((s, a) => s + Number(a.count || 0), 0);
  const unmet = !store.category ? t('pUnmetHint')
    : fill('pUnmetCount', { n: store.unmet?.areas.length ?? 0 }) + ` (${t('pThreshold')} ${number(store.unmet?.threshold, 2)} ${t('pRate')})`;
  div.innerHTML = `<span id="needs-total" data-value="${total}">${t('pCount')} ${number(total)}</span> · <span id="unmet-note">${unmet}</span>`;
}

/** Projects' service areas: the OGC collection (public projects). */
async function loadProjectAreas() {
  try {
    view.drawProjects((await allItems('projects')).features);
  } catch (err) {
    console.warn('projects: service areas unavailable', err);
  }
}

/** The language switch re-words the whole page. */
function rerender() {
  fillChoices();
  note();
  drawLegend(store);
  view.reword();
  activities.reword();
  side.draw();
}

start().catch(err => { console.error(err); toast(err.message); document.body.dataset.ready = 'true'; });
