// The planner's map layers: grids coloured by how far their households lie from the band (a diverging scale:
// below / within / above; the area tiles carry households and kind), with its legend; labels (code and name, from the
// labels API for the view) when zoomed in far enough to read them; the buildings from zoom 16. Labels and buildings can be switched off in the base-map switch; all re-render on a
// language change.
import { getJson } from './api.js';
import { areaName, currentLang, onLanguageChange, t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { fill } from './planner-text.js';

const L = window.L;
const BUILDINGS_FROM = 16;
// Purple-orange diverging scale (ColorBrewer PuOr): orange below the band, pale within, purple above.
const COLOURS = { farBelow: '#b35806', below: '#f1a340', within: '#f7f7f7', above: '#998ec3', farAbove: '#542788', port: '#c9d3dd', none: '#dfe6ee' };

/** Where a number of households lies against the band: far below (under half the low end), below, within, above, far above (over 1.5 × high). */
export function deviation(households, band) {
  if (households < band.low / 2) return 'farBelow';
  if (households < band.low) return 'below';
  if (households <= band.high) return 'within';
  return households < band.high * 1.5 ? 'above' : 'farAbove';
}

export class PlannerLayers {
  /** {@code shell}: what startMap answered; {@code level()}: the level on the map now (grids, communities, subdistricts). */
  constructor(shell, level) {
    Object.assign(this, { shell, map: shell.map, level, band: { low: 300, high: 500 } });
    this.labels = L.layerGroup().addTo(this.map);
    this.buildings = L.layerGroup().addTo(this.map);
    this.legend = L.control({ position: 'bottomright' });
    this.legend.onAdd = () => {
      // On a phone the legend starts folded to its title (it would cover a third of the map); a tap opens or folds it.
      this.legendDiv = L.DomUtil.create('div', 'legend planner-legend folded');
      this.legendDiv.addEventListener('click', () => this.legendDiv.classList.toggle('folded'));
      L.DomEvent.disableClickPropagation(this.legendDiv);
      this.renderLegend();
      return this.legendDiv;
    };
    this.legend.addTo(this.map);
    shell.setOverlays(() => ({ [t('buildings')]: this.buildings, [t('areaLabels')]: this.labels }));
    this.map.on('moveend', () => { this.relabel(); this.loadBuildings(); });
    this.map.on('overlayadd', () => { this.relabel(); this.loadBuildings(); });
    onLanguageChange(() => { this.renderLegend(); this.relabel(); });
  }

  async start() {
    const district = await getJson('/api/v1/district').catch(() => null);
    if (district?.householdBand?.low > 0) this.band = district.householdBand;
    this.renderLegend();
  }

  /** The style of one area from its properties (a tile feature's or a GeoJSON one's): grids by deviation, higher levels a neutral fill. */
  style(p) {
    const key = this.level() !== 'grids' ? 'none' : p.kind === 'port' ? 'port' : deviation(p.households, this.band);
    return { color: '#4d5b6b', weight: this.level() === 'grids' ? 0.8 : 1.6, fill: true, fillColor: COLOURS[key], fillOpacity: 0.6,
      className: `gw-grid dev-${key}` };
  }

  renderLegend() {
    if (!this.legendDiv) return;
    const { low, high } = this.band;
    const row = (key, text) => `<div class="dev-${key}"><i style="background:${COLOURS[key]};border:1px solid #4d5b6b"></i>${escapeHtml(text)}</div>`;
    this.legendDiv.innerHTML = `<h4>${escapeHtml(fill('planLegend', this.band))}</h4>`
      + row('farBelow', fill('devFarBelow', { x: Math.round(low / 2) }))
      + row('below', fill('devBelow', { x: Math.round(low / 2), y: low }))
      + row('within', fill('devWithin', { x: low, y: high }))
      + row('above', fill('devAbove', { x: high, y: Math.round(high * 1.5) }))
      + row('farAbove', fill('devFarAbove', { x: Math.round(high * 1.5) }))
      + row('port', t('devPort'))
      + (this.level() === 'grids' ? '' : `<div class="hint">${escapeHtml(t('devNoBand'))}</div>`);
  }

  /**
   * Labels for the areas in view: grids from zoom 15 (the sequence number), with their name from 16; higher levels
   * earlier. Now: from the labels API for the view (GET /api/v1/areas/labels), the latest view winning; at a past
   * moment: from the past outlines on the map ({@code past}, a GeoJSON layer bounded to the view).
   */
  async relabel(past = this.past) {
    this.past = past;
    const zoom = this.map.getZoom(), view = this.map.getBounds();
    const from = { grids: 15, communities: 13, subdistricts: 11 }[this.level()];
    const key = [this.level(), zoom, view.toBBoxString(), currentLang(), past ? L.stamp(past) : 'now'].join('/');
    this.labelsKey = key;
    if (!this.map.hasLayer(this.labels) || zoom < from) { this.labels.clearLayers(); return; }
    let areas;
    if (past) {
      areas = [];
      past.eachLayer(layer => { const p = layer.feature.properties; areas.push({ ...p, at: layer.getBounds().getCenter() }); });
    } else {
      const bbox = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()].map(v => v.toFixed(6)).join(',');
      try {
        areas = (await getJson(`/api/v1/areas/labels?level=${this.level()}&bbox=${bbox}`)).areas
          .map(a => ({ ...a, at: L.latLng(a.at[1], a.at[0]) }));
      } catch (e) {
        return; // labels are a help: the map stands without them
      }
    }
    if (key !== this.labelsKey) return;
    this.labels.clearLayers();
    const nameFrom = this.map.getSize().x < 500 ? 17 : 16; // a phone: names only when there is room for them
    let n = 0;
    for (const a of areas) {
      if (n >= 300 || !view.contains(a.at)) continue;
      n++;
      const code = this.level() === 'grids' ? a.code.slice(-3) : a.code;
      const text = this.level() !== 'grids' || zoom >= nameFrom ? `${code} ${areaName(a)}` : code;
      this.labels.addLayer(L.marker(a.at, { interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'gw-label planner-label', html: escapeHtml(text), iconSize: null }) }));
    }
  }

  /** The buildings in view from zoom 16 (each with its households), the latest view winning. */
  async loadBuildings() {
    if (this.map.getZoom() < BUILDINGS_FROM || !this.map.hasLayer(this.buildings)) {
      this.buildings.clearLayers();
      this.buildingsBbox = null;
      return;
    }
    const b = this.map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(6)).join(',');
    if (bbox === this.buildingsBbox) return;
    this.buildingsBbox = bbox;
    const fc = await getJson(`/ogcapi/collections/buildings/items?limit=10000&bbox=${bbox}`);
    if (bbox !== this.buildingsBbox) return;
    this.buildings.clearLayers();
    L.geoJSON(fc, { pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 3, color: '#5b3a29', weight: 1, fillColor: '#a0522d',
      fillOpacity: 0.8, interactive: true, className: 'gw-building' })
      .bindTooltip(() => `${escapeHtml(f.properties.name)} · ${f.properties.households} ${t('households')}`) }).addTo(this.buildings);
  }
}
