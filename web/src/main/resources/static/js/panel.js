// The side panel: what was found at a point, or an area picked by search.
import { t, areaName, currentLang } from './i18n.js';
import { escapeHtml } from './layers.js';

const info = () => document.getElementById('info');

function formatArea(m2) {
  return m2 >= 1e6 ? `${(m2 / 1e6).toFixed(2)} km²` : `${Math.round(m2).toLocaleString()} m²`;
}

function chainList(chain, onPick) {
  const ol = document.createElement('ol');
  ol.className = 'chain';
  for (const a of chain) {
    const li = document.createElement('li');
    li.innerHTML = `${t(a.level)}: <a data-code="${escapeHtml(a.code)}">${escapeHtml(areaName(a))}</a> <span class="note">${escapeHtml(a.code)}</span>`;
    li.querySelector('a').addEventListener('click', () => onPick(a.code));
    ol.appendChild(li);
  }
  return ol;
}

/** Shows a placement from /api/v1/locate. */
export function showPlacement(p, onPick) {
  const g = p.grid;
  const el = info();
  el.innerHTML = `
    <h2>${t('grid')} <span class="code" id="grid-code">${escapeHtml(g.code)}</span></h2>
    <dl>
      <dt>${t('name')}</dt><dd id="grid-name">${escapeHtml(areaName(g))}</dd>
      <dt>${t('kind')}</dt><dd>${t(g.kind || 'residential')}</dd>
      <dt>${t('area')}</dt><dd>${formatArea(g.areaM2)}</dd>
      <dt>${t('households')}</dt><dd id="grid-households">${g.households.toLocaleString()}</dd>
      <dt>${t('residents')}</dt><dd>${g.residents.toLocaleString()}</dd>
      <dt>${t('wgs84')}</dt><dd>${p.location.coordinates[0].toFixed(6)}, ${p.location.coordinates[1].toFixed(6)}</dd>
      ${p.input.crs !== 'WGS84' ? `<dt>${t('input')}</dt><dd>${p.input.lon}, ${p.input.lat} (${p.input.crs})</dd>` : ''}
    </dl>
    <div class="label">${t('chain')}</div>`;
  const chain = [p.community, p.subdistrict, p.district].filter(Boolean)
    .map((a, i) => ({ ...a, level: ['community', 'subdistrict', 'district'][i] }));
  el.appendChild(chainList(chain, onPick));
  el.insertAdjacentHTML('beforeend', `<p class="note">${t('synthetic')}</p>`);
}

/** Shows an area from /api/v1/areas/{code}. */
export function showArea(detail, onPick) {
  const a = detail.area;
  const el = info();
  el.innerHTML = `
    <h2>${t(a.level)} <span class="code">${escapeHtml(a.code)}</span></h2>
    <dl>
      <dt>${t('name')}</dt><dd>${escapeHtml(areaName(a))}</dd>
      ${a.kind ? `<dt>${t('kind')}</dt><dd>${t(a.kind)}</dd>` : ''}
      <dt>${t('area')}</dt><dd>${formatArea(a.areaM2)}</dd>
      <dt>${t('households')}</dt><dd>${a.households.toLocaleString()}</dd>
      <dt>${t('residents')}</dt><dd>${a.residents.toLocaleString()}</dd>
      ${detail.children ? `<dt>${t('children')}</dt><dd>${detail.children}</dd>` : ''}
    </dl>`;
  if (detail.chain.length) {
    el.insertAdjacentHTML('beforeend', `<div class="label">${t('chain')}</div>`);
    el.appendChild(chainList(detail.chain, onPick));
  }
  if (a.synthetic) el.insertAdjacentHTML('beforeend', `<p class="note">${t('synthetic')}</p>`);
}

export function showProblem(error) {
  const title = error.status === 404 && error.problem?.type?.endsWith('outside-district') ? t('outside') : t('error');
  info().innerHTML = `<div class="problem" role="alert"><strong>${escapeHtml(title)}</strong><p>${escapeHtml(error.message)}</p></div>`;
}

/**
 * Appends a grid's roster (一员一警两队) to the panel; a vacant slot is marked so the gap is seen. Everyone else holding
 * a role in the grid (grid head, instructor, specialist and part-time members, auxiliary officers, team members)
 * follows, by role.
 */
export function showRoster(r) {
  const row = (label, v) => `<dt>${t(label)}</dt><dd${v ? '' : ' class="gap"'}>${v ? escapeHtml(v.name) : t('gap')}</dd>`;
  const shown = [r.gridMember, r.policeOfficer].filter(Boolean).map(p => p.code);
  const others = (r.people || []).filter(h => h.person && !(shown.includes(h.person.code)
      && (h.role === 'FULL_TIME_MEMBER' || h.role === 'COMMUNITY_OFFICER')));
  const role = h => currentLang() === 'en' ? h.roleEn : h.roleZh;
  const more = others.map(h => `<dt>${escapeHtml(role(h))}</dt><dd>${escapeHtml(h.person.name)}</dd>`).join('');
  info().insertAdjacentHTML('beforeend', `<div class="label">${t('roster')}</div><dl id="roster">
    ${row('gridMember', r.gridMember)}${row('policeOfficer', r.policeOfficer)}
    ${row('patrolTeam', r.patrolTeam)}${row('volunteerTeam', r.volunteerTeam)}${more}</dl>`);
}
