// "My grids": who I am on the roster and the grids I act on now (GET /api/v1/me → person.grids), outlined on a
// small map, each with my open cases in it.
import { getJson } from './api.js';
import { t, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { startMap } from './basemap.js';
import * as outbox from './field-outbox.js';

const L = window.L;

export function mountGrids(ctx, onSignOut) {
  let map = null, outlines = null, loaded = null;
  document.getElementById('signout').addEventListener('click', async () => {
    const waiting = (await outbox.items()).length;
    if (waiting && !confirm(t('signOutDiscards').replace('{n}', waiting))) return;
    await outbox.clearAll();
    await onSignOut();
  });

  async function features(codes) {
    const out = [];
    for (const code of codes) {
      try {
        out.push(await getJson(`/ogcapi/collections/grids/items/${encodeURIComponent(code)}?f=json`));
      } catch {
        out.push({ type: 'Feature', geometry: null, properties: { code } }); // offline and never seen: the code alone
      }
    }
    return out;
  }

  async function show() {
    const me = ctx.me, person = me?.person;
    document.getElementById('me-card').innerHTML = `<strong id="me-name">${escapeHtml(person?.name || me?.username || '')}</strong>
      <span class="hint">${escapeHtml(me?.username || '')}${person ? ` · ${escapeHtml(t('duty_' + person.duty))}` : ''}</span>
      ${person ? '' : `<p class="hint">${t('noRosterPerson')}</p>`}`;
    const codes = person?.grids || [];
    if (!map) {
      map = (await startMap('grids-map', { zoomControl: false })).map;
      outlines = L.geoJSON(null, { style: { color: '#e65100', weight: 3, fillOpacity: 0.12 } }).addTo(map);
    }
    map.invalidateSize();
    loaded = loaded || features(codes);
    const grids = await loaded;
    outlines.clearLayers();
    grids.filter(f => f.geometry).forEach(f => outlines.addData(f));
    if (outlines.getLayers().length) map.fitBounds(outlines.getBounds(), { padding: [12, 12] });
    const cases = ctx.cases || [];
    document.getElementById('grid-list').innerHTML = grids.length ? grids.map(f => {
      const open = cases.filter(c => c.gridCode === f.properties.code).length;
      return `<li class="card grid-card" data-code="${escapeHtml(f.properties.code)}">
        <strong>${escapeHtml(f.properties.name ? areaName(f.properties) : f.properties.code)}</strong>
        <span class="code">${escapeHtml(f.properties.code)}</span>
        <span class="hint">${t('myOpenCases')}: ${open}</span></li>`;
    }).join('') : `<li class="hint">${t('noGrids')}</li>`;
  }

  return { show };
}
