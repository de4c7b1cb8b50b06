// The resident page: choose a category, find the address or drop a pin (see which grid will handle it), describe,
// send, follow (js/report-follow.js). A shared link /report.html#case=<number>&token=<follow code> opens the case.
import { getJson, postJson } from './api.js';
import { startLanguage, onLanguageChange, t, areaName, currentLang } from './i18n.js';
import { AreaLayers, escapeHtml } from './layers.js';
import { startMap } from './basemap.js';
import { whenReady } from './startup.js';
import { mediaSettings, uploadPhoto, showPhotos } from './photos.js';
import { attachAddressSearch } from './address-search.js';
import { follow, rerender, rememberToken, whenCaseShown } from './report-follow.js';

const L = window.L;
let pin = null, marker = null, categories = [], limits = null, address = null, created = null, caseMarker = null;

async function start() {
  startLanguage();
  await whenReady();
  const { map } = await startMap('map');
  // The same hierarchy as the map page (subdistricts, then communities and grids as you zoom in), so that a
  // resident sees where the pin falls even without a base map.
  const areas = new AreaLayers(map);
  await areas.load();
  categories = await getJson('/api/v1/categories');
  limits = await mediaSettings();
  fillCategories();
  photosHint();
  onLanguageChange(() => { fillCategories(); photosHint(); showCreated(); rerender(); });
  document.getElementById('photos').addEventListener('change', checkPhotos);
  map.on('click', e => { address = null; dropPin(map, e.latlng.lng, e.latlng.lat); });
  // A standard address (or this phone's position) places the pin; the address goes with the report.
  const locate = document.getElementById('use-location'), status = document.getElementById('address-status');
  // Without geolocation (an old browser) the button stays and says why it cannot help, rather than vanishing.
  if (!navigator.geolocation) locate.addEventListener('click', () => { status.textContent = t('locationUnavailable'); });
  attachAddressSearch({ input: document.getElementById('address'), list: document.getElementById('address-results'),
    locate: navigator.geolocation ? locate : null, status,
    onPick: r => {
      address = r.address;
      map.setView([r.lat, r.lon], Math.max(map.getZoom(), 17));
      dropPin(map, r.lon, r.lat);
    } });
  document.getElementById('report-form').addEventListener('submit', submit);
  document.getElementById('track-form').addEventListener('submit', e => { e.preventDefault(); track(document.getElementById('track-id').value.trim(), document.getElementById('track-token').value.trim()); });
  whenCaseShown(c => showCaseOnMap(map, c));
  window.addEventListener('hashchange', followLink);
  window.gridwatchReport = { map, dropPin: (lon, lat) => dropPin(map, lon, lat) };
  await followLink();
  document.body.dataset.ready = 'true';
}

/** A shared follow link: #case=<number>&token=<follow code>; the code is remembered in this browser. */
async function followLink() {
  const link = new URLSearchParams(location.hash.slice(1));
  const id = link.get('case');
  if (!id) return;
  const token = link.get('token');
  rememberToken(id, token);
  document.getElementById('track-id').value = id;
  document.getElementById('track-token').value = token || '';
  document.body.classList.add('following');
  await track(id, token);
  document.getElementById('track-section').scrollIntoView();
}

/** The case being followed, on the map (its place, rounded when read without the follow code). */
function showCaseOnMap(map, c) {
  if (caseMarker) caseMarker.remove();
  const [lon, lat] = c.location.coordinates;
  caseMarker = L.circleMarker([lat, lon], { radius: 9, color: '#c62828', weight: 3, fillOpacity: 0.3 }).addTo(map);
  map.setView([lat, lon], Math.max(map.getZoom(), 16));
}

/** The categories, sorted in the page's language; the list starts on "请选择" / "Choose…", so none is picked by chance. */
function fillCategories() {
  const select = document.getElementById('category'), current = select.value;
  const collator = new Intl.Collator(currentLang() === 'zh' ? 'zh-CN' : 'en');
  const sorted = [...categories].sort((a, b) => collator.compare(areaName(a), areaName(b)));
  select.innerHTML = `<option value="">${escapeHtml(t('chooseCategory'))}</option>`
    + sorted.map(c => `<option value="${escapeHtml(c.code)}">${escapeHtml(areaName(c))}</option>`).join('');
  select.value = current;
}

function photosHint() {
  document.getElementById('photos-hint').textContent = t('photosHint')
    .replace('{n}', limits.maxFromReporter).replace('{mb}', Math.floor(limits.maxBytes / 1048576));
}

/** The files chosen, refused here already when too many or too large (the server checks again, by content). */
function chosenPhotos() {
  const files = [...document.getElementById('photos').files];
  const problems = [];
  if (files.length > limits.maxFromReporter) problems.push(t('photosTooMany').replace('{n}', limits.maxFromReporter));
  for (const f of files) if (f.size > limits.maxBytes) problems.push(`${f.name}: ${t('photoTooLarge').replace('{mb}', Math.floor(limits.maxBytes / 1048576))}`);
  return { files, problems };
}

