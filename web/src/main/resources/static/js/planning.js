// The police planning view: per-grid coverage for a time of day, gaps, cameras with their sectors, patrol routes
// with their strips, drafts with their effect (what-if) and suggested camera sites.
import { getJson, postJson, sendJson, allItems, signedInUser } from './api.js';
import { startLanguage, onLanguageChange, t, when } from './i18n.js';
import { fill } from './planning-text.js';
import { tileLayer } from './tile-layers.js';
import { escapeHtml } from './layers.js';
import { startMap } from './basemap.js';
import { Drafts } from './drafts.js';
import { toast } from './toast.js';
import { whenReady } from './startup.js';
import { Walked } from './walked.js';

const L = window.L;
export const STATUS_COLOUR = { ONLINE: '#2e7d32', OFFLINE: '#78909c', FAULT: '#c62828' };
const COVERAGE_BINS = [[0.2, '#d73027'], [0.4, '#fc8d59'], [0.6, '#fee08b'], [0.8, '#d9ef8b'], [Infinity, '#1a9850']];
const state = { window: '10:00', grids: new Map(), drafts: null, loading: 0, asked: 0 };

export function coverageColour(share) { return COVERAGE_BINS.find(([max]) => share < max)[1]; }
export function percent(share) { return share == null ? '—' : `${(share * 100).toFixed(1)}%`; }


async function start() {
  startLanguage();
  await whenReady();
  state.me = await signedInUser();
  if (!state.me) {
    document.getElementById('summary').innerHTML = `<dd><a href="/login">${t('signInFirst')}</a></dd>`;
    document.body.dataset.ready = 'true';
    return;
  }
  // The layer list stays open on wide screens, as before the base-map switch joined it.
  const shell = await startMap('map', { preferCanvas: true }, { collapsed: !window.matchMedia('(min-width: 900px)').matches });
  const map = shell.map;
  state.map = map;
  map.createPane('sectors').style.zIndex = 420;
  map.createPane('routes').style.zIndex = 430;
  state.layers = {
    // Not clickable itself: the route and sector canvases lie above it and would swallow its clicks. A click on the map
    // asks the locator for its grid instead (showGridAt), so grids open with every layer on.
    coverage: L.layerGroup().addTo(map), // the grids' vector tiles, coloured by the window's figures (loadOutlines)
    gaps: L.geoJSON(null, { style: { color: '#7f0000', weight: 0, fillColor: '#7f0000', fillOpacity: 0.45 }, interactive: false }),
    sectors: L.geoJSON(null, { pane: 'sectors', style: f => ({ color: STATUS_COLOUR[f.properties.status], weight: 0.6,
      fillColor: STATUS_COLOUR[f.properties.status], fillOpacity: f.properties.status === 'ONLINE' ? 0.25 : 0.12 }), interactive: false }).addTo(map),
    cameras: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 3, pane: 'sectors', weight: 1, color: '#fff', bubblingMouseEvents: false,
      fillColor: STATUS_COLOUR[f.properties.status], fillOpacity: 1 }), onEachFeature: cameraPopup }).addTo(map),
    routes: L.layerGroup().addTo(map),
    suggestions: L.layerGroup().addTo(map),
  };
  state.siteRenderer = L.svg({ pane: 'routes' }); // few shapes, each with a tooltip: SVG, not the routes' canvas
  map.on('click', e => { if (!state.drafts.mode) showGridAt(e.latlng); });
  state.walked = new Walked(map);
  // Outlines only: not waited for, so the figures are asked for at once.
  tileLayer(map, 'subdistricts', { styles: { subdistricts: { color: '#b22222', weight: 2, fill: false, className: 'gw-subdistrict' } }, zIndex: 2 })
    .then(h => h.layer.addTo(map)).catch(e => toast(e.message));
  shell.setOverlays(() => ({ [t('layerCoverage')]: state.layers.coverage, [t('layerGaps')]: state.layers.gaps,
    [t('layerSectors')]: state.layers.sectors, [t('layerCameras')]: state.layers.cameras,
    [t('layerRoutes')]: state.layers.routes, [t('layerSuggestions')]: state.layers.suggestions, ...state.walked.overlays() }));
  state.legend = addLegend(map);
  map.on('layeradd', e => { if (e.layer === state.layers.gaps) loadGaps(); }); // gaps only when looked at
  map.on('zoomend', () => restyleRoutes());
  state.drafts = new Drafts(map, () => state.window, { onSaved: () => reload(), restyle: () => restyleGrids(), percent, toast });
  bindWindow();
  document.getElementById('walked-days').addEventListener('change', () => loadWalked());
  document.getElementById('suggest').addEventListener('click', suggest);
  bindObstacles();
  onLanguageChange(rerender);
  window.gridwatchPlanning = state;
  loadOutlines(); // once: the outlines do not change with the window (the figures colour them when either arrives)
  await reload();
  document.body.dataset.ready = 'true';
}

