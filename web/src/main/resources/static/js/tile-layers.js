// Maps drawn from vector tiles (issue 18): a layer of the tile server (/tiles/{layer}.json, TileJSON 3.0, and its
// /tiles/{layer}/{z}/{x}/{y}.mvt) drawn by Leaflet.VectorGrid, so that a city of 20,000 grids costs the browser only
// what is on screen. Styles stay the pages' own: per MVT layer, a function of the feature's properties (and zoom).
// Features are hovered, never asked: clicks fall through to the page's map click, which asks the API (locate, area,
// case, camera). A live change re-reads the TileJSON and, when the layer's version moved, redraws: URLs are stable
// and tiles are sent no-cache with an ETag, so the browser downloads again only the tiles that changed.
import { loadVectorGrid } from './vectorgrid-shim.js';

export const TILE_PANE = 'gwTiles';
// Which live events can change which layers: a boundary commit the areas (and the coverage per grid), a case its layer.
const LIVE = { boundaries: ['grids', 'communities', 'subdistricts', 'buildings', 'coverage'], incident: ['cases'] };

/** The id a feature is styled and hovered by: its area code, else its id (a property or the MVT feature id). */
export function featureKey(properties, mvtId) {
  return properties.code ?? properties.id ?? properties.grid ?? mvtId;
}

async function readTileJson(name) {
  const response = await fetch(`/tiles/${name}.json`, { cache: 'no-cache', credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  if (!response.ok) throw new Error(`/tiles/${name}.json: HTTP ${response.status}`);
  return response.json();
}

/** A pane under the overlays (selection, markers, drafts) and over the base map, for every tile layer of a page. */
export function tilePane(map) {
  if (!map.getPane(TILE_PANE)) map.createPane(TILE_PANE).style.zIndex = 350;
  return TILE_PANE;
}

/**
 * One tile layer, not yet added to the map. Options: {@code styles} {mvtLayer: (properties, zoom) => Path options,
 * or an array of them, or [] to hide the feature}; {@code hover} (properties) => Path options while the pointer is
 * on it (which resets any style set meanwhile: a page that restyles features itself passes {@code interactive: true}
 * instead, for clicks without hover); {@code minZoom} the page's own lower limit (never below the layer's); {@code zIndex} inside the tile pane.
 * Answers {name, layer, tilejson, refresh(), restyle(key)}.
 */
export async function tileLayer(map, name, { styles, hover, interactive = false, minZoom = 0, zIndex = 1 } = {}) {
  const [L, tilejson] = await Promise.all([loadVectorGrid(), readTileJson(name)]);
  const layer = new (shiftedProtobuf(L))(tilejson.tiles[0], {
    rendererFactory: L.svg.tile,
    vectorTileLayerStyles: styles,
    interactive: interactive || Boolean(hover),
    getFeatureId: f => featureKey(f.properties, f.id),
    minZoom: Math.max(minZoom, tilejson.minzoom ?? 0),
    maxNativeZoom: tilejson.maxzoom ?? 22,
    maxZoom: map.getMaxZoom() || 22,
    pane: tilePane(map),
    zIndex,
    attribution: tilejson.attribution,
  });
  const handle = { name, layer, tilejson, version: tilejson.version };
  // Each drawn path says whose it is (data-code: the area code or id), for people reading the page and for tests.
  layer.on('tileload', e => {
    const renderer = layer._vectorTiles[layer._tileCoordsToKey(e.coords)];
    for (const [key, f] of Object.entries(renderer?._features || {})) f.feature._path?.setAttribute('data-code', key);
  });
  if (hover) {
    layer.on('mouseover', e => layer.setFeatureStyle(featureKey(e.layer.properties, e.layer.mvtId), hover(e.layer.properties)));
    layer.on('mouseout', e => layer.resetFeatureStyle(featureKey(e.layer.properties, e.layer.mvtId)));
  }
  /** Draws the features of one key again with the layer's styles (after the figures they are coloured by changed). */
  handle.restyle = key => layer.resetFeatureStyle(key);
  /** Re-reads the TileJSON; redraws when the layer's version moved (or always, with force). */
  handle.refresh = async (force = false) => {
    const next = await readTileJson(name);
    handle.tilejson = next;
    if (!force && next.version === handle.version) return false;
    handle.version = next.version;
    layer.redraw();
    return true;
  };
  let timer;
  handle.refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => handle.refresh().catch(err => console.warn(err)), 1000);
  };
  return handle;
}

let Shifted = null;

/**
 * VectorGrid.Protobuf on a map whose CRS may be GCJ-02 (the AMap base map, js/basemap.js): the map's pixels are then
 * GCJ-02 Web Mercator while tiles are cut in WGS84 Web Mercator, so each tile is moved by the GCJ-02 offset at its
 * centre (about 460 m in Qingdao, changing by far less than a pixel across one tile), and the tiles asked are those
 * under the view moved back by that offset. On a WGS84 map both are no-ops.
 */
function shiftedProtobuf(L) {
  if (Shifted) return Shifted;
  const base = L.VectorGrid.Protobuf.prototype;
  const shiftAt = (map, latlng, zoom) => map.options.crs === L.CRS.EPSG3857 ? L.point(0, 0)
    : map.options.crs.latLngToPoint(latlng, zoom).subtract(L.CRS.EPSG3857.latLngToPoint(latlng, zoom));
  Shifted = L.VectorGrid.Protobuf.extend({
    _getTilePos(coords) {
      const size = this.getTileSize();
      const centre = L.CRS.EPSG3857.pointToLatLng(coords.scaleBy(size).add(size.divideBy(2)), coords.z);
      return base._getTilePos.call(this, coords).add(shiftAt(this._map, centre, coords.z));
    },
    _getTiledPixelBounds(center) {
      const bounds = base._getTiledPixelBounds.call(this, center);
      const shift = shiftAt(this._map, center, this._tileZoom);
      return L.bounds(bounds.min.subtract(shift), bounds.max.subtract(shift));
    },
  });
  return Shifted;
}

/** Redraws the given tile layers when the live feed (an EventSource on /api/v1/live) says their content changed. */
export function redrawOnLive(source, handles) {
  for (const [event, names] of Object.entries(LIVE)) {
    source.addEventListener(event, () => handles.filter(h => h && names.includes(h.name)).forEach(h => h.refreshSoon()));
  }
}
