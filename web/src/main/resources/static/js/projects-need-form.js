// Recording a need by hand (POST /api/v1/needs/recorded) from an area's popup on the projects page: what a survey,
// a council topic or a visit found that no case shows. The form opens beside the map; field errors show beside
// their inputs; once stored the needs map is read again so that the area's recorded count shows it.
import { t, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { fill, word } from './projects-text.js';

const e = v => escapeHtml(v == null ? '' : v);
export const NEED_SOURCES = ['SURVEY', 'COUNCIL_TOPIC', 'VISIT', 'OTHER'];
const RECORDERS = ['PLANNER', 'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF', 'FUNDER', 'ADMIN'];

export function mayRecordNeed(store) { return RECORDERS.some(r => store.roles.has(r)); }

/** The popup's button that opens the form (for those who may record). */
export function recordNeedButton(store, code) {
  return mayRecordNeed(store) ? `<button type="button" data-record-need="${e(code)}">${t('pRecordNeed')}</button>` : '';
}

/** The form for one area; {@code stored}: the record the last submit stored, if any. */
export function needFormHtml(area, store, stored) {
  const categories = store.categories.map(c => `<option value="${e(c.code)}" ${c.code === store.category ? 'selected' : ''}>${
    e(areaName(c))}</option>`).join('');
  const field = (label, name, input) => `<label class="field"><span>${label}</span>${input}</label>
    <span class="field-error" data-error="${name}"></span>`;
  return `<button type="button" class="back">← ${t('pBack')}</button>
    <h2>${e(fill('pRecordNeedIn', { area: areaName(area.name) }))} <small>${e(area.code)}</small></h2>
    ${stored ? `<p class="stored" id="need-stored" data-id="${e(stored.id)}">${t('pNeedStored')}</p>` : ''}
    <form class="act need" data-action="need" id="need-form"><input type="hidden" name="area" value="${e(area.code)}">
    ${field(t('pCategory'), 'category', `<select name="category"><option value="">—</option>${categories}</select>`)}
    ${field(t('pNeedSource'), 'source', `<select name="source"><option value="">—</option>${NEED_SOURCES.map(s =>
      `<option value="${s}">${e(word('source', s))}</option>`).join('')}</select>`)}
    ${field(t('pNeedDescription'), 'description', '<textarea name="description" rows="3"></textarea>')}
    ${field(t('pNeedEvidence'), 'evidence', '<textarea name="evidence" rows="2"></textarea>')}
    ${field(t('pResidentsAffected'), 'residentsAffected', '<input type="number" name="residentsAffected" min="0">')}
    <button type="submit">${t('pRecordNeedSubmit')}</button><p class="field-error" data-error=""></p></form>`;
}

/** The body the form sends: empty fields go as null, so that the server names what is missing. */
export function needBody(form) {
  const value = name => form.querySelector(`[name="${name}"]`)?.value.trim() || null;
  const affected = value('residentsAffected');
  return { area: value('area'), category: value('category'), source: value('source'), description: value('description'),
    evidence: value('evidence'), residentsAffected: affected == null ? null : Number(affected) };
}
