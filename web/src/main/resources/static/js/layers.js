// The area layers: subdistricts always, communities from zoom 12, grids from 13, buildings from 16,
// each drawn from the OGC API, with labels for what is in view and a legend.
import { allItems, getJson } from './api.js';
import { t, areaName, onLanguageChange } from './i18n.js';

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

const STYLE = {
  subdistricts: () => ({ color: '#b22222', weight: 3, fill: true, fillOpacity: 0.02, className: 'gw-subdistrict' }),
  communities: () => ({ color: '#1f5fbf', weight: 2, fill: false, className: 'gw-community' }),
  grids: f => ({ color: '#4d7a4d', weight: 0.8, fillColor: gridFill(f.properties), fillOpacity: 0.45, className: 'gw-grid' }),
};

export class AreaLayers {
  constructor(map) {
    this.map = map;
    this.groups = {};      // what the layer control toggles
    this.layers = {};      // the drawn GeoJSON layers
    this.byCode = new Map();
    this.labels = L.layerGroup().addTo(map);
    for (const id of ['grids', 'communities', 'subdistricts']) {
      this.groups[id] = L.layerGroup().addTo(map);
      this.layers[id] = L.geoJSON(null, { style: STYLE[id] });
    }
    this.groups.buildings = L.layerGroup().addTo(map);
    this.layers.buildings = L.layerGroup();
    map.on('zoomend moveend', () => this.refresh());
    map.on('overlayadd overlayremove', () => this.refresh());
    onLanguageChange(() => this.refresh(true));
  }

  async load() {
    const [sub, com, grid] = await Promise.all(['subdistricts', 'communities', 'grids'].map(id => allItems(id)));
    for (const [id, fc] of [['subdistricts', sub], ['communities', com], ['grids', grid]]) {
      this.layers[id].addData(fc);
      this.layers[id].eachLayer(l => this.byCode.set(l.feature.id, l));
    }
    this.refresh();
    return this.layers.subdistricts.getBounds();
  }

  /** Shows each level only from its zoom on, and only if the user has not switched it off. */
  refresh(relabel = false) {
    const zoom = this.map.getZoom();
    for (const id of Object.keys(this.groups)) {
      const want = this.map.hasLayer(this.groups[id]) && zoom >= MIN_ZOOM[id];
      const has = this.groups[id].hasLayer(this.layers[id]);
      if (want && !has) this.groups[id].addLayer(this.layers[id]);
      if (!want && has) this.groups[id].removeLayer(this.layers[id]);
    }
    this.layers.subdistricts.bringToFront();
    if (this.map.hasLayer(this.groups.buildings) && zoom >= MIN_ZOOM.buildings) this.loadBuildings();
    this.relabel(relabel);
  }

  async loadBuildings() {
    const b = this.map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(6)).join(',');
    if (bbox === this.buildingsBbox) return;
    this.buildingsBbox = bbox;
    const fc = await getJson(`/ogcapi/collections/buildings/items?limit=10000&bbox=${bbox}`);
    if (bbox !== this.buildingsBbox) return; // the view moved on meanwhile
    this.layers.buildings.clearLayers();
    this.layers.buildings.addLayer(L.geoJSON(fc, {
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 3, color: '#5b3a29', weight: 1, fillColor: '#a0522d', fillOpacity: 0.8, className: 'gw-building' })
        .bindTooltip(`${f.properties.name} · ${f.properties.households} ${t('households')}`),
    }));
  }

  relabel() {
    this.labels.clearLayers();
    const zoom = this.map.getZoom(), view = this.map.getBounds();
    for (const [id, [from, to]] of Object.entries(LABEL_ZOOM)) {
      if (zoom < from || zoom > to || !this.groups[id].hasLayer(this.layers[id])) continue;
      let n = 0;
      this.layers[id].eachLayer(layer => {
        const p = layer.feature.properties;
        const center = p.label_point ? L.latLng(p.label_point[1], p.label_point[0]) : layer.getBounds().getCenter();
        if (n >= 300 || !view.contains(center)) return;
        n++;
        // Grids: the sequence number at zoom 16, with the name from 17 on, so that labels do not collide.
        const text = id !== 'grids' ? areaName(p) : zoom >= 17 ? `${p.code.slice(-3)} ${areaName(p)}` : p.code.slice(-3);
        this.labels.addLayer(L.marker(center, { interactive: false, keyboard: false,
          icon: L.divIcon({ className: `gw-label ${id.slice(0, -1)}`, html: escapeHtml(text), iconSize: null }) }));
      });
    }
  }

  overlays() {
    return { [t('subdistricts')]: this.groups.subdistricts, [t('communities')]: this.groups.communities,
      [t('grids')]: this.groups.grids, [t('buildings')]: this.groups.buildings };
  }
}

export function legend() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    const bins = HOUSEHOLD_BINS.map(([max, color], i) => {
      const lo = i === 0 ? '<' : `${HOUSEHOLD_BINS[i - 1][0]}–`;
      const label = i === 0 ? `< ${max}` : max === Infinity ? `≥ ${HOUSEHOLD_BINS[i - 1][0]}` : `${lo}${max}`;
      return `<div><i style="background:${color};border:1px solid #4d7a4d"></i>${label}</div>`;
    }).join('');
    div.innerHTML = `<h4>${t('legend')}</h4>
      <div><i style="border-top:3px solid #b22222;height:0"></i>${t('legendSub')}</div>
      <div><i style="border-top:2px solid #1f5fbf;height:0"></i>${t('legendCom')}</div>
      <div>${t('legendGrid')}</div>${bins}
      <div><i style="background:#c9d3dd;border:1px solid #4d7a4d"></i>${t('legendPort')}</div>
      <div><i style="border:3px solid #ffb000;background:rgba(255,214,0,.25)"></i>${t('legendSel')}</div>`;
    return div;
  };
  return control;
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
