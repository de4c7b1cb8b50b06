// The map part of the page shell, shared by every page: the Leaflet map itself, fitted to the district, with the
// base-map switch (the providers of /api/v1/config, the choice kept in localStorage) and the data attribution.
//
// Coordinates: every page keeps and sends WGS84. A GCJ-02 base map (AMap) gets a map CRS that shifts WGS84 to
// GCJ-02 before the Web Mercator projection and back after the inverse, so every overlay (areas, cases, cameras,
// routes, drafts, markers) is drawn on AMap's streets and every click, drawn point or dragged vertex comes back
// as WGS84, without any page doing anything. Switching base maps swaps the CRS and redraws the overlays.
import { getJson } from './api.js';
import { currentLang, onLanguageChange, setDistrict } from './i18n.js';
import { wgs84ToGcj02, gcj02ToWgs84 } from './gcj02.js';
import { setHouseholdBand } from './layers.js';

const L = window.L;
const STORE = 'gridwatch.basemap';
const MAX_ZOOM = 20; // beyond a provider's own maximum its tiles are enlarged

const mercator = L.Projection.SphericalMercator;
/** Web Mercator over GCJ-02: what AMap's tiles are drawn in, for overlays held in WGS84. */
const GCJ02_MERCATOR = L.extend({}, L.CRS.EPSG3857, {
  code: 'GCJ02:3857',
  projection: {
    bounds: mercator.bounds,
    project(latlng) {
      const [lon, lat] = wgs84ToGcj02(latlng.lng, latlng.lat);
      return mercator.project(L.latLng(lat, lon));
    },
    unproject(point) {
      const gcj = mercator.unproject(point);
      const [lon, lat] = gcj02ToWgs84(gcj.lng, gcj.lat);
      return L.latLng(lat, lon);
    },
  },
});
export const CRS_OF = { WGS84: L.CRS.EPSG3857, GCJ02: GCJ02_MERCATOR };

/** The switch: Leaflet's layers control, each base map's radio button marked with its id. */
const Switch = L.Control.Layers.extend({
  _addItem(obj) {
    const label = L.Control.Layers.prototype._addItem.call(this, obj);
    if (obj.layer.baseMapId) {
      label.querySelector('input').dataset.basemap = obj.layer.baseMapId;
      label.classList.add('gw-basemap');
    }
    return label;
  },
});

function baseLayer(provider) {
  const group = L.layerGroup();
  group.baseMapId = provider.id;
  group.provider = provider;
  const credit = [provider.attribution, provider.reviewNumber ? `审图号：${provider.reviewNumber}` : ''].filter(Boolean).join(' · ');
  provider.urls.forEach((url, i) => group.addLayer(L.tileLayer(url, { subdomains: provider.subdomains || 'abc',
    maxNativeZoom: provider.maxZoom, maxZoom: MAX_ZOOM, attribution: i === 0 ? credit : undefined, className: `gw-tiles-${provider.id}` })));
  return group;
}

/**
 * Starts the page's map in element {@code id} with Leaflet {@code options}; answers the shell: {@code map},
 * {@code control()} (the switch), {@code current()} (the base map's id) and {@code setOverlays(fn)} (overlays listed
 * in the switch, named anew on a language change). {@code collapsed}: whether the switch folds into its button (it does on phones anyway).
 */
export async function startMap(id, options = {}, { collapsed = true } = {}) {
  const [config, district] = await Promise.all([getJson('/api/v1/config'), getJson('/api/v1/district').catch(() => null)]);
  const layers = new Map(config.baseMaps.map(p => [p.id, baseLayer(p)]));
  const saved = localStorage.getItem(STORE);
  let current = layers.get(saved) || layers.get(config.defaultBaseMap) || layers.values().next().value;
  const map = L.map(id, { maxZoom: MAX_ZOOM, ...options, crs: CRS_OF[current.provider.crs] });
  fitDistrict(map, district);
  setDistrict(district);
  setHouseholdBand(district?.householdBand);
  current.addTo(map);
  if (config.dataAttribution) map.attributionControl.addAttribution(config.dataAttribution);

  let overlays = () => ({}), control = null;
  const fold = collapsed || window.matchMedia('(max-width: 700px)').matches;
  const draw = () => {
    const wasOpen = control?.getContainer().classList.contains('leaflet-control-layers-expanded');
    if (control) control.remove();
    const name = p => (currentLang() === 'en' ? p.nameEn : p.name);
    const bases = Object.fromEntries([...layers.values()].map(l => [name(l.provider), l]));
    control = new Switch(bases, overlays(), { collapsed: fold, position: 'topright' }).addTo(map);
    control.getContainer().classList.add('gw-basemap-switch');
    if (wasOpen && fold) control.expand();
  };
  map.on('baselayerchange', e => {
    if (!e.layer.baseMapId) return;
    current = e.layer;
    localStorage.setItem(STORE, current.baseMapId);
    useCrs(map, CRS_OF[current.provider.crs]);
  });
  onLanguageChange(draw);
  draw();

  const shell = { map, control: () => control, current: () => current.baseMapId, setOverlays(fn) { overlays = fn; draw(); } };
  window.gridwatchBaseMap = shell;
  return shell;
}

/** Swaps the map's CRS in place: the same WGS84 centre and zoom, every overlay projected again. */
function useCrs(map, crs) {
  if (map.options.crs === crs) return;
  const center = map.getCenter(), zoom = map.getZoom();
  map.options.crs = crs;
  map.setView(center, zoom, { reset: true });
}

function fitDistrict(map, district) {
  const e = district?.extent;
  if (e) map.fitBounds([[e[1], e[0]], [e[3], e[2]]]);
  else map.setView([35, 105], 4); // no district loaded yet: China
}
