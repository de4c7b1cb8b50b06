// "My grids": who I am on the roster and the grids I act on now (GET /api/v1/me → person.grids), outlined on a
// small map, each with my open cases in it.
import { t, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { fieldMap, myGridFeatures } from './field-map.js';
import * as outbox from './field-outbox.js';

export function mountGrids(ctx, onSignOut) {
  let shown = null;
  document.getElementById('signout').addEventListener('click', async () => {
    const waiting = (await outbox.items()).length;
    if (waiting && !confirm(t('signOutDiscards').replace('{n}', waiting))) return;
    await outbox.clearAll();
    await onSignOut();
  });

  async function show() {
    const me = ctx.me, person = me?.person;
    document.getElementById('me-card').innerHTML = `<strong id="me-name">${escapeHtml(person?.name || me?.username || '')}</strong>
      <span class="hint">${escapeHtml(me?.username || '')}${person ? ` · ${escapeHtml(t('duty_' + person.duty))}` : ''}</span>
      ${person ? '' : `<p class="hint">${t('noRosterPerson')}</p>`}`;
    const codes = person?.grids || [];
    shown = shown || await fieldMap('grids-map', ctx);
    shown.map.invalidateSize();
    showCases(ctx.cases || []);
    if (shown.grids.getLayers().length) shown.map.fitBounds(shown.grids.getBounds(), { padding: [12, 12] });
    const grids = await myGridFeatures(codes);
    const cases = ctx.cases || [];
    document.getElementById('grid-list').innerHTML = grids.length ? grids.map(f => {
      const open = cases.filter(c => c.gridCode === f.properties.code).length;
      return `<li class="card grid-card" data-code="${escapeHtml(f.properties.code)}">
        <strong>${escapeHtml(f.properties.name ? areaName(f.properties) : f.properties.code)}</strong>
        <span class="code">${escapeHtml(f.properties.code)}</span>
        <span class="hint">${t('myOpenCases')}: ${open}</span></li>`;
    }).join('') : `<li class="hint">${t('noGrids')}</li>`;
  }

  /** My open cases as dots on the map, each named by its number. */
  function showCases(cases) {
    if (!shown.cases) shown.cases = window.L.layerGroup().addTo(shown.map);
    shown.cases.clearLayers();
    for (const c of cases.filter(x => x.location?.coordinates)) {
      const [lon, lat] = c.location.coordinates;
      window.L.circleMarker([lat, lon], { radius: 7, color: '#fff', weight: 2, fillColor: '#1f6feb', fillOpacity: 1, className: 'gw-my-case' })
        .bindTooltip(c.id).addTo(shown.cases);
    }
  }

  return { show };
}
