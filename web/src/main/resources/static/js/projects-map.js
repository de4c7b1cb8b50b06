// The projects page's map: the needs of the chosen level and category as a choropleth of the rate per 1,000
// residents, unmet demand outlined (clickable: the area's figures and its cases), the service areas of projects,
// and the open project's own service area. Popups and tooltips are built when shown, in the language on screen.
// The level's areas are vector tiles (issue 18) styled by code from the needs figures; a click asks the locator which
// area of the level it fell in, and the popup is that area's.
import { t, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { drawFoldable } from './legend-fold.js';
import { number } from './projects-format.js';
import { recordNeedButton } from './projects-need-form.js';
import { tileLayer } from './tile-layers.js';
import { getJson } from './api.js';

const L = window.L;
const e = v => escapeHtml(v == null ? '' : v);
/** Five classes of the rate, light to dark. */
export const RAMP = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
export const UNMET_COLOUR = '#c2185b';
export const PROJECT_COLOUR = '#5e35b1';

export class ProjectsMap {
  /** {@code store}: the page's state; {@code onCases(area)}: the cases behind an area; {@code onProject(id)}: opens one. */
  constructor(map, store, { onCases, onProject, onRecordNeed }) {
    this.map = map;
    this.store = store;
    this.onProject = onProject;
    map.createPane('outlines').style.zIndex = 420;
    this.needs = L.layerGroup().addTo(map); // the level's tiles, shaded by the needs figures
    this.tip = L.tooltip({ direction: 'top', offset: [0, -6] });
    this.projects = L.geoJSON(null, { pane: 'outlines', style: { color: PROJECT_COLOUR, weight: 2, dashArray: '6 4', fillOpacity: 0.06,
      className: 'gw-project-area' }, onEachFeature: (f, l) => {
      l.bindTooltip(() => e(f.properties.title), { sticky: true });
      l.on('click', ev => { L.DomEvent.stopPropagation(ev); this.clickProject(f.id ?? f.properties.id, ev.latlng); });
    } }).addTo(map);
    this.unmet = L.layerGroup().addTo(map); // the same tiles, only the unmet areas, outlined
    this.selected = L.geoJSON(null, { pane: 'outlines', style: { color: '#000', weight: 4, fill: false }, interactive: false }).addTo(map);
    map.on('popupopen', ev => {
      this.openPopup = ev.popup;
      const el = ev.popup.getElement();
      el.querySelector('button[data-cases]')?.addEventListener('click', b => onCases(b.target.dataset.cases));
      el.querySelector('button[data-record-need]')?.addEventListener('click', b => onRecordNeed(b.target.dataset.recordNeed));
    });
    map.on('popupclose', ev => { if (this.openPopup === ev.popup) this.openPopup = null; });
  }

  overlays() {
    return { [t('pLayerNeeds')]: this.needs, [t('pLayerUnmet')]: this.unmet, [t('pLayerProjects')]: this.projects };
  }

  /** The level's areas from its vector tiles ('grids', 'communities', 'subdistricts'), shaded by the store's figures. */
  async drawNeeds(tiles) {
    if (this.tiles === tiles) return;
    this.tiles = tiles;
    const [needs, unmet] = await Promise.all([
      tileLayer(this.map, tiles, { styles: { [tiles]: p => this.needStyle({ properties: p }) }, zIndex: 1,
        hover: p => ({ ...this.needStyle({ properties: p }), color: '#222', weight: 2 }) }),
      tileLayer(this.map, tiles, { styles: { [tiles]: p => this.unmetOf(p.code)
        ? { color: UNMET_COLOUR, weight: 3, fill: false, className: 'gw-unmet' } : [] }, zIndex: 2 }),
    ]);
    if (this.tiles !== tiles) return; // another level was chosen meanwhile
    this.needs.clearLayers().addLayer(needs.layer);
    this.unmet.clearLayers().addLayer(unmet.layer);
    this.needTiles = needs;
    this.unmetTiles = unmet;
    needs.layer.on('mouseover mousemove', ev => this.tip.setLatLng(ev.latlng).setContent(this.needTip({ properties: ev.layer.properties })).addTo(this.map));
    needs.layer.on('mouseout', () => this.tip.remove());
  }

  /** The figures changed: every area of the level is drawn again in its class. */
  restyleNeeds() {
    for (const f of this.store.areas[this.store.level] || []) this.needTiles?.restyle(f.properties.code);
  }

  /** Unmet demand: the level's areas the API names, outlined (drawn again: which areas have a path changed). */
  drawUnmet() { this.unmetTiles?.layer.redraw(); }

  unmetOf(code) { return this.store.unmet?.areas.find(a => a.code === code); }

  /**
   * A click on a project's service area: the unmet outlines lie under it now (tiles), where they lay over it before, so
   * a click inside an unmet area still opens that area; anywhere else the project.
   */
  async clickProject(id, latlng) {
    if (this.map.hasLayer(this.unmet) && this.store.unmet?.areas.length && await this.openAreaAt(latlng, true)) return;
    this.onProject(id, latlng);
  }

  /**
   * A click on the map (not on a project or an activity): the level's area there, asked of the locator, in a popup
   * (only if it has unmet demand, with {@code onlyUnmet}). Answers whether a popup opened.
   */
  async openAreaAt(latlng, onlyUnmet = false) {
    let placed;
    try {
      placed = await getJson(`/api/v1/locate?lon=${latlng.lng.toFixed(7)}&lat=${latlng.lat.toFixed(7)}&crs=WGS84`);
    } catch {
      return false; // outside the district
    }
    const area = placed[this.store.level];
    if (!area) return false;
    const unmet = this.map.hasLayer(this.unmet) && this.unmetOf(area.code);
    if (onlyUnmet && !unmet) return false;
    const f = { properties: { code: area.code, name: area.name, nameEn: area.nameEn, unmet } };
    L.popup({ maxWidth: 280 }).setLatLng(latlng).setContent(() => unmet ? this.unmetHtml(f) : this.needHtml(f)).openOn(this.map);
    return true;
  }

  drawProjects(features) {
    this.projects.clearLayers().addData({ type: 'FeatureCollection', features });
    this.projects.eachLayer(l => l.getElement()?.setAttribute('data-project', l.feature.id ?? l.feature.properties.id));
  }

  /** The open project's service area, outlined and fitted. */
  showProject(serviceArea) {
    this.selected.clearLayers();
    if (!serviceArea) return;
    this.selected.addData(serviceArea);
    this.map.fitBounds(this.selected.getBounds(), { maxZoom: 16, padding: [20, 20] });
  }

  /** The rate's class among the level's rates (breaks at the quintiles of what is on screen). */
  colour(rate) {
    const breaks = this.store.breaks;
    if (rate == null || !breaks) return '#ffffff';
    let i = 0;
    while (i < breaks.length && rate > breaks[i]) i++;
    return classColour(i, breaks.length + 1);
  }

  needStyle(f) {
    const figures = this.store.needs?.get(f.properties.code);
    return { color: '#666', weight: 0.6, fillColor: this.colour(figures?.rate), fillOpacity: figures ? 0.7 : 0.05 };
  }

  needTip(f) {
    const a = this.store.needs?.get(f.properties.code);
    const name = e(areaName(f.properties));
    return a ? `${name}<br>${t('pRate')} <b>${number(a.rate, 2)}</b> · ${t('pCount')} ${e(a.count)} · ${t('pResidents')} ${e(a.residents)}` : name;
  }

  unmetHtml(f) {
    const a = f.properties.unmet, figures = this.store.needs?.get(a.code) || {};
    return `<div class="popup unmet" data-code="${e(a.code)}"><h3>${e(areaName(f.properties))} <small>${e(a.code)}</small></h3><dl>
      <dt>${t('pRate')}</dt><dd>${number(a.rate, 2)} <small>(${t('pThreshold')} ${number(this.store.unmet?.threshold, 2)})</small></dd>
      <dt>${t('pCount')}</dt><dd>${e(a.count)}</dd>
      ${figures.cases == null ? '' : `<dt>${t('pCases')}</dt><dd>${e(figures.cases)}</dd><dt>${t('pBookings')}</dt><dd>${e(figures.bookings)}</dd>`}
      ${figures.recorded == null ? '' : `<dt>${t('pRecorded')}</dt><dd data-fig="recorded">${e(figures.recorded)}</dd>`}
      <dt>${t('pResidents')}</dt><dd>${e(a.residents)}</dd><dt>${t('pLayerProjects')}</dt><dd>${t('pServedNone')}</dd></dl>
      <button type="button" data-cases="${e(a.code)}">${t('pShowCases')}</button> ${recordNeedButton(this.store, a.code)}</div>`;
  }

  /** Any area's figures (those who may read them), its recorded needs, and the way to record one. */
  needHtml(f) {
    const code = f.properties.code, a = this.store.needs?.get(code);
    const figures = a ? `<dl><dt>${t('pRate')}</dt><dd>${number(a.rate, 2)}</dd><dt>${t('pCount')}</dt><dd>${e(a.count)}</dd>
      <dt>${t('pCases')}</dt><dd>${e(a.cases)}</dd><dt>${t('pBookings')}</dt><dd>${e(a.bookings)}</dd>
      <dt>${t('pRecorded')}</dt><dd data-fig="recorded">${e(a.recorded)}</dd><dt>${t('pResidents')}</dt><dd>${e(a.residents)}</dd></dl>
      <button type="button" data-cases="${e(code)}">${t('pShowCases')}</button> ` : '';
    return `<div class="popup need" data-code="${e(code)}"><h3>${e(areaName(f.properties))} <small>${e(code)}</small></h3>${figures}${
      recordNeedButton(this.store, code)}</div>`;
  }

  /** The language changed: the open popup is worded again. */
  reword() { if (this.openPopup) this.openPopup.update(); }
}

/** The map's legend: the rate classes, unmet demand's outline, project service areas. */
export function addLegend(map, store) {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'info legend projects-legend');
    div.id = 'projects-legend';
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  control.addTo(map);
  drawLegend(store);
}

