// The planner's view: reshape a grid by dragging its vertices, split it by drawing a line, merge neighbours, or
// ask for an auto-balanced grouping of a community. Every edit is previewed by the server (figures, impact, the
// old/new diff) before it is committed or saved as a draft; the history slider shows past outlines. A commit with
// warnings asks first; its answer lists what changed and offers Undo (planner-commit.js). Grids are coloured by
// household deviation from the band, with legend, labels and buildings (planner-map.js).
// The level on the map is drawn from vector tiles (/tiles/{level}), so a city of 20,000 grids costs what is on screen: a
// click selects the tile feature's area, which is then read alone as GeoJSON (/ogcapi/collections/{level}/items/{code})
// and edited as an overlay; a commit re-reads the TileJSON and redraws the tiles whose version moved. Past outlines
// (the history slider) are read for the view only (bbox and datetime), at most PAST_LIMIT of them.
import { getJson, postJson, signedInUser } from './api.js';
import { areaName, onLanguageChange, startLanguage, t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { startMap } from './basemap.js';
import { toast } from './toast.js';
import { diffLayer, impactLists, touchedTable } from './planner-view.js';
import { showDrafts, startHistory } from './planner-drafts.js';
import { whenReady } from './startup.js';
import { PlannerLayers } from './planner-map.js';
import { commitEdit, showOutcome } from './planner-commit.js';
import { balanceWarningText, warningText } from './planner-text.js';
import { featureKey, tileLayer } from './tile-layers.js';

const L = window.L;
const HINTS = { reshape: 'plannerHint', split: 'splitHint', merge: 'mergeHint', balance: 'balanceHint' };
const state = { level: 'grids', mode: 'reshape', selected: null, picked: [], ring: null, line: [], etag: null, preview: null, edit: null, asked: 0,
  past: null, fetched: new Map(), clicks: Promise.resolve(), pastAsked: 0 };
/** The most past outlines read for one view; beyond, the page asks to zoom in. */
const PAST_LIMIT = 1000;
const SELECTED = { color: '#b26a00', weight: 3 };
const PICKED = { fillColor: '#f0a030', fillOpacity: 0.6, color: '#b26a00', weight: 2 };
const LEVEL_OF_CODE = { 9: 'subdistricts', 12: 'communities', 15: 'grids' };
/**
 * Below these zooms a level is not drawn (a city's 20,000 grids at zoom 10 are megabytes of tiles no one can edit):
 * the subdistricts' outlines stay as a guide and the panel asks to zoom in. A district fits the screen above them.
 */
const DRAWN_FROM = { grids: 12, communities: 10, subdistricts: 0 };

async function start() {
  startLanguage();
  await whenReady();
  if (!(await signedInUser())) {
    document.getElementById('selected').innerHTML = `<a href="/login">${t('signInFirst')}</a>`;
    document.body.dataset.ready = 'true';
    return;
  }
  const shell = await startMap('map', { doubleClickZoom: false });
  state.map = shell.map;
  state.layers = new PlannerLayers(shell, () => state.level);
  await state.layers.start();
  tileLayer(state.map, 'subdistricts', { zIndex: 2, styles: { subdistricts: { color: '#4d5b6b', weight: 1.2, fill: false, className: 'gw-subdistrict' } } })
    .then(h => h.layer.addTo(state.map)).catch(e => console.warn(e));
  state.map.on('zoomend', zoomHint);
  zoomHint();
  state.pastLayer = L.geoJSON(null, { style: f => state.layers.style(f.properties), interactive: false }).addTo(state.map);
  state.tools = L.layerGroup().addTo(state.map);
  state.map.on('moveend', () => { if (state.past) loadPast(); });
  state.map.on('click', e => { if (state.mode === 'split' && state.selected) addLinePoint(e.latlng); });
  document.querySelectorAll('.modes button').forEach(b => b.addEventListener('click', () => setMode(b.dataset.mode)));
  document.getElementById('commit').addEventListener('click', commit);
  document.getElementById('reset').addEventListener('click', () => setMode(state.mode));
  document.getElementById('finish-line').addEventListener('click', () => ask(`/api/v1/areas/${state.selected.id}/split/preview`,
    'split', state.selected.id, { line: { type: 'LineString', coordinates: state.line.map(ll => [ll.lng, ll.lat]) } }));
  document.getElementById('propose').addEventListener('click', propose);
  document.getElementById('save-draft').addEventListener('click', saveDraft);
  document.getElementById('level').addEventListener('change', async e => {
    state.level = e.target.value;
    state.layers.renderLegend();
    document.querySelector('.modes button[data-mode=balance]').disabled = state.level !== 'grids';
    setMode('reshape');
    state.fetched.clear();
    zoomHint();
    await showLevel();
    if (state.past) await loadPast();
    await startHistory(showPast, state.level);
  });
  await showLevel();
  await showDrafts(committed);
  await startHistory(showPast, state.level);
  onLanguageChange(() => {
    if (state.selected && state.mode !== 'merge') describe(state.selected);
    if (state.preview) setPreview(state.preview, state.edit);
    else if (state.edit?.kind === 'children' && state.proposal) showProposal();
  });
  state.shownCodes = shownCodes;
  window.gridwatchPlanner = state;
  document.body.dataset.ready = 'true';
}

/** Draws the level on the map from its tiles (replacing the previous level's); a click on an area selects it. */
async function showLevel() {
  const level = state.level;
  // clicks without a hover style: leaving an area would reset the selection's and the picks' styles
  const handle = await tileLayer(state.map, level, { zIndex: 1, interactive: true, minZoom: DRAWN_FROM[level],
    styles: { [level]: p => state.layers.style(p) } });
  if (level !== state.level) return; // the level changed again meanwhile
  if (state.tiles) state.map.removeLayer(state.tiles.layer);
  state.tiles = handle;
  handle.layer.on('click', e => clickArea(featureKey(e.layer.properties, e.layer.mvtId), e));
  if (!state.past) handle.layer.addTo(state.map);
  document.body.dataset.tilesVersion = handle.version;
  state.layers.relabel(state.past ? state.pastLayer : null);
}

/** Says when the level on the map is not drawn at this zoom. */
function zoomHint() {
  document.getElementById('zoom-in').hidden = state.map.getZoom() >= DRAWN_FROM[state.level];
}

/** The codes of the areas on the map: drawn from tiles now, or the past outlines read for the view. */
function shownCodes() {
  if (state.past) return state.pastLayer.getLayers().map(l => l.feature.id);
  return [...new Set([...document.querySelectorAll(`#map path.gw-grid[data-code]`)].map(p => p.dataset.code))];
}

/** One current area as GeoJSON (with its ETag, for an edit made on it), read once per commit. */
async function areaFeature(code) {
  if (!state.fetched.has(code)) {
    const level = LEVEL_OF_CODE[code.length] || state.level;
    const read = (async () => {
      const response = await fetch(`/ogcapi/collections/${level}/items/${encodeURIComponent(code)}`,
        { headers: { Accept: 'application/geo+json' }, credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${code}: HTTP ${response.status}`);
      return { ...(await response.json()), etag: response.headers.get('ETag') };
    })();
    state.fetched.set(code, read);
    read.catch(() => state.fetched.delete(code));
  }
  return state.fetched.get(code);
}

/** The history slider: past outlines for the view, read only (editing resumes at "now"). */
async function showPast(at) {
  state.past = at;
  setMode(state.mode);
  if (at) {
    state.map.removeLayer(state.tiles.layer);
    await loadPast();
  } else {
    state.pastAsked++;
    state.pastLayer.clearLayers();
    state.tiles.layer.addTo(state.map);
    document.getElementById('past-more').hidden = true;
    state.layers.relabel(null);
  }
  document.body.dataset.historyShown = at || 'now';
}

/** The level's outlines at the past moment inside the view (OGC API items with datetime and bbox), the latest view winning. */
async function loadPast() {
  const asked = ++state.pastAsked, b = state.map.getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(6)).join(',');
  const page = await getJson(`/ogcapi/collections/${state.level}/items?limit=${PAST_LIMIT}`
    + `&datetime=${encodeURIComponent(state.past)}&bbox=${bbox}`);
  if (asked !== state.pastAsked || !state.past) return;
  state.pastLayer.clearLayers();
  state.pastLayer.addData(page.features);
  document.getElementById('past-more').hidden = !(page.numberMatched > page.numberReturned);
  state.layers.relabel(state.pastLayer);
  document.body.dataset.pastShown = String(page.features.length);
}

function setMode(mode) {
  state.mode = mode;
  state.selected = null;
  state.picked = [];
  state.line = [];
  state.tools.clearLayers();
  unstyle();
  setPreview(null, null);
  document.querySelectorAll('.modes button').forEach(b => { b.className = b.dataset.mode === mode ? 'on' : 'quiet'; });
  document.getElementById('split-tools').hidden = mode !== 'split';
  document.getElementById('balance-tools').hidden = mode !== 'balance';
  document.getElementById('finish-line').disabled = true;
  document.getElementById('propose').disabled = true;
  document.getElementById('selected').textContent = t(HINTS[mode]);
}

/** The selected and picked areas drawn as the tiles draw them again. */
function unstyle() {
  for (const code of state.styled || []) state.tiles?.layer.resetFeatureStyle(code);
  state.styled = [];
}

/** Draws one area of the tiles in another style (over its own, from the area's properties). */
function restyle(feature, style) {
  state.tiles.layer.setFeatureStyle(feature.id, { ...state.layers.style(feature.properties), ...style });
  state.styled.push(feature.id);
}

/** A click on an area drawn from the tiles: the area is read from the API, then selected (clicks are handled in turn). */
function clickArea(code, e) {
  if (state.past || !code) return;
  if (state.mode === 'split' && state.selected) return; // the map's click adds a point to the line
  L.DomEvent.stopPropagation(e);
  state.clicks = state.clicks.then(async () => {
    try {
      const feature = await areaFeature(code);
      if (state.past) return;
      select(feature);
    } catch (err) {
      toast(err.message);
    }
  });
}

function select(feature) {
  if (state.mode === 'merge') return pick(feature);
  unstyle();
  state.selected = feature;
  restyle(feature, SELECTED);
  describe(feature);
  document.getElementById('reset').disabled = false;
  if (state.mode === 'reshape') return handles(feature);
  if (state.mode === 'balance') {
    document.getElementById('propose').disabled = false;
    document.getElementById('grid-count').value = '';
  }
}

function describe(f) {
  document.getElementById('selected').innerHTML = `<b class="code">${escapeHtml(f.id)}</b> ${escapeHtml(areaName(f.properties))}`
    + ` · ${f.properties.households} ${t('households')}`;
}

/** Reshape: a draggable handle on every vertex of the grid's outer ring; each drop asks for a preview. */
function handles(feature) {
  state.tools.clearLayers();
  state.etag = feature.etag;
  const ring = feature.geometry.coordinates[0][0].slice(0, -1).map(([lng, lat]) => L.latLng(lat, lng));
  state.ring = ring;
  const outline = L.polygon(ring, { color: '#b26a00', weight: 2, fillOpacity: 0.1, interactive: false }).addTo(state.tools);
  ring.forEach((ll, i) => {
    const handle = L.marker(ll, { draggable: true, icon: L.divIcon({ className: `gw-vertex vertex-${i}`, iconSize: [12, 12] }) });
    handle.on('drag', () => { ring[i] = handle.getLatLng(); outline.setLatLngs(ring); });
    handle.on('dragend', () => {
      const coords = state.ring.map(x => [x.lng, x.lat]);
      ask(`/api/v1/areas/${feature.id}/preview`, 'reshape', feature.id, { type: 'Polygon', coordinates: [[...coords, coords[0]]] });
    });
    handle.addTo(state.tools);
  });
}

function addLinePoint(latlng) {
  state.line.push(latlng);
  state.tools.clearLayers();
  L.polyline(state.line, { color: '#b26a00', weight: 3, className: 'split-line' }).addTo(state.tools);
  state.line.forEach(ll => L.circleMarker(ll, { radius: 4, color: '#b26a00' }).addTo(state.tools));
  document.getElementById('finish-line').disabled = state.line.length < 2;
}

/** Merge: grids picked in turn (again to unpick); a preview once two or more are picked. */
function pick(feature) {
  const at = state.picked.findIndex(f => f.id === feature.id);
  if (at >= 0) state.picked.splice(at, 1); else state.picked.push(feature);
  unstyle();
  state.picked.forEach(f => restyle(f, PICKED));
  document.getElementById('selected').innerHTML = state.picked.map(f => `<b class="code">${escapeHtml(f.id)}</b>`).join(' + ');
  if (state.picked.length >= 2) {
    const codes = state.picked.map(f => f.id);
    ask('/api/v1/areas/merge/preview', 'merge', codes[0], { codes });
  } else {
    setPreview(null, null);
  }
}

/** Asks for a preview; only the latest answer is shown (drags can overtake each other). */
async function ask(url, kind, code, body) {
  const asked = ++state.asked;
  try {
    const p = await postJson(url, body);
    if (asked === state.asked) setPreview(p, { kind, code, body });
  } catch (e) {
    if (asked === state.asked) setPreview(null, null);
    toast(e.problem?.errors?.[0]?.reason || e.problem?.detail || e.message);
  }
}

function setPreview(p, edit) {
  state.preview = p;
  state.edit = edit;
  document.getElementById('commit').disabled = !p || !edit;
  document.getElementById('save-draft').disabled = !p || !edit;
  document.getElementById('reset').disabled = !p && !state.selected && state.picked.length === 0;
  document.getElementById('warnings').innerHTML = p ? p.warnings.map(w => `<li>${escapeHtml(warningText(w))}</li>`).join('') : '';
  if (state.diff) state.map.removeLayer(state.diff);
  state.diff = null;
  document.getElementById('preview').innerHTML = p && p.touched ? touchedTable(p) : '';
  document.getElementById('impact').innerHTML = p && p.touched ? impactLists(p) : '';
  if (!p || !p.touched) return;
  drawDiff(p);
}

/** The diff: the touched areas' current outlines (each read alone) beside the previewed ones. */
async function drawDiff(p) {
  const codes = p.touched.map(x => x.code).filter(c => !c.startsWith('new-'));
  const before = (await Promise.all(codes.map(c => areaFeature(c).catch(() => null)))).filter(Boolean);
  if (state.preview !== p) return;
  if (state.diff) state.map.removeLayer(state.diff);
  state.diff = diffLayer(L, p, before).addTo(state.map);
}

/** The proposal's summary line and warnings, in the page's language. */
function showProposal() {
  const s = state.proposal.summary;
  document.getElementById('preview').innerHTML = `<p class="proposal">${s.grids} ${t('grids')} · `
    + `${t('inBand')} ${s.inBand}/${state.proposal.features.length} · PP ${s.polsbyPopper.current.toFixed(2)} → ${s.polsbyPopper.proposal.toFixed(2)}</p>`;
  showBalanceWarnings();
}

function showBalanceWarnings() {
  document.getElementById('warnings').innerHTML = state.balanceWarnings.map(w => `<li>${escapeHtml(balanceWarningText(w))}</li>`).join('');
}

/** Auto-balance: a proposed grouping of the community's buildings into grids, shown for inspection. */
async function propose() {
  const community = state.selected.id.slice(0, 12);
  const n = Number(document.getElementById('grid-count').value);
  try {
    const proposal = await postJson(`/api/v1/areas/${community}/balance`, n > 0 ? { grids: n } : {});
    setPreview(null, null);
    state.tools.clearLayers();
    const drawn = L.geoJSON(proposal, { style: f => ({ color: '#6a1b9a', weight: 2, fillColor: f.properties.inBand ? '#ce93d8' : '#ef9a9a', fillOpacity: 0.45 }),
      onEachFeature: (f, l) => l.bindTooltip(`${f.properties.households} ${t('households')} · PP ${f.properties.polsbyPopper.toFixed(2)}`) })
      .addTo(state.tools);
    state.map.fitBounds(drawn.getBounds(), { animate: false });
    state.proposal = proposal;
    state.balanceWarnings = proposal.summary.warnings || [];
    showProposal();
    state.edit = { kind: 'children', code: community, body: { type: 'FeatureCollection', features: proposal.features } };
    document.getElementById('commit').disabled = false;
    document.getElementById('save-draft').disabled = false;
    document.body.dataset.proposed = String(proposal.features.length);
  } catch (e) {
    toast(e.problem?.errors?.[0]?.reason || e.problem?.detail || e.message);
  }
}

const COMMIT = {
  reshape: c => `/api/v1/areas/${c}/reshape`, split: c => `/api/v1/areas/${c}/split`,
  merge: () => '/api/v1/areas/merge', children: c => `/api/v1/areas/${c}/children`,
};

/** Commits the previewed edit; with warnings the planner confirms first (or goes back to the preview). */
async function commit() {
  const { kind, code, body } = state.edit;
  try {
    const answer = await commitEdit('POST', COMMIT[kind](code), body, kind === 'reshape' && state.etag ? { 'If-Match': state.etag } : {});
    if (answer) await committed(answer);
  } catch (e) {
    toast(e.problem?.errors?.[0]?.reason || e.problem?.detail || e.message);
  }
}

/** After a commit (here or of a draft): the map reloads and the answer shows what changed, with Undo. */
async function committed(answer) {
  toast(t('saved'));
  await afterCommit();
  showOutcome(answer, { focus, changed: afterCommit });
}

/** Shows a current area on the map (a link in the commit's answer). */
async function focus(code) {
  try {
    const feature = await areaFeature(code);
    state.map.fitBounds(L.geoJSON(feature).getBounds(), { maxZoom: 17 });
    unstyle();
    restyle(feature, { color: '#ffb000', weight: 4 });
  } catch (e) {
    toast(e.message);
  }
}

async function saveDraft() {
  const { kind, code, body } = state.edit;
  const input = document.getElementById('draft-name');
  const mode = { reshape: 'modeReshape', split: 'modeSplit', merge: 'modeMerge', children: 'modeBalance' }[kind];
  const name = input.value.trim() || `${t(mode)} ${code}`;
  try {
    await postJson('/api/v1/drafts', { name, kind, code, edit: body });
    input.value = '';
    toast(t('saved'));
    await showDrafts(committed);
    setMode(state.mode);
  } catch (e) {
    toast(e.problem?.errors?.[0]?.reason || e.problem?.detail || e.message);
  }
}

/** After a commit or an undo: the areas are read anew, the tiles whose version moved are drawn again, and so are the labels. */
async function afterCommit() {
  setMode(state.mode);
  state.fetched.clear();
  if (state.past) await showPast(null);
  await state.tiles.refresh();
  document.body.dataset.tilesVersion = state.tiles.version;
  state.layers.relabel(null);
  await startHistory(showPast, state.level);
  document.body.dataset.committed = String(Number(document.body.dataset.committed || 0) + 1);
}

start();
