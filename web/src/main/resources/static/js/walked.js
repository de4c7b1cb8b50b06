// The ground net as walked, beside the plan (planning view): tracks recorded by patrols in the last days, the parts
// of planned routes no patrol walked, and walked stretches no route plans. Popups are worded when opened (language switch). Loaded after the coverage layers, so the
// view is as quick to show as before; drawn as SVG lines (few, and each can be clicked).
import { getJson } from './api.js';
import { t, when } from './i18n.js';
import { escapeHtml } from './layers.js';

const L = window.L;
export const WALKED_STYLE = {
  walked: { color: '#111111', weight: 3.5, opacity: 0.95 },
  notWalked: { color: '#e65100', weight: 2.5, opacity: 0.9, dashArray: '6 5' },
  unplanned: { color: '#d500f9', weight: 4.5, opacity: 0.95 },
};

export class Walked {
  constructor(map) {
    this.renderer = L.svg({ pane: 'routes' });
    this.layers = { walked: L.layerGroup().addTo(map), notWalked: L.layerGroup().addTo(map), unplanned: L.layerGroup().addTo(map) };
    this.answer = null;
  }

  overlays() {
    return { [t('layerWalked')]: this.layers.walked, [t('layerNotWalked')]: this.layers.notWalked,
      [t('layerUnplanned')]: this.layers.unplanned };
  }

  /** Loads the comparison for the {@code days} up to now; {@code routes} are the planned routes' features by code. */
  async load(days, routes) {
    document.body.dataset.walked = 'loading';
    const a = await getJson(`/api/v1/coverage/walked?days=${encodeURIComponent(days)}`);
    this.answer = a;
    Object.values(this.layers).forEach(l => l.clearLayers());
    const line = (geometry, kind, cls) => L.geoJSON(geometry, { style: { ...WALKED_STYLE[kind], className: cls }, renderer: this.renderer });
    for (const w of a.walked) {
      line(w.geometry, 'walked', 'gw-walked').bindPopup(() => `${t('walkedTrack')} #${w.patrol}${w.route ? ` · ${escapeHtml(w.route)}` : ''}`
        + `<br>${w.lengthM} m · ${when(w.endedAt)}`).addTo(this.layers.walked);
    }
    for (const n of a.notWalked) {
      const geometry = n.geometry ?? (n.notWalkedM === n.plannedM ? routes.get(n.route)?.geometry : null);
      if (!geometry) continue;
      line(geometry, 'notWalked', n.geometry ? 'gw-not-walked gw-not-walked-part' : 'gw-not-walked')
        .bindPopup(() => `${escapeHtml(n.route)} ${escapeHtml(n.name)}<br>${t('notWalked')}: ${n.notWalkedM} / ${n.plannedM} m`)
        .addTo(this.layers.notWalked);
    }
    for (const u of a.unplanned) {
      line(u.geometry, 'unplanned', 'gw-unplanned').bindPopup(() => `${t('unplanned')} #${u.patrol} · ${u.lengthM} m`).addTo(this.layers.unplanned);
    }
    document.body.dataset.walked = 'loaded';
    return a;
  }

  /** The panel's figures: tracks, and kilometres planned, not walked and walked off the plan. */
  summaryHtml() {
    const a = this.answer;
    if (!a) return '';
    const km = m => `${(m / 1000).toFixed(1)} km`;
    const walkedM = a.walked.reduce((s, w) => s + w.lengthM, 0);
    const rows = [['walkedTracks', `${a.walked.length} · ${km(walkedM)}`], ['plannedLength', km(a.plannedM)],
      ['notWalked', `${km(a.notWalkedM)} (${a.plannedM ? ((a.notWalkedM / a.plannedM) * 100).toFixed(1) : '—'}%)`],
      ['unplanned', km(a.unplannedM)]];
    return rows.map(([k, v]) => `<dt>${t(k)}</dt><dd id="walked-${k}">${escapeHtml(v)}</dd>`).join('');
  }

  static legendHtml() {
    const swatch = (s, dashed) => `<i style="background:none;border-top:${s.weight}px ${dashed ? 'dashed' : 'solid'} ${s.color};height:0;margin-top:8px"></i>`;
    return `<br>${swatch(WALKED_STYLE.walked)}${t('layerWalked')}<br>${swatch(WALKED_STYLE.notWalked, true)}${t('layerNotWalked')}`
      + `<br>${swatch(WALKED_STYLE.unplanned)}${t('layerUnplanned')}`;
  }
}
