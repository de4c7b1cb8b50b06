// 巡查上报: report what I find on my round — a category, a few words, the phone's position (shown on a small map,
// the pin draggable) and photos. The report goes through the outbox as POST /api/v1/incidents with channel PATROL;
// each photo follows as POST /api/v1/incidents/{id}/media, its {id} taken from the report's answer when it is sent.
import { getJson } from './api.js';
import { t, currentLang, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { fieldMap } from './field-map.js';
import { newKey } from './field-outbox.js';
import { photoPicker, photoItems } from './field-photos.js';

const L = window.L;
const KEPT_REPORTS = 'gridwatch.field.reports';
const KEPT_CATEGORIES = 'gridwatch.field.categories';

export function mountReport(ctx) {
  let map = null, marker = null, accuracyCircle = null, position = null, categories = [];
  const picker = photoPicker(document.getElementById('report-photos'), document.getElementById('report-previews'));
  const place = document.getElementById('report-place');

  async function loadCategories() {
    try {
      categories = await getJson('/api/v1/categories');
      localStorage.setItem(KEPT_CATEGORIES, JSON.stringify(categories));
    } catch {
      categories = JSON.parse(localStorage.getItem(KEPT_CATEGORIES) || '[]');
    }
    const select = document.getElementById('report-category'), chosen = select.value;
    select.innerHTML = `<option value="">—</option>` + categories.map(c => `<option value="${escapeHtml(c.code)}">${escapeHtml(areaName(c))}</option>`).join('');
    select.value = chosen;
  }

  /** Puts the pin at lon/lat (WGS84) and says which grid that is, when the server can be asked. */
  async function setPosition(lon, lat, accuracy) {
    position = { lon, lat };
    if (!marker) {
      marker = L.marker([lat, lon], { draggable: true, autoPan: true }).addTo(map);
      marker.on('dragend', () => { const p = marker.getLatLng(); setPosition(p.lng, p.lat); });
    } else {
      marker.setLatLng([lat, lon]);
    }
    if (accuracyCircle) accuracyCircle.remove();
    accuracyCircle = accuracy ? L.circle([lat, lon], { radius: accuracy, weight: 1, fillOpacity: 0.1 }).addTo(map) : null;
    map.setView([lat, lon], Math.max(map.getZoom(), 17));
    place.dataset.lon = lon.toFixed(7);
    place.dataset.lat = lat.toFixed(7);
    place.textContent = `${lon.toFixed(6)}, ${lat.toFixed(6)}${accuracy ? ` ±${Math.round(accuracy)} m` : ''}`;
    try {
      const found = await getJson(`/api/v1/locate?lon=${lon.toFixed(7)}&lat=${lat.toFixed(7)}`);
      if (position.lon === lon && position.lat === lat) {
        place.innerHTML = `${t('grid')} <strong id="report-grid">${escapeHtml(found.grid.code)}</strong> ${escapeHtml(areaName(found.grid))}`
          + (accuracy ? ` · ±${Math.round(accuracy)} m` : '');
      }
    } catch (err) {
      if (err.status === 404) place.textContent = t('outside');
    }
  }

  function locate() {
    if (!navigator.geolocation) { place.textContent = t('noGeolocation'); return; }
    place.textContent = t('locating');
    navigator.geolocation.getCurrentPosition(
      p => setPosition(p.coords.longitude, p.coords.latitude, p.coords.accuracy),
      () => { place.textContent = t('noGeolocation'); },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 30000 });
  }

  document.getElementById('report-locate').addEventListener('click', locate);
  document.getElementById('report-form').addEventListener('submit', async e => {
    e.preventDefault();
    const error = document.getElementById('report-error');
    const category = document.getElementById('report-category').value;
    const description = document.getElementById('report-description').value.trim();
    error.hidden = true;
    const missing = !category ? t('pickCategory') : !description ? t('describe') : !position ? t('dragPin') : null;
    if (missing) { error.textContent = missing; error.hidden = false; return; }
    const ref = `report-${newKey()}`;
    const words = description.length > 16 ? `${description.slice(0, 16)}…` : description;
    const label = { zh: `巡查上报「${words}」`, en: `Patrol report "${words}"` };
    await ctx.outbox.add({ topic: 'report', ref, label, path: '/api/v1/incidents',
      json: { category, description, channel: 'PATROL',
        location: { type: 'Point', coordinates: [Number(position.lon.toFixed(7)), Number(position.lat.toFixed(7))] } } });
    for (const item of photoItems(picker.files(), 'REPORT', { needs: ref, label })) await ctx.outbox.add(item);
    keep({ ref, label, at: new Date().toISOString(), id: null });
    document.getElementById('report-description').value = '';
    picker.clear();
    ctx.toast(navigator.onLine ? t('sending') : t('savedOffline'));
    renderReports();
  });

  ctx.outbox.on('sent', (item, answer) => {
    if (item.topic !== 'report' || !item.ref) return;
    const all = kept();
    const mine = all.find(r => r.ref === item.ref);
    if (mine) { mine.id = answer?.id || null; localStorage.setItem(KEPT_REPORTS, JSON.stringify(all)); }
    renderReports();
  });

  function kept() { return JSON.parse(localStorage.getItem(KEPT_REPORTS) || '[]'); }
  function keep(report) { localStorage.setItem(KEPT_REPORTS, JSON.stringify([report, ...kept()].slice(0, 20))); }

  /** My recent reports: the case number once sent, else waiting — or refused, which the outbox screen explains. */
  async function renderReports() {
    const reports = kept();
    const refused = new Set((await ctx.outbox.items()).filter(i => i.state === 'failed' && i.ref).map(i => i.ref));
    const state = r => r.id ? `<strong class="report-id">${escapeHtml(r.id)}</strong>`
      : refused.has(r.ref) ? `<button type="button" class="refused" data-outbox>${t('refused')}</button>`
        : `<span class="pending">${t('waitingToSend')}</span>`;
    document.getElementById('report-list').innerHTML = reports.length ? reports.map(r => `<li class="card report-card" data-ref="${escapeHtml(r.ref)}">
      <span>${escapeHtml(r.label[currentLang()] || r.label.zh)}</span>${state(r)}</li>`).join('')
      : `<li class="hint">${t('noReports')}</li>`;
    document.querySelectorAll('#report-list [data-outbox]').forEach(b => b.addEventListener('click', () => ctx.show('outbox')));
  }
  ctx.outbox.on('change', () => { if (document.body.dataset.screen === 'report') renderReports(); });

  async function show() {
    if (!map) {
      map = (await fieldMap('report-map', ctx)).map;
      map.on('click', e => setPosition(e.latlng.lng, e.latlng.lat));
      await loadCategories();
      locate();
    } else {
      await loadCategories();
    }
    map.invalidateSize();
    renderReports();
  }

  return { show, setPosition: (lon, lat, accuracy) => setPosition(lon, lat, accuracy) };
}