export function drawLegend(store) {
  const div = document.getElementById('projects-legend');
  if (!div) return;
  const b = store.breaks;
  const classes = b ? b.length + 1 : 0;
  const ramp = b ? Array.from({ length: classes }, (_, i) => `<i style="background:${classColour(i, classes)}"></i><span>${
    classes === 1 ? number(store.rateMax, 1) : i === 0 ? '≤ ' + number(b[0], 1) : i === classes - 1 ? '> ' + number(b[i - 1], 1) : number(b[i - 1], 1) + ' – ' + number(b[i], 1)
  }</span>`).join('') : '';
  drawFoldable(div, null, t('pLegend'), `
    <div>${t('pLayerNeeds')}</div><div class="ramp">${ramp || `<span></span><em>${store.needsStatus === 'denied' ? t('pNeedsStaffOnly') : t('pLoading')}</em>`}</div>
    <div class="line"><i style="border:3px solid ${UNMET_COLOUR}"></i>${t('pLayerUnmet')}</div>
    <div class="line"><i style="border:2px dashed ${PROJECT_COLOUR}"></i>${t('pLayerProjects')}</div>`);
}

/**
 * Breaks between at most five classes: the 20th … 80th percentiles of the rates, each once (many areas without a
 * request give equal percentiles, and a class "0 – 0" says nothing); empty when every area has the same rate.
 */
export function quintiles(rates) {
  const sorted = rates.filter(r => r != null).map(Number).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const breaks = [0.2, 0.4, 0.6, 0.8].map(q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return [...new Set(breaks)].filter(x => x < sorted[sorted.length - 1]);
}

/** Class i of n, spread over the ramp (the lightest for the lowest, the darkest for the highest). */
function classColour(i, n) { return n < 2 ? RAMP[2] : RAMP[Math.round(i * (RAMP.length - 1) / (n - 1))]; }
