// The operators' console: the queue by SLA time left, cases on the map, a case's timeline and actions, live.
import { getJson, postJson, signedInUser } from './api.js';
import { tileLayer, redrawOnLive } from './tile-layers.js';
import { areaLabels, forgetAreaLabels } from './area-labels.js';
import { startLanguage, onLanguageChange, t, areaName, when, currentLang } from './i18n.js';
import { escapeHtml } from './layers.js';
import { startMap } from './basemap.js';
import { toast } from './toast.js';
import { showCalendarBanner } from './calendar-banner.js';
import { whenReady } from './startup.js';
import { showPhotos } from './photos.js';
import { duration, eventLabel, roleLabel } from './console-text.js';
import { addConsoleLegend, drawLegend } from './console-legend.js';
import { caseTiles, cameraTiles, coverageTiles, countsIn, openCasePopup, openCameraPopup } from './console-tiles.js';
import { refreshFigures, drawFigures } from './console-figures.js';
import { startAlarm, raiseAlarm, rewordAlarm } from './console-alarm.js';
import { showCameras, clearCameras } from './console-cameras.js';
import { pauseRows, pickConvene } from './console-convene.js';
import { HOTLINE_SLOT, showHotline } from './console-hotline.js';

const L = window.L;
const state = { me: null, categories: [], selected: null, next: null, items: [], follow: true, fresh: new Set(),
  names: new Map(), queueSeq: 0, queueAbort: null, tiles: [] };

async function start() {
  startLanguage();
  await whenReady();
  state.me = await signedInUser();
  if (!state.me) {
    document.getElementById('queue').innerHTML = `<li class="hint"><a href="/login">${t('signInFirst')}</a></li>`;
    return;
  }
  showCalendarBanner(state.me).catch(() => {}); // a warning only: the console works without it
  state.categories = await getJson('/api/v1/categories');
  const subdistricts = state.subdistricts = await areaLabels('subdistricts');
  fillFilters(subdistricts);
  const reword = startAlarm();
  // Staff outside the command centre start on their own queue: the cases they can act on now.
  state.command = state.me.roles.includes('OPERATOR') || state.me.roles.includes('ADMIN');
  document.getElementById('f-mine').checked = !state.command;
  const shell = await startMap('map');
  const map = state.map = shell.map;
  // Everything on the map comes from vector tiles (issue 18): outlines, open cases (per grid zoomed out, one by one
  // zoomed in), cameras with their view sectors, coverage per grid. Clicks are answered by the API.
  const category = () => document.getElementById('f-category').value;
  const handles = await Promise.all([
    tileLayer(map, 'subdistricts', { styles: { subdistricts: { color: '#b22222', weight: 2, fill: false, className: 'gw-subdistrict' } }, zIndex: 3 }),
    tileLayer(map, 'grids', { styles: { grids: gridStyle }, hover: p => ({ ...gridStyle(p), weight: 2, color: '#333' }), zIndex: 1 }),
    coverageTiles(map),
    cameraTiles(map, code => openCameraPopup(map, code).catch(err => toast(err.message))),
    caseTiles(map, category, id => {
      openCasePopup(map, id, code => { const c = state.categories.find(x => x.code === code); return c ? areaName(c) : code; })
        .catch(err => toast(err.message));
      showCase(id, false);
    }),
  ].map(p => p.catch(err => { console.warn(err); return null; })));
  const [, , coverage, cameras, cases] = handles;
  state.tiles = handles.filter(Boolean);
  state.tiles.filter(h => h !== coverage).forEach(h => h.layer.addTo(map)); // coverage: when asked for in the switch
  state.gridTiles = handles[1];
  state.caseTiles = cases;
  state.cameraTiles = cameras;
  state.coverageTiles = coverage;
  shell.setOverlays(() => Object.fromEntries([[t('layerCases'), cases], [t('layerCameras'), cameras], [t('layerCoverage'), coverage]]
    .filter(([, h]) => h).map(([name, h]) => [name, h.layer])));
  await loadNames(subdistricts);
  addConsoleLegend(map);
  map.on('click', e => showGridAt(e.latlng).catch(err => toast(err.message)));
  map.on('dragstart', () => setFollow(false));
  addFollowControl(map);
  document.getElementById('filters').addEventListener('change', () => { loadQueue(true); state.caseTiles?.layer.redraw(); });
  document.getElementById('more').addEventListener('click', () => loadQueue(false));
  // The language switch re-words everything on screen: filters, queue, map tooltips, legend, figures, alarm, the case.
  onLanguageChange(() => {
    fillFilters(subdistricts);
    renderQueue();
    drawLegend();
    drawFigures();
    reword();
    rewordAlarm();
    setFollow(state.follow);
    if (state.selected) showCase(state.selected, false);
  });
  await loadQueue(true);
  refreshFigures().catch(err => console.warn('figures', err));
  setInterval(() => refreshFigures().catch(() => {}), 60000); // a deadline passing changes "overdue" without an event
  connectLive();
  setInterval(tickCountdowns, 1000);
  window.gridwatchConsole = state;
  state.showCase = showCase; // what a live event for the selected case does (tests call it to stand in for one)
  state.reloadQueue = () => loadQueue(true); // the hotline form: its new case shows in the queue at once
  // A link from another page (the consultation hall's cases) opens its case: /console.html#case=GW-…
  const asked = new URLSearchParams(location.hash.slice(1)).get('case');
  if (asked) await showCase(asked, true).catch(err => toast(err.message));
  document.body.dataset.ready = 'true';
}

