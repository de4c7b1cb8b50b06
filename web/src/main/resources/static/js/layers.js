// The area layers: subdistricts always, communities from zoom 12, grids from 13, buildings from 16,
// each drawn from vector tiles, with labels for what is in view and a legend.
import { getJson } from './api.js';
import { t, areaName, onLanguageChange } from './i18n.js';
import { tileLayer } from './tile-layers.js';
import { drawFoldable } from './legend-fold.js';
import { declutter } from './label-declutter.js';

const L = window.L;
export const MIN_ZOOM = { subdistricts: 0, communities: 12, grids: 13, buildings: 16 };
const LABEL_ZOOM = { subdistricts: [0, 14], communities: [15, 15], grids: [16, 30] };
// Grid fill by households: under the band, its lower and upper half, over it (the band from /api/v1/district).
let HOUSEHOLD_BINS = bins(300, 500);

function bins(low, high) {
  return [[low, '#e8f3e3'], [Math.round((low + high) / 2), '#c3e2b6'], [high, '#93c98a'], [Infinity, '#5aa45a']];
}

/** The deployment's household band of a grid ({low, high}); the fill and the legend follow it. */
export function setHouseholdBand(band) {
  if (band && band.low > 0 && band.high >= band.low) HOUSEHOLD_BINS = bins(band.low, band.high);
}

export function gridFill(props) {
  if (props.kind === 'port') return '#c9d3dd';
  return HOUSEHOLD_BINS.find(([max]) => props.households < max)[1];
}

// Tile features carry code, name, parent and level (no figures): grids are filled from AreaLabels' households.
const STYLE = {
  subdistricts: () => ({ color: '#b22222', weight: 3, fill: true, fillOpacity: 0.02, className: 'gw-subdistrict' }),
  communities: () => ({ color: '#1f5fbf', weight: 2, fill: false, className: 'gw-community' }),
  grids: figures => p => {
    const f = figures.get(p.code);
    return { color: '#4d7a4d', weight: 0.8, fill: true, fillColor: f ? gridFill(f) : '#eef3ec', fillOpacity: f ? 0.45 : 0.2,
      className: 'gw-grid' };
  },
  buildings: () => ({ radius: 3, color: '#5b3a29', weight: 1, fill: true, fillColor: '#a0522d', fillOpacity: 0.8, className: 'gw-building' }),
};
// Only grids and buildings answer the pointer: the outlines above them are drawn, not hovered (their faint fill would
// otherwise catch it). Clicks go to the page either way.
const HOVER = {
  grids: figures => p => ({ ...STYLE.grids(figures)(p), color: '#1b4d1b', weight: 2.5, className: 'gw-grid gw-hover' }),
  buildings: () => ({ radius: 5, color: '#5b3a29', weight: 2, fill: true, fillColor: '#d2691e', fillOpacity: 0.9, className: 'gw-building gw-hover' }),
};
const LEVELS = ['subdistricts', 'communities', 'grids', 'buildings'];
const STACK = { grids: 1, communities: 2, subdistricts: 3, buildings: 4 }; // z-order in the tile pane

/**
 * The area layers of the map, drawn from vector tiles (/tiles/{level}/…): subdistricts always, communities from
 * zoom 12, grids from 13, buildings from 16. Labels and the grids' household fill come from
 * /api/v1/areas/labels for what is in view; clicks are the page's (they ask the API).
 */
export class AreaLayers {
  constructor(map) {
    this.map = map;
    this.groups = {};      // what the layer control toggles
    this.tiles = {};       // the tile layers (tile-layers.js handles), one per level
    this.figures = new Map(); // grid code → {name, nameEn, kind, households, at} of the grids labelled so far
    this.known = new Map();   // the same for every level: what a page names an area by (areaOf)
    this.labels = L.layerGroup().addTo(map);
    for (const id of LEVELS) this.groups[id] = L.layerGroup().addTo(map);
    map.on('moveend', () => this.relabel());
    map.on('zoomend resize', () => this.declutter()); // the labels shown meanwhile, until the view's own arrive
    map.on('overlayadd overlayremove', () => this.relabel());
    onLanguageChange(() => this.relabel(true));
  }

  /** Adds the tile layers; answers the district's bounds (from the subdistricts' TileJSON). */
  async load() {
    const handles = await Promise.all(LEVELS.map(id => tileLayer(this.map, id, {
      styles: { [id]: id === 'grids' ? STYLE.grids(this.figures) : STYLE[id]() },
      hover: id === 'grids' ? HOVER.grids(this.figures) : HOVER[id]?.(),
      minZoom: MIN_ZOOM[id], zIndex: STACK[id],
    }).catch(err => { console.warn(err); return null; })));
    LEVELS.forEach((id, i) => {
      if (!handles[i]) return;
      this.tiles[id] = handles[i];
      this.groups[id].addLayer(handles[i].layer);
    });
    if (this.tiles.buildings) this.nameOnHover(this.tiles.buildings.layer);
    await this.relabel();
    const b = this.tiles.subdistricts?.tilejson.bounds;
    return b ? L.latLngBounds([b[1], b[0]], [b[3], b[2]]) : null;
  }

  /** An area seen in view so far ({code, name, nameEn, households, …}), or undefined. */
  areaOf(code) { return this.known.get(code); }

