// The field app's small maps (my grids, the report's pin, the patrol's track): the shared map shell (base-map
// switch, district view) with my grids outlined on it, so that a map without a base map still shows where I am
// responsible. The outlines are fetched once per page (and kept by the service worker for offline use); the other grids
// are drawn from vector tiles when the network is there.
import { getJson } from './api.js';
import { startMap } from './basemap.js';
import { tileLayer } from './tile-layers.js';

const L = window.L;
let outlines = null;

/** My grids as GeoJSON Features (a code alone when its outline cannot be had). */
export function myGridFeatures(codes) {
  outlines = outlines || Promise.all(codes.map(code => getJson(`/ogcapi/collections/grids/items/${encodeURIComponent(code)}?f=json`)
    .catch(() => ({ type: 'Feature', geometry: null, properties: { code } }))));
  return outlines;
}

/** Starts a small map in element `id` showing my grids; answers {map, grids} (grids: their Leaflet layer). */
export async function fieldMap(id, ctx) {
  const { map } = await startMap(id, { zoomControl: false });
  // The neighbouring grids for orientation, from vector tiles when online (my own stay GeoJSON: kept for offline use).
  tileLayer(map, 'grids', { styles: { grids: { color: '#8d8d8d', weight: 0.8, fill: false, className: 'gw-grid' } } })
    .then(h => h.layer.addTo(map)).catch(() => {});
  const grids = L.geoJSON(null, { style: { color: '#e65100', weight: 3, fillOpacity: 0.08, className: 'gw-my-grid' }, interactive: false }).addTo(map);
  (await myGridFeatures(ctx.me?.person?.grids || [])).filter(f => f.geometry).forEach(f => grids.addData(f));
  if (grids.getLayers().length) map.fitBounds(grids.getBounds(), { padding: [12, 12] });
  return { map, grids };
}