function checkPhotos() {
  const { files, problems } = chosenPhotos();
  const list = document.getElementById('photo-uploads');
  list.innerHTML = problems.length ? problems.map(p => `<li class="problem">${escapeHtml(p)}</li>`).join('')
    : files.map(f => `<li>${escapeHtml(f.name)} <small>${Math.ceil(f.size / 1024)} KB</small></li>`).join('');
}

/** Sends the chosen photos to the new case, one after another, each with its progress and its own retry key. */
async function sendPhotos(caseId, token) {
  const { files } = chosenPhotos();
  const list = document.getElementById('photo-uploads');
  list.innerHTML = '';
  let failed = 0;
  for (const [n, file] of files.entries()) {
    const li = document.createElement('li');
    li.dataset.photo = String(n);
    li.innerHTML = `${escapeHtml(file.name)} <progress max="1" value="0"></progress> <span class="state">${t('photoSending')}</span>`;
    list.append(li);
    const bar = li.querySelector('progress'), state = li.querySelector('.state');
    try {
      await uploadPhoto(caseId, file, { token, key: `${caseId}-photo-${n}-${file.size}`, onProgress: p => { bar.value = p; } });
      li.className = 'done';
      state.textContent = t('photoSent');
    } catch (err) {
      failed++;
      li.className = 'problem';
      state.textContent = `${t('photoFailed')}: ${err.message}`;
    }
  }
  document.getElementById('photos').value = '';
  return failed;
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
  if (!document.getElementById('category').value) { result.innerHTML = `<div class="problem">${t('categoryRequired')}</div>`; return; }
  if (!pin) { result.innerHTML = `<div class="problem">${t('dropPin')}</div>`; return; }
  const body = {
    category: document.getElementById('category').value,
    location: { type: 'Point', coordinates: [Number(pin.lon.toFixed(7)), Number(pin.lat.toFixed(7))] },
    description: document.getElementById('description').value.trim(),
    publicText: document.getElementById('public-text').checked,
  };
  if (address) body.address = address;
  const photo = document.getElementById('photo').value.trim();
  if (photo) body.mediaUrls = [photo];
  const name = document.getElementById('contact-name').value.trim(), phone = document.getElementById('contact-phone').value.trim();
  if (name || phone) body.reporter = { name: name || null, phone: phone || null };
  const chosen = chosenPhotos();
  if (chosen.problems.length) { result.innerHTML = `<div class="problem">${escapeHtml(chosen.problems.join(' '))}</div>`; return; }
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    // One key per submission: a retried click or a lost response never makes a second case.
    const key = submit.key || (submit.key = crypto.randomUUID());
    const answer = await postJson('/api/v1/incidents', body, { 'Idempotency-Key': key });
    submit.key = null;
    // The follow token is shown once; this browser keeps it so that the reporter sees their own case in full.
    rememberToken(answer.id, answer.followToken);
    created = answer;
    showCreated();
    document.getElementById('track-id').value = answer.id;
    document.getElementById('track-token').value = answer.followToken || '';
    // Photos go after the case exists, with its follow token; the case stands even if one of them fails.
    if (chosen.files.length && answer.followToken) await sendPhotos(answer.id, answer.followToken);
    clearForm();
    track(answer.id, answer.followToken);
  } catch (err) {
    const fields = (err.problem?.errors || []).map(x => `${x.field}: ${x.reason}`).join('<br>');
    result.innerHTML = `<div class="problem">${escapeHtml(err.message)}${fields ? '<br>' + escapeHtml(fields) : ''}</div>`;
  } finally {
    button.disabled = false;
  }
}

/** The case number, its follow code and the link to keep, under the form (re-worded on a language switch). */
function showCreated() {
  if (!created) return;
  const link = `${location.origin}/report.html#case=${encodeURIComponent(created.id)}&token=${encodeURIComponent(created.followToken || '')}`;
  document.getElementById('result').innerHTML = `<p>${t('submitted')} <strong id="new-case-id">${escapeHtml(created.id)}</strong></p>
    <p>${t('followTokenIs')} <code id="new-follow-token">${escapeHtml(created.followToken || '')}</code><br>
    <small>${t('followTokenHint')}</small></p>
    <p>${t('keepLink')}<br><a id="follow-link" href="${escapeHtml(link)}">${escapeHtml(link)}</a>
    <button type="button" id="copy-link">${t('copyLink')}</button></p>`;
  document.getElementById('copy-link').addEventListener('click', async e => {
    try { await navigator.clipboard.writeText(link); e.target.textContent = t('copied'); } catch { /* no clipboard: the link is on screen */ }
  });
}

/** Empties the form after a report is sent: the next report starts afresh (no category, no pin, no words). */
function clearForm() {
  document.getElementById('report-form').reset();
  document.getElementById('address-results').innerHTML = '';
  document.getElementById('address-status').textContent = '';
  document.getElementById('pin-grid').textContent = '—';
  if (marker) marker.remove();
  marker = null;
  pin = null;
  address = null;
}

async function track(id, token) {
  await follow(id, token);
}

start().catch(err => console.error(err));