  /** The tile layers, for a page that redraws them on live changes. */
  tileHandles() { return Object.values(this.tiles); }

  /** The area codes (or building ids) drawn in the loaded tiles of one level: what a test or a check can count. */
  drawnKeys(id) {
    const keys = new Set();
    const tiles = this.tiles[id]?.layer._vectorTiles || {};
    for (const tile of Object.values(tiles)) Object.keys(tile._features || {}).forEach(k => keys.add(k));
    return [...keys];
  }

  nameOnHover(layer) {
    const tip = L.tooltip({ direction: 'top', offset: [0, -4] });
    layer.on('mouseover', e => { if (e.layer.properties.name) tip.setLatLng(e.latlng).setContent(escapeHtml(e.layer.properties.name)).addTo(this.map); });
    layer.on('mouseout', () => tip.remove());
  }

  /** Labels what is in view (and learns the grids' households, so that their fill follows). */
  async relabel() {
    // Asked for a larger box than the view: grids cut by its edge have their label point outside it, and need their fill.
    const zoom = this.map.getZoom(), view = this.map.getBounds(), b = view.pad(0.5);
    const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v)).toFixed(6);
    const bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(',');
    const wanted = Object.entries(LABEL_ZOOM).filter(([id, [from, to]]) => (id === 'grids' ? zoom >= MIN_ZOOM.grids : zoom >= from && zoom <= to)
      && this.map.hasLayer(this.groups[id]) && zoom >= MIN_ZOOM[id]).map(([id]) => id);
    const asked = this.asked = `${zoom}|${bbox}|${wanted}`;
    const answers = await Promise.all(wanted.map(id => getJson(`/api/v1/areas/labels?level=${id}&bbox=${bbox}`)
      .then(a => [id, a.areas]).catch(() => [id, []])));
    if (asked !== this.asked) return; // the view moved on meanwhile
    this.labels.clearLayers();
    const placed = [];
    for (const [id, areas] of answers) {
      for (const a of areas) this.known.set(a.code, a);
      if (id === 'grids') this.learnGrids(areas);
      const [from, to] = LABEL_ZOOM[id];
      if (zoom < from || zoom > to) continue;
      // The most populous first: where two labels would overprint, the larger area keeps its name.
      const inView = areas.filter(a => view.contains([a.at[1], a.at[0]])).sort((a, b) => (b.residents || 0) - (a.residents || 0));
      for (const p of inView.slice(0, 300)) {
        // Grids: the sequence number at zoom 16, with the name from 17 on, so that labels do not collide.
        const text = id !== 'grids' ? areaName(p) : zoom >= 17 ? `${p.code.slice(-3)} ${areaName(p)}` : p.code.slice(-3);
        const marker = L.marker([p.at[1], p.at[0]], { interactive: false, keyboard: false,
          icon: L.divIcon({ className: `gw-label ${id.slice(0, -1)}`, html: `<span>${escapeHtml(text)}</span>`, iconSize: null }) });
        this.labels.addLayer(marker);
        placed.push(marker);
      }
    }
    this.placed = placed; // in priority order: subdistricts, then communities, then grids
    this.declutter();
  }

  /** Hides the labels that would overprint one placed before them. */
  declutter() {
    if (this.placed) declutter(this.placed.map(m => m.getElement()).filter(Boolean), this.map.getContainer().getBoundingClientRect());
  }

  learnGrids(areas) {
    for (const a of areas) {
      const known = this.figures.get(a.code);
      this.figures.set(a.code, a);
      if (this.tiles.grids && (!known || known.households !== a.households)) this.tiles.grids.restyle(a.code);
    }
  }

  overlays() {
    return { [t('subdistricts')]: this.groups.subdistricts, [t('communities')]: this.groups.communities,
      [t('grids')]: this.groups.grids, [t('buildings')]: this.groups.buildings };
  }
}

let legendDiv = null; // the last legend drawn: a redraw keeps it folded or open

/** The map's legend (bottom right), folded on a narrow map. */
export function legend() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = map => {
    const div = L.DomUtil.create('div', 'legend');
    div.id = 'map-legend';
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    if (legendDiv) div.innerHTML = legendDiv.innerHTML;
    legendDiv = div;
    const bins = HOUSEHOLD_BINS.map(([max, color], i) => {
      const lo = i === 0 ? '<' : `${HOUSEHOLD_BINS[i - 1][0]}–`;
      const label = i === 0 ? `< ${max}` : max === Infinity ? `≥ ${HOUSEHOLD_BINS[i - 1][0]}` : `${lo}${max}`;
      return `<div><i style="background:${color};border:1px solid #4d7a4d"></i>${label}</div>`;
    }).join('');
    drawFoldable(div, map, t('legend'), `
      <div><i style="border-top:3px solid #b22222;height:0"></i>${t('legendSub')}</div>
      <div><i style="border-top:2px solid #1f5fbf;height:0"></i>${t('legendCom')}</div>
      <div>${t('legendGrid')}</div>${bins}
      <div><i style="background:#c9d3dd;border:1px solid #4d7a4d"></i>${t('legendPort')}</div>
      <div><i style="border:3px solid #ffb000;background:rgba(255,214,0,.25)"></i>${t('legendSel')}</div>`);
    return div;
  };
  return control;
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
