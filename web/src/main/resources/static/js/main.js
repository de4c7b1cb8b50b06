// Gridwatch map: the district's subdistricts, communities and grids; click anywhere to see who is responsible.
import { getJson, signedInUser } from './api.js';
import { startMap } from './basemap.js';
import { startLanguage, onLanguageChange, t, areaName } from './i18n.js';
import { AreaLayers, legend, escapeHtml } from './layers.js';
import { showPlacement, showArea, showProblem, showRoster } from './panel.js';
import { whenReady } from './startup.js';
import { redrawOnLive } from './tile-layers.js';
import './map-text.js';

const L = window.L;

async function start() {
  startLanguage();
  await whenReady();
  const shell = await startMap('map', { zoomControl: true }, { collapsed: !window.matchMedia('(min-width: 900px)').matches });
  const map = shell.map;
  const areas = new AreaLayers(map);
  const selection = L.layerGroup().addTo(map);
  shell.setOverlays(() => areas.overlays());
  let legendControl;
  const showLegend = () => {
    if (legendControl) legendControl.remove();
    legendControl = legend().addTo(map);
  };
  showLegend();
  onLanguageChange(showLegend);

  const highlight = async (code, level) => {
    selection.clearLayers();
    // The tiles hold simplified pieces of an outline: the selection is the area's own outline, asked once.
    const geometry = await getJson(`/ogcapi/collections/${level}/items/${code}`);
    selection.addLayer(L.geoJSON(geometry, { interactive: false,
      style: { color: '#ffb000', weight: 4, fillColor: '#ffd600', fillOpacity: 0.25, className: 'gw-selected' } }));
    return selection;
  };

  // What the panel shows is asked again when the language changes: the server words its texts (and problems) anew.
  let lastAsked = null;
  onLanguageChange(() => { if (lastAsked) lastAsked(); });

  const pick = async code => {
    lastAsked = () => pick(code);
    try {
      const detail = await getJson(`/api/v1/areas/${encodeURIComponent(code)}`);
      const level = { district: 'subdistricts', subdistrict: 'subdistricts', community: 'communities', grid: 'grids' }[detail.area.level];
      showArea(detail, pick);
      const [w, s, e, n] = detail.area.bbox;
      map.fitBounds([[s, w], [n, e]], { maxZoom: 17 });
      if (detail.area.level !== 'district') await highlight(code, level);
    } catch (err) { showProblem(err); }
  };

  const locate = async (lon, lat, crs, marker) => {
    lastAsked = () => locate(lon, lat, crs, false);
    try {
      const p = await getJson(`/api/v1/locate?lon=${encodeURIComponent(lon)}&lat=${encodeURIComponent(lat)}&crs=${crs}`);
      showPlacement(p, pick);
      if (window.gridwatch.signedIn) getJson(`/api/v1/grids/${p.grid.code}/roster`).then(showRoster).catch(() => {});
      await highlight(p.grid.code, 'grids');
      const [x, y] = p.location.coordinates;
      selection.addLayer(L.circleMarker([y, x], { radius: 6, color: '#c62828', weight: 3, fillOpacity: 0.9, className: 'gw-located' })
        .bindTooltip(t('located')));
      if (marker) map.setView([y, x], Math.max(map.getZoom(), 15));
      window.gridwatch.lastPlacement = p;
    } catch (err) {
      selection.clearLayers();
      showProblem(err);
    }
  };

  map.on('click', e => locate(e.latlng.lng.toFixed(7), e.latlng.lat.toFixed(7), 'WGS84', false));
  document.getElementById('coord-form').addEventListener('submit', e => {
    e.preventDefault();
    const f = e.target;
    locate(f.lon.value.trim(), f.lat.value.trim(), f.crs.value, true);
  });
  wireSearch(pick);
  wireMenu();
  const signedIn = showUser();
  window.gridwatch = { map, areas, locate, pick, ready: false };
  await areas.load();
  // Signed-in staff hear the live feed (others are refused it, and EventSource then gives up): a boundary commit redraws the area tiles it may have changed.
  if (await signedIn) redrawOnLive(new EventSource('/api/v1/live'), areas.tileHandles());
  window.gridwatch.ready = true;
  document.body.dataset.ready = 'true';
}

/** On a phone the header's links fold into a menu button, so that the header takes one line. */
function wireMenu() {
  const button = document.getElementById('menu');
  const header = button.closest('header');
  button.addEventListener('click', () => {
    const open = header.classList.toggle('menu-open');
    button.setAttribute('aria-expanded', String(open));
  });
}

function wireSearch(pick) {
  const input = document.getElementById('search'), list = document.getElementById('search-results');
  let timer;
  onLanguageChange(() => { if (input.value.trim()) input.dispatchEvent(new Event('input')); });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      list.innerHTML = '';
      if (!q) return;
      try {
        const hits = await getJson(`/api/v1/areas?q=${encodeURIComponent(q)}`);
        if (!hits.length) list.innerHTML = `<li class="hint">${t('noResults')}</li>`;
        for (const a of hits) {
          const li = document.createElement('li');
          li.tabIndex = 0;
          li.dataset.code = a.code;
          li.innerHTML = `${escapeHtml(areaName(a))}<span class="level">${t(a.level)} ${escapeHtml(a.code)}</span>`;
          li.addEventListener('click', () => pick(a.code));
          li.addEventListener('keydown', e => { if (e.key === 'Enter') pick(a.code); });
          list.appendChild(li);
        }
      } catch (err) { showProblem(err); }
    }, 250);
  });
}

async function showUser() {
  const me = await signedInUser();
  if (!me) return false;
  window.gridwatch.signedIn = true;
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.addEventListener('submit', () => {
    const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    if (token) logout.insertAdjacentHTML('beforeend', `<input type="hidden" name="_csrf" value="${decodeURIComponent(token.split('=')[1])}">`);
  });
  return true;
}

start().catch(err => { console.error(err); showProblem(err); });
