// The police planning view: per-grid coverage for a time of day, gaps, cameras with their sectors, patrol routes
// with their strips, drafts with their effect (what-if) and suggested camera sites.
import { getJson, postJson, sendJson, allItems, signedInUser } from './api.js';
import { startLanguage, onLanguageChange, t, districtZone } from './i18n.js';
import { escapeHtml } from './layers.js';
import { startMap } from './basemap.js';
import { Drafts } from './drafts.js';
import { toast } from './toast.js';
import { whenReady } from './startup.js';
import { Walked } from './walked.js';

const L = window.L;
export const STATUS_COLOUR = { ONLINE: '#2e7d32', OFFLINE: '#78909c', FAULT: '#c62828' };
const COVERAGE_BINS = [[0.2, '#d73027'], [0.4, '#fc8d59'], [0.6, '#fee08b'], [0.8, '#d9ef8b'], [Infinity, '#1a9850']];
const state = { window: '10:00', grids: new Map(), drafts: null, loading: 0 };

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
    coverage: L.geoJSON(null, { style: gridStyle, onEachFeature: (f, l) => l.on('click', () => { if (!state.drafts.mode) showGrid(f, l); }) }).addTo(map),
    gaps: L.geoJSON(null, { style: { color: '#7f0000', weight: 0, fillColor: '#7f0000', fillOpacity: 0.45 }, interactive: false }),
    sectors: L.geoJSON(null, { pane: 'sectors', style: f => ({ color: STATUS_COLOUR[f.properties.status], weight: 0.6,
      fillColor: STATUS_COLOUR[f.properties.status], fillOpacity: f.properties.status === 'ONLINE' ? 0.25 : 0.12 }), interactive: false }).addTo(map),
    cameras: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 3, pane: 'sectors', weight: 1, color: '#fff',
      fillColor: STATUS_COLOUR[f.properties.status], fillOpacity: 1 }), onEachFeature: cameraPopup }).addTo(map),
    routes: L.layerGroup().addTo(map),
  };
  state.walked = new Walked(map);
  L.geoJSON(await allItems('subdistricts'), { style: { color: '#b22222', weight: 2, fill: false, className: 'gw-subdistrict' },
    interactive: false }).addTo(map);
  shell.setOverlays(() => ({ [t('layerCoverage')]: state.layers.coverage, [t('layerGaps')]: state.layers.gaps,
    [t('layerSectors')]: state.layers.sectors, [t('layerCameras')]: state.layers.cameras,
    [t('layerRoutes')]: state.layers.routes, ...state.walked.overlays() }));
  addLegend(map);
  map.on('zoomend', () => restyleRoutes());
  state.drafts = new Drafts(map, () => state.window, { onSaved: () => reload(), restyle: () => restyleGrids(), percent, toast });
  bindWindow();
  document.getElementById('walked-days').addEventListener('change', () => loadWalked());
  document.getElementById('suggest').addEventListener('click', suggest);
  bindObstacles();
  onLanguageChange(() => { summary(); walkedSummary(); });
  await reload();
  window.gridwatchPlanning = state;
  document.body.dataset.ready = 'true';
}

function bindWindow() {
  const slider = document.getElementById('window'), label = document.getElementById('window-label');
  const set = minutes => {
    state.window = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    label.textContent = state.window;
  };
  slider.addEventListener('input', () => set(Number(slider.value)));
  slider.addEventListener('change', () => { set(Number(slider.value)); reload(); });
  document.querySelectorAll('[data-window]').forEach(b => b.addEventListener('click', () => {
    const [h, m] = b.dataset.window.split(':').map(Number);
    slider.value = String(h * 60 + m);
    set(h * 60 + m);
    reload();
  }));
}

/** Everything that depends on the window or on saved cameras and routes. */
async function reload() {
  state.loading++;
  document.body.dataset.busy = 'true';
  try {
    const w = `&window=${encodeURIComponent(state.window)}`;
    const [coverage, gaps, sectors, cameras, routes] = await Promise.all([allItems('grid-coverage', w), allItems('coverage-gaps', w),
      allItems('camera-coverage'), allItems('cameras'), allItems('patrol-routes', w)]);
    state.grids = new Map(coverage.features.map(f => [f.id, f.properties]));
    for (const [id, data] of [['coverage', coverage], ['gaps', gaps], ['sectors', sectors], ['cameras', cameras]]) {
      state.layers[id].clearLayers();
      state.layers[id].addData(data);
    }
    drawRoutes(routes.features);
    state.drafts.refresh();
    await summary();
    loadWalked(); // after the plan is drawn, not waited for: the view shows as quickly as before
  } catch (e) {
    toast(e.message);
  } finally {
    if (--state.loading === 0) delete document.body.dataset.busy;
  }
}

