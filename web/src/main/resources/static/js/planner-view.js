// What the planner reads about an edit before committing it: touched areas before → after, warnings, and the
// impact (cases with who will answer for them, cameras, patrol metres, staff and workload).
import { escapeHtml } from './layers.js';
import { t } from './i18n.js';

const short = code => (code.startsWith('new-') ? `${t('created')} ${code.slice(4)}` : code.slice(12) || code);
const figure = (x, key) => (x ? x[key] : '—');

/** The table of touched areas: households, area, Polsby-Popper before → after. */
export function touchedTable(p) {
  const row = x => `<tr data-code="${escapeHtml(x.code)}"><td>${escapeHtml(short(x.code))}</td>`
    + `<td>${figure(x.before, 'households')} → <b>${figure(x.after, 'households')}</b></td>`
    + `<td>${x.before ? Math.round(x.before.areaM2) : '—'} → ${x.after ? Math.round(x.after.areaM2) : '—'}</td>`
    + `<td>${x.after ? x.after.polsbyPopper.toFixed(2) : t('retired')}</td></tr>`;
  return `<table><thead><tr><th>${t('grid')}</th><th>${t('households')}</th><th>m²</th><th>PP</th></tr></thead>`
    + `<tbody>${p.touched.map(row).join('')}</tbody></table><p class="hint">${t('buildingsMoving')}: ${p.moving.length}</p>`;
}

/** The impact lists; long ones are cut to their first ten rows with a count. */
export function impactLists(p) {
  const list = (title, rows, render, cls) => (rows.length === 0 ? '' : `<h3>${title} <small>${rows.length}</small></h3>`
    + `<ul class="${cls}">${rows.slice(0, 10).map(r => `<li>${render(r)}</li>`).join('')}${rows.length > 10 ? '<li>…</li>' : ''}</ul>`);
  const staff = p.staff.length === 0 ? '' : `<h3>${t('staffAfter')}</h3><table class="staff"><thead><tr><th>${t('grid')}</th>`
    + `<th>${t('responsiblePerson')}</th><th>${t('openCases')}</th><th>${t('memberLoad')}</th></tr></thead><tbody>`
    + p.staff.map(s => `<tr data-area="${escapeHtml(s.area)}"><td>${escapeHtml(short(s.area))}</td><td>${escapeHtml(s.gridMember || '—')}</td>`
      + `<td>${s.openCasesBefore} → ${s.openCasesAfter}</td><td>${s.memberOpenCasesAfter ?? '—'}</td></tr>`).join('') + '</tbody></table>';
  return list(t('casesMoving'), p.cases, c => `${escapeHtml(c.publicId)}: ${escapeHtml(short(c.from))} → ${escapeHtml(short(c.to))}`
      + ` · ${escapeHtml(c.responsible || '—')}`, 'cases')
    + list(t('camerasMoving'), p.cameras, c => `${escapeHtml(c.code)}: ${escapeHtml(short(c.from))} → ${escapeHtml(short(c.to))}`, 'cameras')
    + list(t('routeMetres'), p.routes, r => `${escapeHtml(r.route)} · ${escapeHtml(short(r.area))}: ${r.beforeM} → ${r.afterM}`, 'routes')
    + staff;
}

/** Old outlines in red, new ones dashed blue: the diff a planner checks before committing. */
export function diffLayer(L, p, before) {
  const group = L.layerGroup();
  if (before) {
    L.geoJSON({ type: 'FeatureCollection', features: before }, { style: { color: '#c62828', weight: 2, fill: false }, interactive: false })
      .addTo(group);
  }
  L.geoJSON({ type: 'FeatureCollection', features: p.touched.filter(x => x.outline).map(x => ({ type: 'Feature', geometry: x.outline, properties: {} })) },
    { style: { color: '#1565c0', weight: 2, dashArray: '5 4', fill: false }, interactive: false }).addTo(group);
  return group;
}