function bindWindow() {
  const slider = document.getElementById('window'), label = document.getElementById('window-label');
  const set = minutes => {
    state.window = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    label.textContent = state.window;
  };
  slider.addEventListener('input', () => set(Number(slider.value)));
  slider.addEventListener('change', () => { set(Number(slider.value)); loadWindow(); });
  document.querySelectorAll('[data-window]').forEach(b => b.addEventListener('click', () => {
    const [h, m] = b.dataset.window.split(':').map(Number);
    slider.value = String(h * 60 + m);
    set(h * 60 + m);
    loadWindow();
  }));
}

/**
 * Everything after a save (cameras, routes, obstacles changed): the window's figures, and the camera and route layers,
 * which do not depend on the window and are fetched only here (3.8 MB of sectors), then the walk beside the plan.
 */
async function reload() {
  state.gapsWindow = null;
  await Promise.all([loadWindow(), loadCameras(), loadRoutes()]);
  loadWalked(); // not waited for: the figures show first
}

/** The grids' outlines from vector tiles, drawn in the colour of the window's figures (grey until these arrive). */
async function loadOutlines() {
  busy(+1, t('loadingGrids'));
  try {
    state.gridTiles = await tileLayer(state.map, 'grids', { styles: { grids: p => gridStyle({ id: p.code }) }, zIndex: 1 });
    state.layers.coverage.addLayer(state.gridTiles.layer);
  } catch (e) {
    toast(e.message);
  } finally {
    busy(-1);
  }
}

/** Route lines and schedules; which run, and their next pass, come with each window's figures. */
async function loadRoutes() {
  busy(+1, t('loadingRoutes'));
  try {
    state.routeFeatures = (await allItems('patrol-routes', `&window=${encodeURIComponent(state.window)}`)).features;
    showRouteStates();
  } catch (e) {
    toast(e.message);
  } finally {
    busy(-1);
  }
}

/** The routes as they run in the window shown (once both the lines and the window's figures are in). */
function showRouteStates() {
  if (!state.routeFeatures || !state.routeStates) return;
  for (const f of state.routeFeatures) {
    const r = state.routeStates[f.properties.code];
    if (!r) continue;
    f.properties.active = r.active;
    if (r.nextPass) f.properties.next_pass = r.nextPass; else delete f.properties.next_pass;
  }
  drawRoutes(state.routeFeatures);
}

/** The gaps of the window shown, asked only while the gap layer is on the map (they are the heaviest per window). */
async function loadGaps() {
  const window = state.window;
  if (!state.map.hasLayer(state.layers.gaps) || state.gapsWindow === window) return;
  busy(+1, fill(t('computing'), { w: window }));
  try {
    const gaps = await allItems('coverage-gaps', `&window=${encodeURIComponent(window)}`);
    if (window !== state.window) return;
    state.gapsWindow = window;
    state.layers.gaps.clearLayers();
    state.layers.gaps.addData(gaps);
  } catch (e) {
    toast(e.message);
  } finally {
    busy(-1);
  }
}

/** Camera positions and sectors: the same at every time of day. */
async function loadCameras() {
  busy(+1, t('loadingCameras'));
  try {
    const [sectors, cameras] = await Promise.all([allItems('camera-coverage'), allItems('cameras')]);
    for (const [id, data] of [['sectors', sectors], ['cameras', cameras]]) {
      state.layers[id].clearLayers();
      state.layers[id].addData(data);
    }
  } catch (e) {
    toast(e.message);
  } finally {
    busy(-1);
  }
}

/**
 * What depends on the time of day: grid figures, running routes and the district's figures, in one small answer
 * without geometry (and the gaps when their layer is on). The latest request wins: an answer for a window the
 * planner has already left is dropped, so the map never shows a stale window.
 */
