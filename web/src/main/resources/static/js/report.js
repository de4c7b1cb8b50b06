// The resident page: choose a category, drop a pin (see which grid will handle it), describe, send, follow.
import { getJson, postJson } from './api.js';
import { startLanguage, onLanguageChange, t, areaName, when } from './i18n.js';
import { escapeHtml } from './layers.js';
import { whenReady } from './startup.js';

const L = window.L;
const SHIBEI = [[36.067, 120.302], [36.159, 120.427]];
let pin = null, marker = null, categories = [];

async function start() {
  startLanguage();
  await whenReady();
  const config = await getJson('/api/v1/config');
  const map = L.map('map').fitBounds(SHIBEI);
  if (config.tileUrl) L.tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.tileAttribution }).addTo(map);
  const outline = await getJson('/ogcapi/collections/subdistricts/items?limit=100');
  L.geoJSON(outline, { style: { color: '#b22222', weight: 2, fillOpacity: 0.03 }, interactive: false,
    attribution: config.dataAttribution }).addTo(map);
  categories = await getJson('/api/v1/categories');
  fillCategories();
  onLanguageChange(fillCategories);
  map.on('click', e => dropPin(map, e.latlng.lng, e.latlng.lat));
  document.getElementById('report-form').addEventListener('submit', submit);
  document.getElementById('track-form').addEventListener('submit', e => { e.preventDefault(); track(document.getElementById('track-id').value.trim(), document.getElementById('track-token').value.trim()); });
  window.gridwatchReport = { map, dropPin: (lon, lat) => dropPin(map, lon, lat) };
  document.body.dataset.ready = 'true';
}

function fillCategories() {
  const select = document.getElementById('category'), current = select.value;
  select.innerHTML = categories.map(c => `<option value="${escapeHtml(c.code)}">${escapeHtml(areaName(c))}</option>`).join('');
  if (current) select.value = current;
}

async function dropPin(map, lon, lat) {
  const out = document.getElementById('pin-grid');
  try {
    const p = await getJson(`/api/v1/locate?lon=${lon.toFixed(7)}&lat=${lat.toFixed(7)}`);
    pin = { lon, lat };
    if (marker) marker.remove();
    marker = L.marker([lat, lon]).addTo(map);
    out.innerHTML = `${t('willHandle')}: <strong id="pin-grid-code">${escapeHtml(p.grid.code)}</strong> ${escapeHtml(areaName(p.grid))}
      · ${escapeHtml(areaName(p.community))} · ${escapeHtml(areaName(p.subdistrict))}`;
  } catch (err) {
    pin = null;
    out.innerHTML = `<span class="problem">${escapeHtml(err.message)}</span>`;
  }
}

async function submit(e) {
  e.preventDefault();
  const result = document.getElementById('result');
  if (!pin) { result.innerHTML = `<div class="problem">${t('dropPin')}</div>`; return; }
  const body = {
    category: document.getElementById('category').value,
    location: { type: 'Point', coordinates: [Number(pin.lon.toFixed(7)), Number(pin.lat.toFixed(7))] },
    description: document.getElementById('description').value.trim(),
    publicText: document.getElementById('public-text').checked,
  };
  const photo = document.getElementById('photo').value.trim();
  if (photo) body.mediaUrls = [photo];
  const name = document.getElementById('contact-name').value.trim(), phone = document.getElementById('contact-phone').value.trim();
  if (name || phone) body.reporter = { name: name || null, phone: phone || null };
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    // One key per submission: a retried click or a lost response never makes a second case.
    const key = submit.key || (submit.key = crypto.randomUUID());
    const created = await postJson('/api/v1/incidents', body, { 'Idempotency-Key': key });
    submit.key = null;
    // The follow token is shown once; this browser keeps it so that the reporter sees their own case in full.
    if (created.followToken) localStorage.setItem(`gridwatch.follow.${created.id}`, created.followToken);
    result.innerHTML = `<p>${t('submitted')} <strong id="new-case-id">${escapeHtml(created.id)}</strong></p>
      <p>${t('followTokenIs')} <code id="new-follow-token">${escapeHtml(created.followToken || '')}</code><br>
      <small>${t('followTokenHint')}</small></p>`;
    document.getElementById('track-id').value = created.id;
    document.getElementById('track-token').value = created.followToken || '';
    track(created.id, created.followToken);
  } catch (err) {
    const fields = (err.problem?.errors || []).map(x => `${x.field}: ${x.reason}`).join('<br>');
    result.innerHTML = `<div class="problem">${escapeHtml(err.message)}${fields ? '<br>' + escapeHtml(fields) : ''}</div>`;
  } finally {
    button.disabled = false;
  }
}

async function track(id, token) {
  const out = document.getElementById('track-result');
  if (!id) return;
  const followToken = token || localStorage.getItem(`gridwatch.follow.${id}`);
  try {
    const c = await getJson(`/api/v1/incidents/${encodeURIComponent(id)}`, followToken ? { 'Follow-Token': followToken } : {});
    const words = c.description ? `<dt>${t('describe')}</dt><dd id="track-description">${escapeHtml(c.description)}</dd>` : '';
    const place = c.locationPrecisionM ? `<p class="hint" id="track-approximate">${t('approximatePlace')}</p>` : '';
    out.innerHTML = `<dl class="track"><dt>${t('caseId')}</dt><dd>${escapeHtml(c.id)}</dd>
      <dt>${t('statusLabel')}</dt><dd id="track-status">${t(c.status)}</dd>
      <dt>${t('responsible')}</dt><dd>${c.level ? t(c.level) : '—'} ${escapeHtml(c.unitCode || '')}</dd>
      <dt>${t('deadline')}</dt><dd>${when(c.deadline)}</dd>${words}</dl>${place}`;
  } catch (err) {
    out.innerHTML = `<div class="problem">${escapeHtml(err.message)}</div>`;
  }
}

start().catch(err => console.error(err));