/** The plan beside the walk, for the days chosen up to now (the time-of-day slider is about the plan). */
async function loadWalked() {
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
  const share = after ?? f.properties.combinedCoverage;
  return { color: after != null ? '#b26a00' : '#555', weight: after != null ? 2.5 : 0.4,
    fillColor: coverageColour(share), fillOpacity: 0.55, className: `gw-coverage grid-${f.id}` };
}

/** Grids the drafts change are drawn with their figures after the change, outlined. */
function restyleGrids() { state.layers.coverage.setStyle(gridStyle); }

function showGrid(f, layer) {
  const p = state.grids.get(f.id) || f.properties;
  const rows = [['cameraCoverage', percent(p.cameraCoverage)], ['patrolCoverage', percent(p.patrolCoverage)],
    ['combinedCoverage', percent(p.combinedCoverage)], ['keyAreaCoverage', percent(p.keyAreaCoverage)],
    ['cameraWorkingRate', percent(p.cameraWorkingRate)], ['camerasLabel', p.cameras], ['casesInGaps', p.casesInGaps90d],
    ['staffing', p.staffingComplete ? '✓' : p.staffingGaps.join(', ')]];
  const after = state.drafts.after(f.id);
  if (after != null) rows.push(['withDrafts', percent(after)]);
  layer.bindPopup(`<b class="code">${escapeHtml(f.id)}</b> (${state.window})<dl class="figures">${rows.map(([k, v]) =>
    `<dt>${t(k)}</dt><dd>${escapeHtml(String(v))}</dd>`).join('')}</dl>`).openPopup();
}

function cameraPopup(f, layer) {
  const p = f.properties;
  layer.bindPopup(`<b>${escapeHtml(p.code)}</b> ${escapeHtml(p.name)}<br>${p.type} · ${p.heading}° · ${p.fov}° · ${p.range} m<br>`
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
      dashArray: f.properties.active ? null : '4 4' });
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
  const p = f.properties, next = p.next_pass ? new Date(p.next_pass).toLocaleTimeString('zh-CN', { timeZone: districtZone(), hour12: false }) : '—';
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

async function summary() {
  const s = (await getJson(`/api/v1/coverage/summary?level=district&window=${encodeURIComponent(state.window)}`))[0];
  state.summary = s;
  const rows = [['cameraCoverage', percent(s.cameraCoverage)], ['patrolCoverage', percent(s.patrolCoverage)],
    ['combinedCoverage', percent(s.combinedCoverage)], ['keyAreaCoverage', percent(s.keyAreaCoverage)],
    ['cameraWorkingRate', `${percent(s.cameraWorkingRate)} (${s.cameras})`], ['casesInGaps', s.casesInGaps90d],
    ['gridsStaffed', `${s.gridsFullyStaffed} / ${s.grids}`]];
  document.getElementById('summary').innerHTML = rows.map(([k, v]) => `<dt>${t(k)}</dt><dd id="sum-${k}">${escapeHtml(String(v))}</dd>`).join('');
}

async function suggest() {
  const list = document.getElementById('suggestions');
  list.innerHTML = `<li class="hint">${t('loading')}</li>`;
  try {
    const r = await postJson('/api/v1/coverage/suggestions', { k: Number(document.getElementById('k').value), window: state.window });
    list.innerHTML = '';
    r.sites.forEach((s, i) => {
      const li = document.createElement('li');
      li.innerHTML = `+${s.gain} ${t('cases')} <small>(${s.lon.toFixed(5)}, ${s.lat.toFixed(5)})</small>`
        + `<button type="button" class="accept" data-site="${i}">${t('acceptDraft')}</button>`;
      li.querySelector('button').addEventListener('click', () => state.drafts.addCamera(L.latLng(s.lat, s.lon),
        { type: 'DOME', heading: 0, fov: 360, range: s.rangeM }));
      list.appendChild(li);
    });
    document.getElementById('suggest-summary').textContent =
      `${t('casesCovered')}: ${r.coveredBefore} → ${r.coveredAfter} / ${r.casesInWindow}. ${r.bound}`;
    state.suggestions = r;
  } catch (e) {
    list.innerHTML = '';
    toast(e.message);
  }
}

function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    const bins = ['<20%', '20–40%', '40–60%', '60–80%', '≥80%'];
    div.innerHTML = `<h4>${t('legendCoverage')}</h4>` + COVERAGE_BINS.map(([, c], i) => `<i style="background:${c}"></i>${bins[i]}`).join('<br>')
      + `<br><i style="background:#7f0000;opacity:.6"></i>${t('layerGaps')}`
      + Object.entries(STATUS_COLOUR).map(([s, c]) => `<br><i style="background:${c};border-radius:50%;width:10px;height:10px"></i>${t(s)}`).join('')
      + `<br><i style="background:#1565c0;opacity:.35"></i>${t('legendStrip')}` + Walked.legendHtml();
    return div;
  };
  legend.addTo(map);
}

start();