async function loadWindow() {
  const asked = ++state.asked, window = state.window;
  busy(+1, fill(t('computing'), { w: window }));
  document.body.dataset.window = 'loading';
  try {
    loadGaps();
    const figures = await getJson(`/api/v1/coverage/window?window=${encodeURIComponent(window)}`);
    if (asked !== state.asked) return;
    state.grids = new Map(Object.entries(figures.grids));
    state.routeStates = figures.routes;
    state.summary = figures.district;
    state.summaryWindow = window;
    summary();
    restyleGrids();
    showRouteStates();
    if (state.open) showGridAt(state.open.latlng); // an open grid shows the new window's figures
    state.drafts.refresh();
    document.body.dataset.window = window;
  } catch (e) {
    if (asked === state.asked) {
      document.body.dataset.window = 'failed';
      toast(e.message);
    }
  } finally {
    busy(-1);
  }
}

/** The loading state: the panel says what is being computed; the page is marked busy for as long as a call runs. */
function busy(delta, text) {
  state.loading += delta;
  const el = document.getElementById('plan-status');
  if (delta > 0) {
    document.body.dataset.busy = 'true';
    el.textContent = text;
    el.classList.add('working');
  } else if (state.loading === 0) {
    delete document.body.dataset.busy;
    el.classList.remove('working');
    el.textContent = state.summaryWindow ? fill(t('computed'), { w: state.summaryWindow }) : '';
  }
}

/** Everything on screen in the language just chosen, from the answers already held (nothing is asked again). */
function rerender() {
  summary();
  walkedSummary();
  busy(0);
  if (state.suggestions) showSuggestions(state.suggestions);
  if (state.open) showGridAt(state.open.latlng);
  state.drafts.show(state.drafts.result);
  state.legend.remove();
  state.legend = addLegend(state.map);
  const mode = state.drafts.mode;
  document.getElementById('tool-hint').textContent = mode === 'camera' ? t('hintCamera') : mode === 'route' ? t('hintRoute') : '';
}

/** The plan beside the walk, for the days chosen up to now (the time-of-day slider is about the plan). */
async function loadWalked() {
  document.getElementById('walked-summary').innerHTML = `<dd class="hint">${t('loading')}</dd>`;
  try {
    await state.walked.load(document.getElementById('walked-days').value,
      new Map((state.routes || []).map(f => [f.properties.code, f])));
    walkedSummary();
  } catch (e) {
    document.body.dataset.walked = 'failed';
    toast(e.message);
  }
}

function walkedSummary() { document.getElementById('walked-summary').innerHTML = state.walked.summaryHtml(); }

function gridStyle(f) {
  const after = state.drafts?.after(f.id);
  const share = after ?? state.grids.get(f.id)?.combinedCoverage;
  return { color: after != null ? '#b26a00' : '#555', weight: after != null ? 2.5 : 0.4,
    fillColor: share == null ? '#bdbdbd' : coverageColour(share), fillOpacity: 0.55, className: `gw-coverage grid-${f.id}` };
}

/** Grids the drafts change are drawn with their figures after the change, outlined (every grid: the figures moved). */
function restyleGrids() {
  if (!state.gridTiles) return;
  for (const code of state.grids.keys()) state.gridTiles.restyle(code);
}

/** The grid under a point (asked of the locator), opened with its figures at the current window (and after the drafts). */
async function showGridAt(latlng) {
  const asked = state.asking = latlng;
  let code;
  try {
    code = (await getJson(`/api/v1/locate?lon=${latlng.lng.toFixed(7)}&lat=${latlng.lat.toFixed(7)}&crs=WGS84`)).grid.code;
  } catch {
    code = null; // outside the district: no grid to open
  }
  if (asked !== state.asking) return; // a later click is being answered
  if (!code) { state.open = null; return; }
  const f = { id: code };
  const p = state.grids.get(f.id);
  if (!p) { state.open = null; return; }
  const rows = [['cameraCoverage', percent(p.cameraCoverage)], ['patrolCoverage', percent(p.patrolCoverage)],
    ['combinedCoverage', percent(p.combinedCoverage)], ['keyAreaCoverage', percent(p.keyAreaCoverage)],
    ['cameraWorkingRate', percent(p.cameraWorkingRate)], ['camerasLabel', p.cameras], ['casesInGaps', p.casesInGaps90d],
    ['staffing', p.staffingComplete ? '✓' : p.staffingGaps.map(s => t(s)).join(', ')]];
  const after = state.drafts.after(f.id);
  if (after != null) rows.push(['withDrafts', percent(after)]);
  state.open = { id: f.id, latlng };
  const html = `<div class="grid-figures" data-grid="${escapeHtml(f.id)}"><b class="code">${escapeHtml(f.id)}</b> `
    + `(${escapeHtml(state.window)})<dl class="figures">${rows.map(([k, v]) =>
      `<dt>${t(k)}</dt><dd data-figure="${k}">${escapeHtml(String(v))}</dd>`).join('')}</dl></div>`;
  if (state.popup?.isOpen()) state.popup.setLatLng(latlng).setContent(html);
  else {
    state.popup = L.popup().setLatLng(latlng).setContent(html).openOn(state.map);
    state.popup.on('remove', () => { state.open = null; });
  }
}

