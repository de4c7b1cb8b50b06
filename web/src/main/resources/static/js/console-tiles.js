// The console's case, camera and coverage layers, drawn from vector tiles (issue 18): /tiles/cases (one circle per grid
// with open cases when zoomed out, sized by their number, red when one is overdue; one point per open case from zoom
// 15), /tiles/cameras (points and view sectors, from zoom 16) and /tiles/coverage (each grid by its covered share,
// shown when chosen in the layer switch). A click on a case or a camera is answered by the API (its popup), never by
// the tile's properties; a click anywhere else falls through to the page (the grid under it).
import { getJson } from './api.js';
import { t } from './i18n.js';
import { tileLayer } from './tile-layers.js';
import { escapeHtml } from './layers.js';
import { STATUS_COLOUR, OVERDUE_COLOUR } from './console-legend.js';
import './console-text.js';

const L = window.L;
// Blue-grey: apart from the case statuses' colours and from the purple of the cameras that see the selected case.
export const TILE_CAMERA_COLOUR = '#546e7a';
/** From this zoom on, the case tiles hold one point per case (server: TileLayer.CASE_POINTS_FROM). */
export const CASE_POINTS_FROM = 15;
const CAMERAS_FROM = 16; // below, a city's cameras and their sectors would hide the cases

/** A grid's open cases as a circle: its area grows with their number; smaller zoomed far out, where grids are small. */
function countStyle(p, zoom) {
  const [base, step, max] = zoom >= 14 ? [5, 2.2, 18] : zoom >= 13 ? [4, 1.6, 12] : [3, 1.1, 8];
  return { radius: Math.min(max, base + step * Math.sqrt(p.open)), weight: zoom >= 13 ? 1.5 : 1, color: '#fff', fill: true, fillOpacity: 0.85,
    fillColor: p.overdue > 0 ? OVERDUE_COLOUR : '#1e88e5', className: 'gw-case-count' };
}

function pointStyle(p) {
  return { radius: 6, weight: 1.5, color: '#fff', fill: true, fillOpacity: 1,
    fillColor: p.overdue ? OVERDUE_COLOUR : (STATUS_COLOUR[p.status] || '#555'), className: 'gw-case' };
}

/**
 * The open cases; {@code category()} the filter's category ('' for all: zoomed out the counts are of every category);
 * {@code onCase(id)} what a click on a case does.
 */
export async function caseTiles(map, category, onCase) {
  const style = (p, zoom) => {
    if (p.grid !== undefined && p.open !== undefined) return countStyle(p, zoom ?? map.getZoom());
    return category() && p.category !== category() ? [] : pointStyle(p);
  };
  const handle = await tileLayer(map, 'cases', { styles: { cases: style }, zIndex: 5,
    hover: p => ({ ...style(p), weight: 3, color: '#222' }) });
  handle.layer.on('click', e => {
    const p = e.layer.properties;
    if (!p.id) return; // a grid's count: the page's click names the grid and its counts
    L.DomEvent.stopPropagation(e);
    onCase(p.id);
  });
  return handle;
}

/** The open and overdue cases of a grid as the loaded case tiles drew them (zoomed out), or null. */
export function countsIn(handle, gridCode) {
  for (const tile of Object.values(handle?.layer._vectorTiles || {})) {
    const f = tile._features?.[gridCode];
    if (f && f.feature.properties.open !== undefined) return { open: f.feature.properties.open, overdue: f.feature.properties.overdue };
  }
  return null;
}

/** Cameras and their view sectors; {@code onCamera(code)} what a click on a camera does. */
export async function cameraTiles(map, onCamera) {
  const handle = await tileLayer(map, 'cameras', { minZoom: CAMERAS_FROM, zIndex: 4,
    styles: {
      cameras: p => ({ radius: 4, weight: 1, color: '#fff', fill: true, fillOpacity: 1, className: 'gw-camera',
        fillColor: p.status === 'ONLINE' ? TILE_CAMERA_COLOUR : '#9e9e9e' }),
      sectors: () => ({ weight: 0.5, color: TILE_CAMERA_COLOUR, opacity: 0.5, fill: true, fillOpacity: 0.04, className: 'gw-sector' }),
    },
    hover: p => (p.code ? { radius: 6, weight: 2, color: '#222', fill: true, fillOpacity: 1, fillColor: TILE_CAMERA_COLOUR } : {}),
  });
  handle.layer.on('click', e => {
    const p = e.layer.properties;
    if (!p.code) return; // a sector: the click falls through to the grid under it
    L.DomEvent.stopPropagation(e);
    onCamera(p.code);
  });
  return handle;
}

/** Each grid by its covered share (sky net and ground net together, now); green where it meets the target. */
export function coverageTiles(map) {
  return tileLayer(map, 'coverage', { zIndex: 2, styles: {
    coverage: p => ({ weight: 0, fill: true, fillOpacity: 0.35, className: 'gw-coverage',
      fillColor: p.covered ? '#43a047' : p.share >= 0.5 ? '#fbc02d' : '#e53935' }),
  } });
}

/** The case's popup, from the API; {@code categoryName(code)} names its category in the UI language. */
export async function openCasePopup(map, id, categoryName) {
  const c = await getJson(`/api/v1/incidents/${encodeURIComponent(id)}`);
  const [x, y] = c.location.coordinates;
  L.popup().setLatLng([y, x]).setContent(`<div class="case-popup" data-case="${escapeHtml(c.id)}"><b>${escapeHtml(c.id)}</b>`
    + ` · ${escapeHtml(t(c.status))}<br>${escapeHtml(categoryName(c.category))}</div>`).openOn(map);
}

/** The camera's popup, from the API. */
export async function openCameraPopup(map, code) {
  const c = await getJson(`/api/v1/cameras/${encodeURIComponent(code)}`);
  L.popup().setLatLng([c.lat, c.lon]).setContent(`<div class="camera-popup" data-camera="${escapeHtml(c.code)}">`
    + `<b>${escapeHtml(c.name || c.code)}</b> <small>${escapeHtml(c.code)}</small><br>`
    + `${escapeHtml(t(c.status))} · ${Math.round(c.rangeM)} m</div>`).openOn(map);
}
