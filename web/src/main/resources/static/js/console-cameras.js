// The cameras that see the selected case's place (GET /api/v1/incidents/{id}/cameras): listed in the case panel with
// their live view (a link when it is a URL, the GB/T 28181 device id otherwise), editable by the command centre and
// the police (PATCH /api/v1/cameras/{code}), and drawn on the map with their view sectors.
import { getJson, sendJson } from './api.js';
import { t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { toast } from './toast.js';
import { CAMERA_COLOUR } from './console-legend.js';
import './console-text.js';

const L = window.L;
const EDITORS = ['OPERATOR', 'ADMIN', 'POLICE'];
const URL_PATTERN = /^(https?|rtsp|rtmp):\/\//i;
let layer = null;

export function clearCameras(map) {
  if (layer) map.removeLayer(layer);
  layer = null;
}

/** A live view as shown: a link for a URL, the device id as text; a hint when none is set. */
function liveViewHtml(value) {
  if (!value) return `<span class="hint">${t('liveViewNone')}</span>`;
  return URL_PATTERN.test(value)
    ? `<a class="live-view" href="${escapeHtml(value)}" target="_blank" rel="noopener noreferrer">${t('liveView')} ↗</a>`
    : `<span class="live-view device-id" title="GB/T 28181">${escapeHtml(value)}</span>`;
}

export async function showCameras(caseId, el, map, me) {
  let answer;
  try {
    answer = await getJson(`/api/v1/incidents/${encodeURIComponent(caseId)}/cameras`);
  } catch (err) {
    if (err.status === 403 || err.status === 401) { el.innerHTML = ''; return; } // not this user's information
    throw err;
  }
  const mayEdit = me && me.roles.some(r => EDITORS.includes(r));
  el.innerHTML = `<h3>${t('camerasTitle')}</h3>` + (answer.cameras.length
    ? `<ul class="camera-list">${answer.cameras.map(c => `<li data-code="${escapeHtml(c.code)}">
        <span class="camera-name"><b>${escapeHtml(c.name || c.code)}</b> <small>${escapeHtml(c.code)} · ${t(c.status)} · ${t('cameraDistance')} ${c.distanceM} m</small></span>
        <span class="camera-live">${liveViewHtml(c.liveView)}
        ${mayEdit ? `<button type="button" class="link edit-live-view">${t('liveViewEdit')}</button>` : ''}</span>
        <form class="live-view-form" hidden><input maxlength="500" value="${escapeHtml(c.liveView || '')}"
          placeholder="${escapeHtml(t('liveViewPrompt'))}" aria-label="${escapeHtml(t('liveViewPrompt'))}">
          <button type="submit">${t('submit')}</button></form></li>`).join('')}</ul>`
    : `<p class="hint" id="no-cameras">${t('noCameras')}</p>`);
  el.querySelectorAll('li[data-code]').forEach(li => {
    const form = li.querySelector('form'), edit = li.querySelector('.edit-live-view');
    if (edit) edit.addEventListener('click', () => { form.hidden = !form.hidden; form.querySelector('input').focus(); });
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const saved = await sendJson('PATCH', `/api/v1/cameras/${encodeURIComponent(li.dataset.code)}`,
          { liveView: form.querySelector('input').value.trim() || null });
        li.querySelector('.camera-live').firstElementChild.outerHTML = liveViewHtml(saved.liveView);
        form.hidden = true;
        toast(t('liveViewSaved'));
      } catch (err) {
        const fields = (err.problem?.errors || []).map(x => x.reason).join('; ');
        toast(`${err.message}${fields ? ': ' + fields : ''}`);
      }
    });
  });
  clearCameras(map);
  layer = L.layerGroup(answer.cameras.flatMap(c => [
    L.geoJSON(c.sector, { style: { color: CAMERA_COLOUR, weight: 1, dashArray: '4 3', fillOpacity: 0.12 }, interactive: false }),
    L.circleMarker([c.lat, c.lon], { radius: 5, color: '#fff', weight: 1.5, fillColor: CAMERA_COLOUR, fillOpacity: 1 })
      .bindTooltip(`${escapeHtml(c.name || c.code)}`),
  ])).addTo(map);
}
