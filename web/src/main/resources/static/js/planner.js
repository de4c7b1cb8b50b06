// The planner's view: pick a grid, drag its vertices, read the preview (households, compactness, what moves),
// commit. Every drag asks the server for a preview; nothing is saved until "commit".
import { getJson, postJson, sendJson, allItems, signedInUser } from './api.js';
import { startLanguage, t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { toast } from './toast.js';

const L = window.L;
const SHIBEI = [[36.067, 120.302], [36.159, 120.427]];
const state = { selected: null, ring: null, etag: null, preview: null, asked: 0 };


async function start() {
  startLanguage();
  if (!(await signedInUser())) {
    document.getElementById('selected').innerHTML = `<a href="/login">${t('signInFirst')}</a>`;
    document.body.dataset.ready = 'true';
    return;
  }
  state.map = L.map('map').fitBounds(SHIBEI);
  state.grids = L.geoJSON(null, { style: { color: '#4d7a4d', weight: 0.8, fillColor: '#c3e2b6', fillOpacity: 0.35 },
    onEachFeature: (f, l) => l.on('click', () => select(f)) }).addTo(state.map);
  state.edit = L.layerGroup().addTo(state.map);
  document.getElementById('commit').addEventListener('click', commit);
  document.getElementById('reset').addEventListener('click', () => state.selected && select(state.selected));
  await loadGrids();
  window.gridwatchPlanner = state;
  document.body.dataset.ready = 'true';
}

async function loadGrids() {
  state.features = (await allItems('grids')).features;
  state.grids.clearLayers();
  state.grids.addData(state.features);
}

/** Shows the grid's outer ring with a draggable handle on every vertex. */
async function select(feature) {
  state.selected = feature;
  state.edit.clearLayers();
  state.preview = null;
  renderPreview();
  const response = await fetch(`/ogcapi/collections/grids/items/${feature.id}`, { headers: { Accept: 'application/geo+json' } });
  state.etag = response.headers.get('ETag');
  const ring = feature.geometry.coordinates[0][0].slice(0, -1).map(([lng, lat]) => L.latLng(lat, lng));
  state.ring = ring;
  state.outline = L.polygon(ring, { color: '#b26a00', weight: 2, fillOpacity: 0.1 }).addTo(state.edit);
  ring.forEach((ll, i) => {
    const handle = L.marker(ll, { draggable: true, icon: L.divIcon({ className: `gw-vertex vertex-${i}`, iconSize: [12, 12] }) });
    handle.on('drag', () => { ring[i] = handle.getLatLng(); state.outline.setLatLngs(ring); });
    handle.on('dragend', () => preview());
    handle.addTo(state.edit);
  });
  document.getElementById('selected').innerHTML = `<b class="code">${escapeHtml(feature.id)}</b> ${escapeHtml(feature.properties.name)}`
    + ` · ${feature.properties.households} ${t('households')}`;
}

function outline() {
  const coords = state.ring.map(ll => [ll.lng, ll.lat]);
  return { type: 'Polygon', coordinates: [[...coords, coords[0]]] };
}

async function preview() {
  const asked = ++state.asked;
  try {
    const p = await postJson(`/api/v1/areas/${state.selected.id}/preview`, outline());
    if (asked !== state.asked) return;
    state.preview = p;
  } catch (e) {
    state.preview = null;
    toast(e.problem?.errors?.[0]?.reason || e.message);
  }
  renderPreview();
}

function renderPreview() {
  const p = state.preview, el = document.getElementById('preview');
  document.getElementById('commit').disabled = !p;
  document.getElementById('reset').disabled = !state.selected;
  document.getElementById('warnings').innerHTML = p ? p.warnings.map(w => `<li>${escapeHtml(w)}</li>`).join('') : '';
  if (state.after) state.map.removeLayer(state.after);
  state.after = null;
  if (!p) { el.innerHTML = ''; return; }
  state.after = L.geoJSON({ type: 'FeatureCollection', features: p.touched.map(x => ({ type: 'Feature', geometry: x.outline, properties: {} })) },
    { style: { color: '#1565c0', weight: 2, dashArray: '5 4', fill: false }, interactive: false }).addTo(state.map);
  const row = x => `<tr data-code="${escapeHtml(x.code)}"><td>${escapeHtml(x.code.slice(12))}</td>`
    + `<td>${x.before.households} → <b>${x.after.households}</b></td><td>${Math.round(x.before.areaM2)} → ${Math.round(x.after.areaM2)}</td>`
    + `<td>${x.after.polsbyPopper.toFixed(2)}</td></tr>`;
  el.innerHTML = `<table><thead><tr><th>${t('grid')}</th><th>${t('households')}</th><th>m²</th><th>PP</th></tr></thead>`
    + `<tbody>${p.touched.map(row).join('')}</tbody></table><p class="hint">${t('buildingsMoving')}: ${p.moving.length}</p>`;
}

async function commit() {
  try {
    await sendJson('POST', `/api/v1/areas/${state.selected.id}/reshape`, outline(), state.etag ? { 'If-Match': state.etag } : {});
    toast(t('saved'));
    const code = state.selected.id;
    state.edit.clearLayers();
    state.preview = null;
    renderPreview();
    await loadGrids();
    state.selected = state.features.find(f => f.id === code) || null;
    document.body.dataset.committed = String(Number(document.body.dataset.committed || 0) + 1);
  } catch (e) {
    toast(e.problem?.detail || e.message);
  }
}

start();
