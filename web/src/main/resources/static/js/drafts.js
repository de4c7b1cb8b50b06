// Drafted cameras and routes on the planning map: place, drag, reshape; each change asks the server what it would
// do to each grid (what-if, nothing saved) until the planner saves or discards the drafts.
import { postJson, sendJson } from './api.js';
import { t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { fill } from './planning-text.js';

const L = window.L;
const DRAFT = '#b26a00';
const METRES_PER_DEGREE = 111320;

/** The sector of a camera as lat/lng points (local metres; fine for drawing, the server computes in the district's metric CRS). */
export function sectorLatLngs(c) {
  const mLon = METRES_PER_DEGREE * Math.cos(c.latlng.lat * Math.PI / 180);
  const full = c.fov >= 360, from = c.heading - c.fov / 2, steps = Math.max(8, Math.ceil(c.fov / 5));
  const points = full ? [] : [c.latlng];
  for (let i = 0; i <= steps; i++) {
    if (full && i === steps) break;
    const a = (from + c.fov * i / steps) * Math.PI / 180;
    points.push(L.latLng(c.latlng.lat + c.range * Math.cos(a) / METRES_PER_DEGREE, c.latlng.lng + c.range * Math.sin(a) / mLon));
  }
  return points;
}

export class Drafts {
  constructor(map, windowOf, hooks) {
    Object.assign(this, { map, windowOf, hooks, cameras: [], routes: [], drawing: null, mode: null, asked: 0 });
    this.layer = L.layerGroup().addTo(map);
    this.afterByGrid = new Map();
    this.after = code => this.afterByGrid.get(code) ?? null;
    this.serial = Date.now() % 100000;
    document.getElementById('place-camera').addEventListener('click', () => this.setMode(this.mode === 'camera' ? null : 'camera'));
    document.getElementById('draw-route').addEventListener('click', () => this.setMode(this.mode === 'route' ? null : 'route'));
    document.getElementById('finish-route').addEventListener('click', () => this.finishRoute());
    document.getElementById('save-drafts').addEventListener('click', () => this.save());
    document.getElementById('discard-drafts').addEventListener('click', () => this.clear());
    document.getElementById('camera-form').addEventListener('change', () => this.cameraFormChanged());
    map.on('click', e => this.mapClicked(e.latlng));
    map.doubleClickZoom.disable();
    this.setMode(null);
  }

  setMode(mode) {
    this.mode = mode;
    document.getElementById('place-camera').classList.toggle('on', mode === 'camera');
    document.getElementById('draw-route').classList.toggle('on', mode === 'route');
    document.getElementById('camera-form').hidden = mode !== 'camera' && !this.selected;
    document.getElementById('route-form').hidden = mode !== 'route';
    this.map.getContainer().classList.toggle('placing', mode !== null);
    document.getElementById('tool-hint').textContent = mode === 'camera' ? t('hintCamera') : mode === 'route' ? t('hintRoute') : '';
    if (mode === 'route') this.drawing = { latlngs: [], line: L.polyline([], { color: DRAFT, weight: 3, dashArray: '6 4' }).addTo(this.layer) };
    else if (this.drawing) { this.layer.removeLayer(this.drawing.line); this.drawing = null; }
  }

  mapClicked(latlng) {
    if (this.mode === 'camera') {
      this.addCamera(latlng, this.cameraForm());
      this.setMode(null);
    } else if (this.mode === 'route') {
      this.drawing.latlngs.push(latlng);
      this.drawing.line.setLatLngs(this.drawing.latlngs);
    }
  }

  cameraForm() {
    const v = id => document.getElementById(id).value;
    return { type: v('c-type'), heading: Number(v('c-heading')), fov: Number(v('c-fov')), range: Number(v('c-range')) };
  }

  addCamera(latlng, settings) {
    const c = { code: `PLAN-C${++this.serial}`, latlng, ...settings };
    if (c.type !== 'FIXED') c.fov = 360;
    c.sector = L.polygon(sectorLatLngs(c), { color: DRAFT, weight: 2, dashArray: '5 3', fillOpacity: 0.3, interactive: false }).addTo(this.layer);
    c.marker = L.marker(latlng, { draggable: true, title: c.code }).addTo(this.layer);
    c.marker.on('dragend', () => { c.latlng = c.marker.getLatLng(); this.redraw(c); this.whatIf(); });
    c.marker.on('click', () => this.select(c));
    this.cameras.push(c);
    this.select(c);
    this.whatIf();
  }

  select(c) {
    this.selected = c;
    document.getElementById('camera-form').hidden = false;
    for (const [id, key] of [['c-type', 'type'], ['c-heading', 'heading'], ['c-fov', 'fov'], ['c-range', 'range']]) {
      document.getElementById(id).value = c[key];
    }
  }

  cameraFormChanged() {
    if (!this.selected || this.mode === 'camera') return;
    Object.assign(this.selected, this.cameraForm());
    if (this.selected.type !== 'FIXED') this.selected.fov = 360;
    this.redraw(this.selected);
    this.whatIf();
  }

  redraw(c) { c.sector.setLatLngs(sectorLatLngs(c)); }

  finishRoute() {
    const d = this.drawing;
    if (!d || d.latlngs.length < 2) { this.hooks.toast(t('hintRoute')); return; }
    const v = id => document.getElementById(id).value;
    const route = { code: `PLAN-R${++this.serial}`, isNew: true, name: t('draftRoute'), mode: v('r-mode'),
      schedule: [{ days: 'MON-SUN', start: v('r-start'), end: v('r-end'), passes: 2 }], latlngs: d.latlngs.slice() };
    this.setMode(null);
    this.addRoute(route);
  }

  /** Reshape a saved route: its vertices become draggable; the draft keeps its code, so it replaces the route. */
  editRoute(f) {
    if (this.routes.some(r => r.code === f.properties.code)) return;
    const p = f.properties;
    const lines = f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [f.geometry.coordinates];
    this.addRoute({ code: p.code, isNew: false, name: p.name, mode: p.mode, width: p.width, team: p.team, schedule: p.schedule,
      latlngs: lines.flat().map(([lng, lat]) => L.latLng(lat, lng)) });
  }

  addRoute(r) {
    r.line = L.polyline(r.latlngs, { color: DRAFT, weight: 4, dashArray: '6 4' }).addTo(this.layer);
    r.vertices = r.latlngs.map((ll, i) => {
      const m = L.marker(ll, { draggable: true, icon: L.divIcon({ className: 'gw-vertex', iconSize: [12, 12] }) }).addTo(this.layer);
      m.on('drag', () => { r.latlngs[i] = m.getLatLng(); r.line.setLatLngs(r.latlngs); });
      m.on('dragend', () => this.whatIf());
      return m;
    });
    this.routes.push(r);
    this.whatIf();
  }

  body() {
    return {
      window: this.windowOf(),
      cameras: this.cameras.map(c => ({ code: c.code, lon: c.latlng.lng, lat: c.latlng.lat, type: c.type, heading: c.heading,
        fov: c.fov, range: c.range, status: 'ONLINE' })),
      routes: this.routes.map(r => this.routeJson(r)),
    };
  }

  routeJson(r) {
    const json = { code: r.code, name: r.name, mode: r.mode, schedule: r.schedule,
      geometry: { type: 'LineString', coordinates: r.latlngs.map(ll => [ll.lng, ll.lat]) } };
    if (r.width) json.width = r.width;
    if (r.team) json.team = r.team;
    return json;
  }

  /** Called when the window changes or saved data reloads: the drafts' effect is asked again. */
  refresh() { if (this.cameras.length || this.routes.length) this.whatIf(); }

  async whatIf() {
    this.renderList();
    if (!this.cameras.length && !this.routes.length) { this.show(null); return; }
    const asked = ++this.asked;
    const el = document.getElementById('whatif');
    if (!el.querySelector('.working')) el.insertAdjacentHTML('afterbegin', `<p class="hint working">${escapeHtml(t('loading'))}</p>`);
    try {
      const r = await postJson('/api/v1/coverage/what-if', this.body());
      if (asked === this.asked) this.show(r);
    } catch (e) {
      el.querySelector('.working')?.remove();
      this.hooks.toast(e.message);
    }
  }

  show(result) {
    this.result = result;
    this.afterByGrid = new Map((result?.grids || []).map(g => [g.gridCode, g.combinedAfter]));
    this.hooks.restyle();
    const el = document.getElementById('whatif');
    document.getElementById('save-drafts').disabled = !result;
    document.getElementById('discard-drafts').disabled = !result && !this.cameras.length && !this.routes.length;
    if (!result) { el.innerHTML = ''; return; }
    const pct = this.hooks.percent;
    const rows = result.grids.slice().sort((a, b) => (b.combinedAfter - b.combinedBefore) - (a.combinedAfter - a.combinedBefore));
    const change = (before, after) => `${pct(before)} → <span class="${after > before ? 'up' : ''}">${pct(after)}</span>`;
    el.innerHTML = this.effectsHtml(result) + `<p class="total">${t('coveredChange')}: ${result.coveredAreaChangeM2 >= 0 ? '+' : ''}${Math.round(result.coveredAreaChangeM2)} m²</p>`
      + `<table><thead><tr><th>${t('grid')}</th><th>${t('camerasShort')}</th><th>${t('patrolShort')}</th><th>${t('combinedShort')}</th></tr></thead><tbody>`
      + rows.map(g => `<tr data-grid="${escapeHtml(g.gridCode)}"><td>${escapeHtml(g.gridCode.slice(9))}</td><td>${change(g.cameraBefore, g.cameraAfter)}</td>`
        + `<td>${change(g.patrolBefore, g.patrolAfter)}</td><td class="combined">${change(g.combinedBefore, g.combinedAfter)}</td></tr>`).join('')
      + '</tbody></table>';
  }

  /** Each draft's own effect; one that adds nothing says why (outside the district, not running then, no gap crossed). */
  effectsHtml(result) {
    const items = (result.drafts || []).map(d => {
      if (d.addsM2 > 0) return `<li class="adds" data-draft="${escapeHtml(d.code)}">${escapeHtml(fill(t('draftAddsM2'), { code: d.code, m2: d.addsM2 }))}</li>`;
      const why = t(d.reason === 'not-running' ? `why-not-running-${d.kind}` : `why-${d.reason}`);
      return `<li class="adds-nothing" data-draft="${escapeHtml(d.code)}" data-reason="${escapeHtml(d.reason)}">`
        + `${escapeHtml(fill(t('draftAddsNothing'), { code: d.code, w: this.windowOf(), why }))}</li>`;
    });
    return items.length ? `<ul class="draft-effects">${items.join('')}</ul>` : '';
  }

  renderList() {
    const list = document.getElementById('drafts');
    list.innerHTML = '';
    for (const item of [...this.cameras, ...this.routes]) {
      const li = document.createElement('li');
      const what = item.latlngs ? `${t(item.isNew ? 'newRoute' : 'reshapedRoute')} ${item.code}` : `${t('newCamera')} ${item.code} (${item.type}, ${item.range} m)`;
      li.innerHTML = `${escapeHtml(what)}<button type="button" class="quiet remove">✕</button>`;
      li.querySelector('button').addEventListener('click', () => this.remove(item));
      list.appendChild(li);
    }
  }

  remove(item, quietly = false) {
    for (const l of [item.sector, item.marker, item.line, ...(item.vertices || [])]) if (l) this.layer.removeLayer(l);
    this.cameras = this.cameras.filter(c => c !== item);
    this.routes = this.routes.filter(r => r !== item);
    if (this.selected === item) this.selected = null;
    if (!quietly) this.whatIf();
  }

  clear() {
    for (const item of [...this.cameras, ...this.routes]) this.remove(item);
    this.setMode(null);
  }

  /** Saves each draft in turn; a saved one leaves the drafts at once, so a refusal part-way loses nothing. */
  async save() {
    try {
      for (const c of this.cameras.slice()) {
        const json = this.body().cameras.find(x => x.code === c.code);
        await postJson('/api/v1/cameras', { ...json, name: t('plannedCamera') });
        this.remove(c, true);
      }
      for (const r of this.routes.slice()) {
        if (r.isNew) await postJson('/api/v1/routes', this.routeJson(r));
        else await sendJson('PUT', `/api/v1/routes/${encodeURIComponent(r.code)}`, this.routeJson(r));
        this.remove(r, true);
      }
      this.hooks.toast(t('saved'));
      this.clear();
      this.hooks.onSaved();
    } catch (e) {
      this.hooks.toast(e.message);
      this.whatIf();
    }
  }
}