/**
 * Names of the areas and departments the console shows by code: communities, subdistricts and departments whole;
 * grids only where cases are (a city has too many to read whole: the labels answer at most 5,000 per view).
 */
async function loadNames(subdistricts) {
  const [communities, departments] = await Promise.all([areaLabels('communities'), getJson('/api/v1/departments').catch(() => [])]);
  for (const a of [...subdistricts, ...communities]) state.names.set(a.code, a);
  for (const d of departments) state.names.set(d.code, d);
}

/**
 * Learns the names of the grids the cases lie in that are not known yet: one labels read over the box around the
 * cases (a grid's label point lies near its cases), then each grid still unnamed by its code.
 */
async function nameGrids(cases) {
  const missing = cases.filter(c => c.gridCode && !state.names.has(c.gridCode) && c.location?.coordinates);
  if (!missing.length) return;
  const xs = missing.map(c => c.location.coordinates[0]), ys = missing.map(c => c.location.coordinates[1]);
  const pad = 0.01; // about a kilometre: more than a grid's reach from its label point
  const bbox = [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad].map(v => v.toFixed(6)).join(',');
  const labels = await getJson(`/api/v1/areas/labels?level=grids&bbox=${bbox}`).catch(() => ({ areas: [] }));
  for (const a of labels.areas) state.names.set(a.code, a);
  const still = [...new Set(missing.map(c => c.gridCode).filter(code => !state.names.has(code)))];
  await Promise.all(still.slice(0, 20).map(code => getJson(`/api/v1/areas/${encodeURIComponent(code)}`)
    .then(d => state.names.set(code, d.area)).catch(() => {})));
}

/** A grid's outline (its open cases are the case layer's circles); a fill nobody sees, so that the pointer finds it. */
function gridStyle() {
  return { weight: 0.5, color: '#777', fill: true, fillColor: '#1e88e5', fillOpacity: 0.02, className: 'gw-grid' };
}