function cameraPopup(f, layer) {
  const p = f.properties;
  layer.bindPopup(() => `<b>${escapeHtml(p.code)}</b> ${escapeHtml(p.name)}<br>${p.type} · ${p.heading}° · ${p.fov}° · ${p.range} m<br>`
    + `<span style="color:${STATUS_COLOUR[p.status]}">${t(p.status)}</span> · ${escapeHtml(p.grid_code || '')}`);
}

/** A route is drawn as its strip: a round-capped line as wide as its coverage (2 × width metres) at this zoom. */
function drawRoutes(features) {
  state.routes = features;
  state.layers.routes.clearLayers();
  for (const f of features) {
    const latlngs = L.GeoJSON.coordsToLatLngs(f.geometry.coordinates, f.geometry.type === 'MultiLineString' ? 1 : 0);
    const strip = L.polyline(latlngs, { pane: 'routes', color: '#1565c0', opacity: f.properties.active ? 0.2 : 0,
      lineCap: 'round', lineJoin: 'round', interactive: false });
    strip.widthM = f.properties.width;
    const line = L.polyline(latlngs, { pane: 'routes', color: f.properties.active ? '#0d47a1' : '#90a4ae', weight: 1.5, opacity: 0.8,
      dashArray: f.properties.active ? null : '4 4', bubblingMouseEvents: false });
    line.on('click', () => routePopup(f, line));
    state.layers.routes.addLayer(strip).addLayer(line);
  }
  restyleRoutes();
}

function restyleRoutes() {
  const map = state.map, metresPerPixel = 40075016.686 * Math.cos(map.getCenter().lat * Math.PI / 180) / (256 * 2 ** map.getZoom());
  state.layers.routes.eachLayer(l => { if (l.widthM) l.setStyle({ weight: Math.max(1, 2 * l.widthM / metresPerPixel) }); });
}

function routePopup(f, line) {
  const p = f.properties, next = when(p.next_pass);
  const div = L.DomUtil.create('div');
  div.innerHTML = `<b>${escapeHtml(p.code)}</b> ${escapeHtml(p.name)}<br>${t(p.mode)} · ${p.width} m · ${p.active ? t('active') : t('inactive')}`
    + `<br>${t('nextPass')}: ${next}<br><button type="button" class="edit-route">${t('editRoute')}</button>`;
  div.querySelector('.edit-route').addEventListener('click', () => { line.closePopup(); state.drafts.editRoute(f); });
  line.bindPopup(div).openPopup();
}

/** The obstacle layer: import footprints (GeoJSON) or clear them; sectors and coverage follow at once. */
function bindObstacles() {
  const count = async () => {
    document.getElementById('obstacle-count').textContent = (await getJson('/api/v1/obstacles')).count;
  };
  document.getElementById('obstacle-file').addEventListener('change', async e => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      const r = await postJson('/api/v1/obstacles/import', JSON.parse(await file.text()));
      const firstError = r.errors.length ? ` ${r.errors[0].field}: ${r.errors[0].reason}` : '';
      toast(`${t('obstaclesStored')} ${r.stored}, ${t('obstaclesRefused')} ${r.refused}.${firstError}`);
      await Promise.all([count(), reload()]);
    } catch (err) {
      toast(err instanceof SyntaxError ? `${file.name}: ${err.message}` : err.message);
    }
    e.target.value = '';
  });
  document.getElementById('clear-obstacles').addEventListener('click', async () => {
    try {
      await sendJson('DELETE', '/api/v1/obstacles');
      await Promise.all([count(), reload()]);
    } catch (err) {
      toast(err.message);
    }
  });
  count();
}

