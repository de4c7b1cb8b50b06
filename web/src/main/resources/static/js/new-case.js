// The console's new-case form for hotline operators (12345): category, what the caller says, who calls, and the
// place found by its standard address (or a click on the map). The case is reported with channel HOTLINE.
import { postJson } from './api.js';
import { t, areaName, onLanguageChange } from './i18n.js';
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
  root.innerHTML = `<button type="button" id="new-case-open" class="secondary">${t('newCaseForm')}</button>
    <form id="new-case-form" hidden>
      <h2>${t('newCaseTitle')}</h2>
      <label>${t('categoryLabel')} <select id="nc-category" required></select></label>
      <label>${t('addressLabel')} <input id="nc-address" type="search" autocomplete="off" maxlength="100" placeholder="${escapeHtml(t('addressPlaceholder'))}"></label>
      <ul id="nc-address-results" class="address-results"></ul>
      <p id="nc-pin" class="hint">${t('orClickMap')}</p>
      <label>${t('describe')} <textarea id="nc-description" rows="3" maxlength="4000" required></textarea></label>
      <label>${t('reporterName')} <input id="nc-name" maxlength="60"></label>
      <label>${t('reporterPhone')} <input id="nc-phone" maxlength="30"></label>
      <p class="row"><button type="submit" id="nc-submit">${t('submit')}</button> <button type="button" id="nc-cancel" class="secondary">${t('cancel')}</button></p>
      <p id="nc-result" aria-live="polite"></p>
    </form>`;
  const form = document.getElementById('new-case-form'), map = desk.map;
  const fillCategories = () => {
    const select = document.getElementById('nc-category'), current = select.value;
    select.innerHTML = desk.categories.map(c => `<option value="${escapeHtml(c.code)}">${escapeHtml(areaName(c))}</option>`).join('');
    if (current) select.value = current;
  };
  fillCategories();
  onLanguageChange(fillCategories);
  const place = (lon, lat, text, grid) => {
    pin = { lon, lat };
    address = text;
    if (marker) marker.remove();
    marker = L.marker([lat, lon]).addTo(map);
    map.setView([lat, lon], Math.max(map.getZoom(), 17));
    document.getElementById('nc-pin').innerHTML = grid
      ? `${t('willHandle')}: <strong id="nc-grid">${escapeHtml(grid.code)}</strong> ${escapeHtml(areaName(grid))}` : `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
  };
  attachAddressSearch({ input: document.getElementById('nc-address'), list: document.getElementById('nc-address-results'),
    onPick: r => place(r.lon, r.lat, r.address, r.grid) });
  map.on('click', e => { if (!form.hidden) place(e.latlng.lng, e.latlng.lat, null, null); });
  document.getElementById('new-case-open').addEventListener('click', () => { form.hidden = false; document.getElementById('nc-address').focus(); });
  document.getElementById('nc-cancel').addEventListener('click', () => { form.hidden = true; if (marker) marker.remove(); });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const out = document.getElementById('nc-result');
    if (!pin) { out.innerHTML = `<span class="problem">${t('pinFirst')}</span>`; return; }
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
      document.getElementById('nc-pin').textContent = t('orClickMap');
      if (desk.showCase) desk.showCase(created.id, true);
    } catch (err) {
      const fields = (err.problem?.errors || []).map(x => `${x.field}: ${x.reason}`).join('<br>');
      out.innerHTML = `<span class="problem">${escapeHtml(err.message)}${fields ? '<br>' + escapeHtml(fields) : ''}</span>`;
    } finally {
      button.disabled = false;
    }
  });
}

start().catch(err => console.error(err));