/** The grid under a click (asked of the locator, not of the tiles), with its open and overdue cases as the case tiles drew them. */
async function showGridAt(latlng) {
  let placed;
  try {
    placed = await getJson(`/api/v1/locate?lon=${latlng.lng.toFixed(7)}&lat=${latlng.lat.toFixed(7)}&crs=WGS84`);
  } catch {
    return; // outside the district: nothing to open
  }
  const code = placed.grid.code, counts = countsIn(state.caseTiles, code);
  const figures = counts ? `<dl class="figures"><dt>${t('gridOpenCases')}</dt><dd data-figure="open">${counts.open}</dd>`
    + `<dt>${t('gridOverdueCases')}</dt><dd data-figure="overdue">${counts.overdue}</dd></dl>`
    : `<p class="hint">${state.map.getZoom() >= 15 ? t('gridCasesAsPoints') : ''}</p>`;
  L.popup().setLatLng(latlng).setContent(`<div class="grid-popup" data-grid="${escapeHtml(code)}"><b class="code">${escapeHtml(code)}</b> `
    + `${escapeHtml(areaName(placed.grid))}${figures}</div>`).openOn(state.map);
}

/** A code with its name beside it in the UI language ("370203014002001 敦化路第二网格"); the code alone when unknown. */
/** Who holds a case: a property company by its name (物业优先), any other unit by code and name. */
function holder(c) {
  return c.level === 'PROPERTY' && c.property ? escapeHtml(c.property.name) : named(c.unitCode);
}

function named(code) {
  if (!code) return '';
  const n = state.names.get(code);
  return n ? `${escapeHtml(code)} <span class="name">${escapeHtml(areaName(n))}</span>` : escapeHtml(code);
}

