// What the money did, per round and per fiscal year (GET /api/v1/rounds/{id}/outcomes,
// GET /api/v1/funding/years/{year}/outcomes): budget used, pass rate of published evaluations, residents reached and
// how they were counted. Read once per round and year; drawn in the language on screen.
import { getJson } from './api.js';
import { t } from './i18n.js';
import { fill } from './projects-text.js';
import { number, money, share } from './projects-format.js';

export class Figures {
  constructor() {
    this.rounds = new Map(); // round id → answer, or {unavailable: true}
    this.years = new Map(); // year → answer, or {unavailable: true}
  }

  /** Reads the figures of every round and year of the list (those already read are kept). */
  async load(rounds) {
    const read = url => getJson(url).catch(err => { console.warn('projects: outcomes unavailable', url, err); return { unavailable: true }; });
    const years = [...new Set(rounds.map(r => r.year).filter(y => y != null))];
    await Promise.all([
      ...rounds.filter(r => !this.rounds.has(String(r.id))).map(async r => {
        this.rounds.set(String(r.id), await read(`/api/v1/rounds/${encodeURIComponent(r.id)}/outcomes`));
      }),
      ...years.filter(y => !this.years.has(String(y))).map(async y => {
        this.years.set(String(y), await read(`/api/v1/funding/years/${encodeURIComponent(y)}/outcomes`));
      })]);
  }

  /** Forgets what was read (after an action that changes money or results). */
  clear() { this.rounds.clear(); this.years.clear(); }

  roundHtml(id) { return figuresHtml(this.rounds.get(String(id)), 'round', id); }

  yearHtml(year) {
    const o = this.years.get(String(year));
    return `<li class="year" data-year="${year}"><h3>${fill('pYearSummary', { year })}</h3>${figuresHtml(o, 'year', year)}</li>`;
  }
}

/** One programme's figures; each value carries what it shows as data-* for tests and screen readers. */
function figuresHtml(o, kind, id) {
  if (!o) return `<div class="figures hint">${t('pLoading')}</div>`;
  if (o.unavailable) return `<div class="figures hint">${t('pOutcomes')}: ${t('pUnavailable')}</div>`;
  const ev = o.evaluations || {};
  const basis = o.residentsBasis ? ` <small class="basis" data-basis="${o.residentsBasis}">(${t(`pBasis_${o.residentsBasis}`)})</small>` : '';
  return `<dl class="figures" data-${kind}-figures="${id}">
    <dt>${t('pBudgetUsed')}</dt><dd><span data-fig="committed">${money(o.committed)}</span> ${t('pCommittedShort')} ·
      <span data-fig="disbursed">${money(o.disbursed)}</span> ${t('pDisbursedShort')} / <span data-fig="budget">${money(o.budget)}</span>
      <b data-fig="budgetUsedShare">${share(o.budgetUsedShare)}</b></dd>
    <dt>${t('pPassRate')}</dt><dd><b data-fig="passRate">${share(ev.passRate)}</b>
      <small>${fill('pPassedOf', { passed: number(ev.passed), published: number(ev.published) })}</small></dd>
    <dt>${t('pResidentsReached')}</dt><dd><b data-fig="residentsReached">${number(o.residentsReached)}</b>${basis}
      <small>· ${fill('pProjectsCount', { n: number(o.projects) })}</small></dd></dl>`;
}
