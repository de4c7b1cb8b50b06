// The hotline's measures as its bulletins print them (及时签收率, 按时办结率, 退单率, 重办率, 回访率, 满意率, 按时反馈率), per
// department or per area (subdistrict or community), over a chosen period; each rate with its count beside it
// (numerator / denominator), so that a reader sees how many tickets a percentage stands on.
import { t, districtZone, areaName, currentLang } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { MEASURES } from './hotline-text.js';
import { getJson } from './api.js';
import { measures } from './hotline-api.js';

/** Today in the district's zone, as an ISO date. */
export function today(zone = districtZone()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The first day of the month {@code months} before the given ISO date's month. */
function monthStart(iso, months) {
  const [y, m] = iso.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - months, 1));
  return d.toISOString().slice(0, 10);
}

/** A measure of a row: its rate (0–1) with the numerator and denominator, whichever shape the row carries them in. */
export function figure(row, name) {
  const v = row[name];
  const counts = row.counts?.[name] ?? row[name.replace(/Rate$/, '')];
  let num = null, den = null, rate = null;
  if (v !== null && typeof v === 'object') { rate = v.rate ?? v.value ?? null; num = v.numerator ?? null; den = v.denominator ?? null; }
  else rate = v ?? null;
  if (num === null && counts && typeof counts === 'object') { num = counts.numerator ?? null; den = counts.denominator ?? null; }
  if (num !== null && den) rate = num / den;
  return { rate, num, den };
}

function cell(row, name) {
  const f = figure(row, name);
  const pct = f.rate === null || f.rate === undefined || Number.isNaN(f.rate) ? '—' : `${(f.rate * 100).toFixed(1)}%`;
  const counts = f.den !== null ? `<small>${f.num}/${f.den}</small>` : '';
  return `<td data-measure="${name}" data-num="${e(f.num ?? '')}" data-den="${e(f.den ?? '')}">${pct}${counts ? `<br>${counts}` : ''}</td>`;
}

export class HotlineMeasures {
  constructor() {
    const end = today();
    this.query = { from: monthStart(end, 2), to: end, by: 'department', level: 'subdistrict' };
    this.rows = null;
    this.total = null;
    this.seq = 0;
    this.departments = null;
    this.isShown = () => true; // the lists say whether the measures tab is on screen
  }

  /** Department names by code (rows by department carry the code only); read once. */
  async departmentNames() {
    if (!this.departments) {
      const list = await getJson('/api/v1/departments').catch(() => []);
      this.departments = new Map(list.map(d => [d.code, d]));
    }
    return this.departments;
  }

  async load() {
    const mine = ++this.seq;
    try {
      const [answer] = await Promise.all([measures(this.query), this.departmentNames()]);
      if (mine === this.seq) { this.rows = answer.rows || []; this.total = answer.total || null; this.failed = null; }
    } catch (err) {
      if (mine === this.seq) { this.rows = []; this.total = null; this.failed = err; }
    }
    if (mine === this.seq && this.list && this.isShown()) this.draw(this.list);
  }

  /** The row's unit in the language on screen: an area or a department by name, its code when unnamed. */
  name(row) {
    if (!row.code) return t(this.query.by === 'department' ? 'hDepartmentNone' : 'hUnplaced');
    // Areas by their mapped properties (names in both languages), departments by the department list.
    const known = (this.query.by === 'area' ? this.areaOf?.(row.code) : this.departments?.get(row.code)) || (row.name ? row : null);
    return known ? areaName({ name: known.name, nameEn: known.nameEn ?? known.name_en }) : row.code;
  }

  /** The period form (kept while its choices change, so that a picker being used is not replaced) and the table. */
  draw(list) {
    this.list = list;
    if (!list.querySelector('#measures-form')) {
      this.formLang = null;
      list.innerHTML = '<form id="measures-form" class="period"></form><div id="measures-body"></div>';
      this.wire(list.querySelector('form'));
    }
    // The form is worded again only when the language changed, never under a choice being made.
    if (this.formLang !== currentLang()) this.drawForm(list.querySelector('form'));
    list.querySelector('#measures-body').innerHTML = this.table();
  }

  drawForm(form) {
    this.formLang = currentLang();
    const q = this.query;
    const option = (value, key, chosen) => `<option value="${value}"${value === chosen ? ' selected' : ''}>${t(key)}</option>`;
    form.innerHTML = `<label>${t('hFrom')} <input type="date" name="from" value="${e(q.from)}" required></label>
        <label>${t('hTo')} <input type="date" name="to" value="${e(q.to)}" required></label>
        <label>${t('hBy')} <select name="by">${option('department', 'hByDepartment', q.by)}${option('area', 'hByArea', q.by)}</select></label>
        <label ${q.by === 'area' ? '' : 'hidden'}>${t('hLevel')} <select name="level">${option('subdistrict', 'hLevelSubdistrict', q.level)}${option('community', 'hLevelCommunity', q.level)}</select></label>`;
  }

  wire(form) {
    form.addEventListener('change', () => {
      if (!form.from.value || !form.to.value) return;
      this.query = { from: form.from.value, to: form.to.value, by: form.by.value, level: form.level.value };
      form.level.closest('label').hidden = this.query.by !== 'area';
      this.rows = null;
      this.list.querySelector('#measures-body').innerHTML = this.table();
      this.load();
    });
    form.addEventListener('submit', ev => ev.preventDefault());
  }

  table() {
    if (this.rows === null) return `<p class="hint">${t('hLoading')}</p>`;
    if (this.failed) return `<p class="problem">${t('hApiMissing')}: ${e(this.failed.message)}</p>`;
    if (!this.rows.length) return `<p class="hint">${t('hMeasuresNone')}</p>`;
    return `<div class="measures-scroll"><table id="measures-table" class="measures" data-by="${e(this.query.by)}"><thead><tr><th>${t('hRow')}</th><th>${t('hTickets')}</th>
      ${MEASURES.map(m => `<th>${t('m_' + m)}</th>`).join('')}</tr></thead><tbody>
      ${this.rows.map(r => `<tr data-row="${e(r.code ?? '')}"><th>${e(this.name(r))}</th><td>${e(r.tickets)}</td>${MEASURES.map(m => cell(r, m)).join('')}</tr>`).join('')}
      </tbody>${this.total ? `<tfoot><tr id="measures-total"><th>${t('hTotal')}</th><td>${e(this.total.tickets)}</td>
      ${MEASURES.map(m => cell(this.total, m).replace('<td data-measure', '<td data-total-measure')).join('')}</tr></tfoot>` : ''}</table></div>
      <p class="sub">${t('hSatisfactionNote')}</p>`;
  }
}
