// The console's new-case form for hotline operators (12345): category, what the caller says, who calls, and the
// place found by its standard address (or a click on the map; the pin can be dragged). The case is reported with channel
// HOTLINE and then shown selected in the queue.
import { getJson, postJson } from './api.js';
import { t, areaName, onLanguageChange, currentLang } from './i18n.js';
import { escapeHtml } from './layers.js';
import { attachAddressSearch } from './address-search.js';
import { toast } from './toast.js';

const L = window.L;
const COMMAND_CENTRE = ['OPERATOR', 'ADMIN'];

/** Waits for the console (window.gridwatchConsole: map, categories, signed-in user), then offers the form. */
function whenConsoleReady() {
  return new Promise(resolve => {
    const check = () => (window.gridwatchConsole ? resolve(window.gridwatchConsole) : setTimeout(check, 200));
    check();
  });
}

async function start() {
  const root = document.getElementById('new-case');
  if (!root) return;
  const desk = await whenConsoleReady();
  if (!desk.me || !desk.me.roles.some(r => COMMAND_CENTRE.includes(r))) return;
  let pin = null, marker = null, address = null, key = null;
  // Labels carry data-i18n (spans beside the inputs), so the language switch re-words the form as it is being filled.
  root.innerHTML = `<button type="button" id="new-case-open" class="secondary" data-i18n="newCaseForm">${t('newCaseForm')}</button>
    <form id="new-case-form" hidden>
      <h2 data-i18n="newCaseTitle">${t('newCaseTitle')}</h2>
      <label><span data-i18n="reporterName">${t('reporterName')}</span> <input id="nc-name" maxlength="60" autocomplete="off"></label>
      <label><span data-i18n="reporterPhone">${t('reporterPhone')}</span> <input id="nc-phone" type="tel" maxlength="30" autocomplete="off"></label>
      <label><span data-i18n="categoryLabel">${t('categoryLabel')}</span> <select id="nc-category"></select></label>
      <label><span data-i18n="describe">${t('describe')}</span> <textarea id="nc-description" rows="3" maxlength="4000" required></textarea></label>
      <label><span data-i18n="addressLabel">${t('addressLabel')}</span> <input id="nc-address" type="search" autocomplete="off" maxlength="100"
        data-i18n-placeholder="addressPlaceholder" placeholder="${escapeHtml(t('addressPlaceholder'))}"></label>
      <ul id="nc-address-results" class="address-results"></ul>
      <p id="nc-pin" class="hint">${t('orClickMap')}</p>
      <p class="row"><button type="submit" id="nc-submit" data-i18n="submit">${t('submit')}</button> <button type="button" id="nc-cancel" class="secondary" data-i18n="cancel">${t('cancel')}</button></p>
      <p id="nc-result" aria-live="polite"></p>
    </form>`;
  const form = document.getElementById('new-case-form'), map = desk.map;
  const fillCategories = () => {
    const select = document.getElementById('nc-category'), current = select.value;
    // Starts on "please choose" (no category is a default), sorted in the page's language.
    const sorted = [...desk.categories].sort((a, b) => areaName(a).localeCompare(areaName(b), currentLang() === 'zh' ? 'zh-CN' : 'en'));
    select.innerHTML = `<option value="">${escapeHtml(t('pickCategory'))}</option>`
      + sorted.map(c => `<option value="${escapeHtml(c.code)}">${escapeHtml(areaName(c))}</option>`).join('');
    if (current) select.value = current;
  };
  fillCategories();
  let shownPin = null; // what the pin line says, kept to re-word it on the language switch
  const showPin = () => {
    const line = document.getElementById('nc-pin');
    if (!shownPin) { line.textContent = t('orClickMap'); return; }
    const { lon, lat, grid } = shownPin;
    line.innerHTML = grid ? `${t('willHandle')}: <strong id="nc-grid">${escapeHtml(grid.code)}</strong> ${escapeHtml(areaName(grid))}`
      : `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
  };
  onLanguageChange(() => { fillCategories(); showPin(); });
  const place = (lon, lat, text, grid) => {
    pin = { lon, lat };
    address = text;
    if (marker) marker.remove();
    // The pin can be dragged to the exact place; the address found stays as the caller said it.
    marker = L.marker([lat, lon], { draggable: true, title: t('legendNewCasePin') }).addTo(map);
    marker.on('dragend', () => { const p = marker.getLatLng(); place(p.lng, p.lat, address, null); });
    map.setView([lat, lon], Math.max(map.getZoom(), 17));
    shownPin = { lon, lat, grid };
    showPin();
    if (!grid) locateGrid(lon, lat);
  };
  /** A pin put by a click or a drag: which grid will handle it (GET /api/v1/locate). */
  const locateGrid = async (lon, lat) => {
    try {
      const found = await getJson(`/api/v1/locate?lon=${lon.toFixed(7)}&lat=${lat.toFixed(7)}`);
      const grid = found.grid;
      if (grid && pin && pin.lon === lon && pin.lat === lat) { shownPin = { lon, lat, grid }; showPin(); }
    } catch { /* outside the district: the coordinates stay shown, the server refuses the report with its reason */ }
  };
  attachAddressSearch({ input: document.getElementById('nc-address'), list: document.getElementById('nc-address-results'),
    onPick: r => place(r.lon, r.lat, r.address, r.grid) });
  map.on('click', e => { if (!form.hidden) place(e.latlng.lng, e.latlng.lat, address, null); });
  document.getElementById('new-case-open').addEventListener('click', () => { form.hidden = false; document.getElementById('nc-address').focus(); });
  document.getElementById('nc-cancel').addEventListener('click', () => { form.hidden = true; if (marker) marker.remove(); });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const out = document.getElementById('nc-result');
    if (!pin) { out.innerHTML = `<span class="problem">${t('pinFirst')}</span>`; return; }
    if (!document.getElementById('nc-category').value) {
      out.innerHTML = `<span class="problem">${t('pickCategory')}</span>`;
      document.getElementById('nc-category').focus();
      return;
    }
    const name = document.getElementById('nc-name').value.trim(), phone = document.getElementById('nc-phone').value.trim();
    const body = { category: document.getElementById('nc-category').value, channel: 'HOTLINE',
      location: { type: 'Point', coordinates: [Number(pin.lon.toFixed(7)), Number(pin.lat.toFixed(7))] },
      description: document.getElementById('nc-description').value.trim() };
    if (address) body.address = address;
    if (name || phone) body.reporter = { name: name || null, phone: phone || null };
    const button = document.getElementById('nc-submit');
    button.disabled = true;
    try {
      key = key || crypto.randomUUID(); // one key per case: a retried click never makes a second one
      const created = await postJson('/api/v1/incidents', body, { 'Idempotency-Key': key });
      key = null;
      out.innerHTML = `${t('caseCreated')} <strong id="nc-created">${escapeHtml(created.id)}</strong>`;
      toast(`${t('caseCreated')} ${created.id}`);
      form.reset();
      fillCategories();
      pin = null;
      address = null;
      if (marker) marker.remove();
      shownPin = null;
      showPin();
      // The new case, selected, at the top of the queue (kept there as fresh until the queue is filtered away from it).
      desk.fresh.add(created.id);
      await desk.reloadQueue();
      await desk.showCase(created.id, true);
    } catch (err) {
      const fields = (err.problem?.errors || []).map(x => `${x.field}: ${x.reason}`).join('<br>');
      out.innerHTML = `<span class="problem">${escapeHtml(err.message)}${fields ? '<br>' + escapeHtml(fields) : ''}</span>`;
    } finally {
      button.disabled = false;
    }
  });
}

start().catch(err => console.error(err));