/** The filters' options in the current language; a choice already made stays. */
function fillFilters(subdistricts) {
  const options = (id, values) => {
    const select = document.getElementById(id), chosen = select.value;
    select.innerHTML = values.map(([v, label]) => `<option value="${escapeHtml(v)}">${escapeHtml(label)}</option>`).join('');
    if (chosen) select.value = chosen;
  };
  options('f-status', [['open', t('openOption')], ['all', t('allOption')],
    ...['REPORTED', 'REGISTERED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'RETURNED', 'PARKED', 'CLOSED', 'REJECTED']
      .map(s => [s, t(s)])]);
  options('f-category', [['', t('allOption')], ...state.categories.map(c => [c.code, areaName(c)])]);
  options('f-level', [['', t('allOption')], ...['PROPERTY', 'GRID', 'COMMUNITY', 'SUBDISTRICT', 'DEPARTMENT'].map(l => [l, t(l)])]);
  options('f-subdistrict', [['', t('allOption')], ...subdistricts.map(a => [a.code, areaName(a)])]);
}

function queueUrl(cursor) {
  const p = new URLSearchParams({ limit: '50', status: document.getElementById('f-status').value });
  for (const [param, id] of [['category', 'f-category'], ['level', 'f-level'], ['subdistrict', 'f-subdistrict']]) {
    const v = document.getElementById(id).value;
    if (v) p.set(param, v);
  }
  if (document.getElementById('f-mine').checked) p.set('mine', 'true');
  if (cursor) p.set('cursor', cursor);
  return `/api/v1/incidents?${p}`;
}

const CLOSED_STATUSES = new Set(['REJECTED', 'CLOSED', 'MERGED', 'TRANSFERRED']);

/** Whether a case fits the queue's filters as they are set now. */
function fitsFilters(c) {
  const status = document.getElementById('f-status').value;
  if (status === 'open' ? CLOSED_STATUSES.has(c.status) : status !== 'all' && c.status !== status) return false;
  const wanted = [['category', 'f-category'], ['level', 'f-level'], ['subdistrictCode', 'f-subdistrict']];
  return wanted.every(([field, id]) => !document.getElementById(id).value || c[field] === document.getElementById(id).value);
}

/**
 * Cases reported while the operator watches stay in view, marked fresh, even when more urgent ones fill the first
 * page (fifty cases due at the same morning would otherwise push a new one out of sight).
 */
async function withFresh(items) {
  if (!state.fresh.size || document.getElementById('f-mine').checked) return items;
  const shown = new Set(items.map(i => i.id));
  const missing = [...state.fresh].filter(id => !shown.has(id));
  const found = await Promise.all(missing.map(id => getJson(`/api/v1/incidents/${encodeURIComponent(id)}`).catch(() => null)));
  return [...found.filter(c => c && fitsFilters(c)), ...items];
}

/**
 * Loads the queue. The latest request wins: changing a filter aborts the list still on its way, and an answer that
 * is not the latest request's is dropped, so a slow answer for an earlier filter never replaces the list.
 */
async function loadQueue(reset) {
  const mine = ++state.queueSeq;
  if (state.queueAbort) state.queueAbort.abort();
  const abort = state.queueAbort = new AbortController();
  let page;
  try {
    page = await getJson(queueUrl(reset ? null : state.next), {}, abort.signal);
    if (reset) page.items = await withFresh(page.items);
  } catch (err) {
    if (err.name === 'AbortError' || mine !== state.queueSeq) return;
    throw err;
  }
  if (mine !== state.queueSeq) return;
  state.queueAbort = null;
  state.items = reset ? page.items : state.items.concat(page.items.filter(i => !state.items.some(s => s.id === i.id)));
  state.next = page.next || null;
  document.getElementById('more').hidden = !state.next;
  renderQueue();
  nameGrids(page.items).then(() => { if (mine === state.queueSeq) renderQueue(); }).catch(() => {});
}

/** On time, warning (less than a fifth of the time left) or overdue. */
function urgency(item, now = Date.now()) {
  if (!item.deadline || item.status === 'IN_CONSULTATION') return 'none'; // paused: neither warning nor overdue
  const due = Date.parse(item.deadline), from = Date.parse(item.updatedAt || item.reportedAt);
  if (now > due) return 'overdue';
  return (due - now) < 0.2 * Math.max(1, due - from) ? 'warning' : 'on-time';
}

function countdown(item, now = Date.now()) {
  if (item.status === 'IN_CONSULTATION') return t('cvPausedShort'); // the clock is paused: no time runs out
  if (!item.deadline) return '';
  let ms = Date.parse(item.deadline) - now;
  const sign = ms < 0 ? `${t('overdueBy')} ` : '';
  ms = Math.abs(ms);
  return ms === 0 ? '' : `${sign}${duration(ms)}${sign ? '' : ' ' + t('left')}`;
}

/** The case's warning light (green, yellow, red; none when no handling clock runs), as a dot with its name. */
function lightDot(light) {
  if (!light) return '';
  return `<i class="light light-${light.toLowerCase()}" data-light="${escapeHtml(light)}" title="${t(light + '_light')}" role="img" aria-label="${t(light + '_light')}"></i>`;
}

/** The 督办 mark of a case the command centre supervises. */
function supervisedMark(item, id) {
  return item.supervised ? `<b class="supervised-mark"${id ? ` id="${id}"` : ''} title="${t('supervisedTitle')}">${t('supervisedMark')}</b>` : '';
}

function renderQueue() {
  const list = document.getElementById('queue');
  if (!state.items.length) { list.innerHTML = `<li class="hint">${t('noCases')}</li>`; return; }
  list.innerHTML = '';
  for (const item of state.items) {
    const li = document.createElement('li');
    li.dataset.id = item.id;
    li.dataset.status = item.status;
    li.dataset.category = item.category;
    li.className = `${urgency(item)}${state.selected === item.id ? ' selected' : ''}${state.fresh.has(item.id) ? ' fresh' : ''}`;
    const cat = state.categories.find(c => c.code === item.category);
    li.innerHTML = `<div class="row1"><span>${lightDot(item.light)} ${escapeHtml(item.id)} ${supervisedMark(item)}</span><span class="countdown ${urgency(item)}">${countdown(item)}</span></div>
      <div class="row2"><span>${escapeHtml(cat ? areaName(cat) : item.category)}</span><span class="badge">${t(item.status)}</span></div>
      <div class="unit">${item.level ? t(item.level) : ''} ${item.assignee ? escapeHtml(item.assignee.name) : holder(item)}</div>
      ${item.returnReason ? `<div class="reason">${t('returnReason')}: ${escapeHtml(item.returnReason)}</div>` : ''}`;
    li.addEventListener('click', () => { setFollow(true); showCase(item.id, true); });
    list.appendChild(li);
  }
}

function tickCountdowns() {
  const now = Date.now();
  document.querySelectorAll('#queue li[data-id]').forEach(li => {
    const item = state.items.find(i => i.id === li.dataset.id);
    if (!item) return;
    const span = li.querySelector('.countdown');
    const u = urgency(item, now);
    span.textContent = countdown(item, now);
    span.className = `countdown ${u}`;
    li.classList.remove('on-time', 'warning', 'overdue');
    if (u !== 'none') li.classList.add(u);
  });
}

/** The timeline in the UI language: what happened, when (district time), who, and where the case went. */
function timeline(history, property) {
  return history.map(e => `<li data-type="${escapeHtml(e.type)}"><strong>${escapeHtml(eventLabel(e.type))}</strong>
    <time datetime="${escapeHtml(e.at)}">${when(e.at)}</time>
    · ${e.role === 'SYSTEM' ? t('actorSystem') : `${escapeHtml(e.actor)} (${escapeHtml(roleLabel(e.role))})`}
    ${e.to && e.from !== e.to ? ` · ${e.from ? `${t(e.from)} → ` : ''}${t(e.to)}` : ''}${e.level ? ` · ${t(e.level)} ${e.level === 'PROPERTY' && property ? escapeHtml(property.name) : named(e.unitCode)}` : ''}
    ${e.target ? `<br><span class="hop">→ ${t('sentTo')} ${escapeHtml(e.target.name || '')} (${escapeHtml(e.target.code)})</span>` : ''}
    ${e.rating ? `<br><b class="rating">${t('rating_' + e.rating)}</b>` : ''}
    ${e.note ? `<br>${escapeHtml(e.note)}` : ''}</li>`).join('');
}

/** The selected case's ring on the map, apart from the case tiles, so that it stays when they are redrawn. */
function markSelected(c) {
  const [x, y] = c.location.coordinates;
  if (state.selectedMark) { state.selectedMark.setLatLng([y, x]); return; }
  // A marker, not a vector ring: it must sit above the case tiles' points.
  state.selectedMark = L.marker([y, x], { interactive: false, keyboard: false, zIndexOffset: 10000,
    icon: L.divIcon({ className: 'gw-selected-case', html: '', iconSize: [30, 30], iconAnchor: [15, 15] }) }).addTo(state.map);
}

async function showCase(id, zoom) {
  const changed = state.selected !== id;
  state.selected = id;
  renderQueue();
  if (changed) clearCameras(state.map);
  const c = await getJson(`/api/v1/incidents/${encodeURIComponent(id)}`);
  await nameGrids([c]);
  if (state.selected !== id) return; // another case was picked meanwhile
  markSelected(c);
  const cat = state.categories.find(x => x.code === c.category);
  const el = document.getElementById('detail');
  document.getElementById('detail-empty').hidden = true;
  const history = timeline(c.history || [], c.property);
  const html = `<h2>${escapeHtml(c.id)} <span class="badge" id="case-status">${t(c.status)}</span> ${supervisedMark(c, 'case-supervised')}</h2>
    <dl>
      ${c.light ? `<dt>${t('lightLabel')}</dt><dd id="case-light" data-light="${escapeHtml(c.light)}">${lightDot(c.light)} ${t(c.light + '_light')}</dd>` : ''}
      <dt>${t('categoryLabel')}</dt><dd>${escapeHtml(cat ? areaName(cat) : c.category)}</dd>
      <dt>${t('grid')}</dt><dd id="case-grid">${named(c.gridCode)}</dd>
      <dt>${t('responsible')}</dt><dd id="case-unit">${c.level ? t(c.level) : '—'} ${holder(c)}</dd>
      ${c.compound ? `<dt>${t('compoundLabel')}</dt><dd id="case-compound">${escapeHtml(c.compound)}${c.property ? ` · ${t('propertyFirstBy')} ${escapeHtml(c.property.name)}` : ''}</dd>` : ''}
      ${c.assignee ? `<dt>${t('assignee')}</dt><dd id="case-assignee">${escapeHtml(c.assignee.name)} (${escapeHtml(c.assignee.person)})</dd>` : ''}
      ${c.returnReason ? `<dt>${t('returnReason')}</dt><dd id="case-return-reason">${escapeHtml(c.returnReason)}</dd>` : ''}
      <dt>${t('deadline')}</dt><dd>${when(c.deadline)}</dd>
      ${HOTLINE_SLOT}
      ${pauseRows(c)}
      <dt>${t('reportedAt')}</dt><dd>${when(c.reportedAt)}</dd>
    </dl>
    <p>${escapeHtml(c.description)}</p>
    ${c.media && c.media.length ? `<h3>${t('photosTitle')}</h3><div class="photos" id="case-photos" data-ids="${escapeHtml(c.media.map(m => m.id).join(' '))}"></div>` : ''}
    ${c.reporter ? `<p class="note">${escapeHtml([c.reporter.name, c.reporter.phone, c.reporter.email].filter(Boolean).join(' · '))}</p>` : ''}
    <div class="actions">${(c.actions || []).map(a => `<button type="button" data-action="${a}">${t(actionLabel(a, c))}</button>`).join('')}</div>
    <div id="picker" hidden></div>
    <textarea id="action-note" placeholder="${t('notePlaceholder')}"></textarea>
    <div id="case-cameras" class="cameras"></div>
    <h3>${t('timeline')}</h3><ol class="timeline">${history}</ol>`;
  // A live redraw of an unchanged case leaves the panel alone, so a button about to be clicked stays where it is;
  // a redraw of the same case in the same status keeps the note being typed.
  if (el.dataset.rendered !== html) {
    const sameCase = el.dataset.caseId === c.id && el.dataset.status === c.status;
    const note = sameCase ? document.getElementById('action-note')?.value || '' : '';
    el.innerHTML = html;
    Object.assign(el.dataset, { rendered: html, caseId: c.id, status: c.status });
    document.getElementById('action-note').value = note;
    el.querySelectorAll('.actions button').forEach(b => b.addEventListener('click', () => {
      if (b.dataset.action === 'dispatch') return pickTarget(c.id);
      if (b.dataset.action === 'convene') return pickConvene(c, document.getElementById('picker'),
        () => document.getElementById('action-note').value.trim(), () => afterAction(c.id, 'convene'));
      return act(c.id, b.dataset.action);
    }));
    if (c.media && c.media.length) showPhotos(document.getElementById('case-photos'), c.media);
    showHotline(c).catch(err => console.warn('hotline', err));
    showCameras(c.id, document.getElementById('case-cameras'), state.map, state.me).catch(err => console.warn('cameras', err));
  }
  const [x, y] = c.location.coordinates;
  if (zoom && state.follow) state.map.setView([y, x], Math.max(state.map.getZoom(), 16));
}

/** 派遣 of a registered case; 改派 of one already sent somewhere (or returned). */
function actionLabel(action, c) {
  return action === 'dispatch' && c.status !== 'REGISTERED' ? 'redispatch' : action;
}

/** The candidate picker: the category's default first, then the grid's people and the other units, each with its workload. */
async function pickTarget(id) {
  const picker = document.getElementById('picker');
  const { candidates } = await getJson(`/api/v1/incidents/${encodeURIComponent(id)}/candidates`);
  const role = c => c.kind === 'PERSON' ? (currentLang() === 'zh' ? c.roleZh : c.roleEn) : t(c.level);
  picker.innerHTML = `<h3>${t('pickTarget')}</h3><ul class="candidates">${candidates.map(c => `<li>
      <button type="button" data-kind="${c.kind}" data-code="${escapeHtml(c.code)}">
        <span class="who">${escapeHtml(c.name || c.code)}${c.isDefault ? ` <b class="default">${t('defaultTarget')}</b>` : ''}</span>
        <span class="what">${escapeHtml(role(c) || '')} · ${escapeHtml(c.code)}${c.kind === 'PERSON' && !c.account ? ` · ${t('noAccount')}` : ''}</span>
        <span class="load">${t('openLoad')} ${c.openCases}</span>
      </button></li>`).join('')}</ul>
    <button type="button" id="picker-cancel">${t('cancel')}</button>`;
  picker.hidden = false;
  picker.querySelector('#picker-cancel').addEventListener('click', () => { picker.hidden = true; });
  picker.querySelectorAll('.candidates button').forEach(b => b.addEventListener('click', () =>
    act(id, 'dispatch', { [b.dataset.kind === 'PERSON' ? 'person' : 'unit']: b.dataset.code })));
  picker.scrollIntoView({ block: 'nearest' });
}

async function act(id, action, target = {}) {
  const note = document.getElementById('action-note').value.trim();
  const body = { note: note || null, ...target };
  if (action === 'merge') body.into = prompt('GW-…');
  try {
    await postJson(`/api/v1/incidents/${encodeURIComponent(id)}/${action}`, body);
    await afterAction(id, action);
  } catch (err) {
    toast(err.message);
  }
}

async function afterAction(id, action) {
  toast(`${id}: ${t(action)}`);
  await showCase(id, false);
  await loadQueue(true);
}

function connectLive() {
  const source = new EventSource('/api/v1/live');
  const indicator = document.getElementById('live-state');
  source.addEventListener('hello', () => { indicator.className = 'live-on'; });
  source.onerror = () => { indicator.className = 'live-off'; };
  let pending;
  // A planner committed new boundaries: the area tiles are read again (only those whose ETag changed), and the names.
  redrawOnLive(source, state.tiles);
  source.addEventListener('boundaries', () => { forgetAreaLabels(); loadNames(state.subdistricts || []).catch(() => {}); });
  source.addEventListener('incident', e => {
    const ev = JSON.parse(e.data);
    if (ev.deadlinePassed) raiseAlarm(ev.id, id => { setFollow(true); showCase(id, true); });
    if (ev.type === 'REPORTED') {
      state.fresh.add(ev.id);
      toast(`${t('newCase')} ${ev.id}`);
    }
    clearTimeout(pending);
    pending = setTimeout(async () => {
      refreshFigures().catch(() => {});
      await loadQueue(true);
      state.caseTiles?.refresh(); // redrawn when the case layer's version moved (tiles whose tag did not, come back 304)
      if (state.selected === ev.id) await showCase(ev.id, false);
      if (ev.type === 'REPORTED' && state.follow) {
        const item = state.items.find(i => i.id === ev.id);
        if (item) state.map.setView([item.location.coordinates[1], item.location.coordinates[0]], Math.max(state.map.getZoom(), 15));
      }
    }, 300);
  });
}

function setFollow(on) {
  state.follow = on;
  const b = document.getElementById('follow');
  if (b) b.textContent = on ? `✓ ${t('follow')}` : t('followOff');
}

function addFollowControl(map) {
  const control = L.control({ position: 'topleft' }); // top right is the base-map switch's
  control.onAdd = () => {
    const b = L.DomUtil.create('button', 'legend');
    b.id = 'follow';
    b.type = 'button';
    L.DomEvent.disableClickPropagation(b);
    b.addEventListener('click', () => setFollow(!state.follow));
    return b;
  };
  control.addTo(map);
  setFollow(true);
}


start().catch(err => { console.error(err); toast(err.message); });
