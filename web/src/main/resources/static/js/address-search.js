// An address box (门楼牌): type a standard address, pick one of the places the geocoder finds, or use this device's
// position ("use my location", reverse-geocoded to the nearest address). Shared by the report page and the console.
import { getJson } from './api.js';
import { t, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';

/**
 * Wires an input and a result list (and optionally a "use my location" button and a status line).
 * onPick({address, lon, lat, grid, building}) is called with WGS84 coordinates of the place chosen.
 */
export function attachAddressSearch({ input, list, locate, status, onPick }) {
  let timer = null, seq = 0, results = [];
  const say = text => { if (status) status.textContent = text || ''; };

  async function search() {
    const q = input.value.trim(), mine = ++seq;
    if (!q) { list.innerHTML = ''; return; }
    try {
      const answer = await getJson(`/api/v1/geocode?limit=8&q=${encodeURIComponent(q)}`);
      if (mine !== seq) return;
      results = answer.results;
      list.innerHTML = results.map((r, i) => `<li><button type="button" class="address-result" data-i="${i}">
        <span>${escapeHtml(r.address)}</span> <small>${t('match_' + r.match)}${r.grid ? ' · ' + escapeHtml(areaName(r.grid)) : ''}</small></button></li>`).join('');
    } catch (err) {
      if (mine !== seq) return;
      results = [];
      const suggestions = err.problem?.suggestions || [];
      list.innerHTML = `<li class="hint address-none">${escapeHtml(err.status === 404 ? t('addressNotFound') : err.message)}</li>`
        + suggestions.map(s => `<li><button type="button" class="address-suggestion" data-q="${escapeHtml(s)}">${escapeHtml(s)}</button></li>`).join('');
    }
  }

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  input.addEventListener('keydown', e => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    clearTimeout(timer);
    search();
  });
  list.addEventListener('click', e => {
    const chosen = e.target.closest('button');
    if (!chosen) return;
    if (chosen.dataset.q) { input.value = chosen.dataset.q; search(); return; }
    const r = results[Number(chosen.dataset.i)];
    input.value = r.address;
    list.innerHTML = '';
    say('');
    onPick(r);
  });
  if (locate) {
    if (!navigator.geolocation) locate.hidden = true;
    locate.addEventListener('click', () => {
      say(t('locating'));
      navigator.geolocation.getCurrentPosition(async pos => {
        const lon = pos.coords.longitude, lat = pos.coords.latitude;
        try {
          const near = (await getJson(`/api/v1/geocode/reverse?lon=${lon.toFixed(7)}&lat=${lat.toFixed(7)}`)).results[0];
          input.value = near.address;
          say(`${t('nearAddress')} ${near.distanceM} m`);
          onPick({ ...near, lon, lat });
        } catch {
          say(t('noAddressNear'));
          onPick({ address: null, lon, lat });
        }
      }, () => say(t('locationDenied')), { enableHighAccuracy: true, timeout: 15000 });
    });
  }
}