function summary() {
  const s = state.summary;
  if (!s) return;
  const rows = [['cameraCoverage', percent(s.cameraCoverage)], ['patrolCoverage', percent(s.patrolCoverage)],
    ['combinedCoverage', percent(s.combinedCoverage)], ['keyAreaCoverage', percent(s.keyAreaCoverage)],
    ['cameraWorkingRate', `${percent(s.cameraWorkingRate)} (${s.cameras})`], ['casesInGaps', s.casesInGaps90d],
    ['gridsStaffed', `${s.gridsFullyStaffed} / ${s.grids}`]];
  document.getElementById('summary').innerHTML = rows.map(([k, v]) => `<dt>${t(k)}</dt><dd id="sum-${k}">${escapeHtml(String(v))}</dd>`).join('');
}

async function suggest() {
  const list = document.getElementById('suggestions');
  list.innerHTML = `<li class="hint">${t('loading')}</li>`;
  document.body.dataset.suggestions = 'loading';
  try {
    const r = await postJson('/api/v1/coverage/suggestions', { k: Number(document.getElementById('k').value), window: state.window });
    state.suggestions = r;
    showSuggestions(r);
    document.body.dataset.suggestions = 'shown';
  } catch (e) {
    list.innerHTML = '';
    delete document.body.dataset.suggestions;
    toast(e.message);
  }
}

/** The suggested sites in the panel and on the map: numbered circles as large as the camera's reach. */
function showSuggestions(r) {
  const list = document.getElementById('suggestions');
  list.innerHTML = '';
  state.layers.suggestions.clearLayers();
  r.sites.forEach((s, i) => {
    const ll = L.latLng(s.lat, s.lon), label = fill(t('suggestedSite'), { n: i + 1, gain: s.gain, r: s.rangeM });
    L.circle(ll, { radius: s.rangeM, color: '#6a1b9a', weight: 2, dashArray: '4 3', fillColor: '#ce93d8', fillOpacity: 0.35,
      className: 'gw-suggestion', bubblingMouseEvents: false, renderer: state.siteRenderer }).bindTooltip(label).addTo(state.layers.suggestions);
    L.marker(ll, { interactive: false, icon: L.divIcon({ className: 'gw-site-number', html: String(i + 1), iconSize: [18, 18] }) })
      .addTo(state.layers.suggestions);
    const li = document.createElement('li');
    li.innerHTML = `<a href="#" class="site">+${s.gain} ${t('cases')}</a> <small>(${s.lon.toFixed(5)}, ${s.lat.toFixed(5)})</small>`
      + `<button type="button" class="accept" data-site="${i}">${t('acceptDraft')}</button>`;
    li.querySelector('a').addEventListener('click', e => { e.preventDefault(); state.map.setView(ll, Math.max(state.map.getZoom(), 16)); });
    li.querySelector('button').addEventListener('click', () => state.drafts.addCamera(ll,
      { type: 'DOME', heading: 0, fov: 360, range: s.rangeM }));
    list.appendChild(li);
  });
  document.getElementById('suggest-summary').textContent = `${t('casesCovered')}: ${r.coveredBefore} → ${r.coveredAfter} / `
    + `${r.casesInWindow}. ${fill(t('suggestBound'), { k: r.sites.length })} ${r.sites.length ? t('suggestOnMap') : ''}`;
}

function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    const bins = ['<20%', '20–40%', '40–60%', '60–80%', '≥80%'];
    div.innerHTML = `<h4>${t('legendCoverage')}</h4>` + COVERAGE_BINS.map(([, c], i) => `<i style="background:${c}"></i>${bins[i]}`).join('<br>')
      + `<br><i style="background:#7f0000;opacity:.6"></i>${t('layerGaps')}`
      + Object.entries(STATUS_COLOUR).map(([s, c]) => `<br><i style="background:${c};border-radius:50%;width:10px;height:10px"></i>${t(s)}`).join('')
      + `<br><i style="background:#1565c0;opacity:.35"></i>${t('legendStrip')}`
      + `<br><i style="background:#ce93d8;border:1px dashed #6a1b9a;border-radius:50%"></i>${t('layerSuggestions')}` + Walked.legendHtml();
    return div;
  };
  return legend.addTo(map);
}

start();
