// One project's panel: what it is (round, provider, areas, groups, budget), its tranches, KPIs against what it did
// (outcomes, the difference in differences labelled indicative), reviews (to those the API shows them to),
// evaluations and the audit trail. Built from the API's answer each time it is drawn.
import { t, when, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { word, fill } from './projects-text.js';
import { number, money, share, change } from './projects-format.js';

const e = v => escapeHtml(v == null ? '' : v);
const row = (label, value) => (value == null || value === '' ? '' : `<dt>${label}</dt><dd>${value}</dd>`);
const list = (codes, group) => (codes || []).map(c => e(group ? word(group, c) : c)).join(t('pSep'));

/** Before it is contracted a project has done nothing to measure: no outcomes are shown. */
const NOT_STARTED = new Set(['APPLIED', 'SHORTLISTED', 'DECLINED', 'APPROVED']);

export function projectHtml({ data: p, round, outcomes: measured }, store) {
  const outcomes = NOT_STARTED.has(p.status) ? null : measured;
  return `<article class="project" data-id="${e(p.id)}" data-status="${e(p.status)}">
    <h2>${e(p.title)} <span class="tag s-${e(p.status)}">${e(word('status', p.status))}</span></h2>
    ${aboutHtml(p, round, store)}${tranchesHtml(p)}${kpisHtml(p, outcomes)}${outcomesHtml(outcomes)}
    ${reviewsHtml(p, round, store)}${evaluationsHtml(p)}${timelineHtml(p)}</article>`;
}

function aboutHtml(p, round, store) {
  const r = typeof p.round === 'object' && p.round ? p.round : round || {};
  const category = code => { const c = store.categories.find(x => x.code === code); return c ? areaName(c) : code; };
  const areas = (p.areas || []).map(a => (typeof a === 'object' ? areaName(a) || a.code : nameOf(store, a))).map(e).join(t('pSep'));
  const lead = p.leadSocialWorker;
  return `<dl class="about">${row(t('pRound'), e(r.title ?? round?.title))}${row(t('kind'), e(word('kind', r.kind ?? round?.kind)))}
    ${row(t('pProvider'), e(p.provider?.name ?? p.providerName))}
    ${row(t('pLeadSocialWorker'), e(lead && typeof lead === 'object' ? lead.name : lead))}
    ${row(t('pAreas'), areas)}${row(t('pCategories'), (p.categories || []).map(c => e(category(c))).join(t('pSep')))}
    ${row(t('pTargetGroups'), list(p.targetGroups, 'group'))}${row(t('pBudget'), money(p.budget))}
    ${row(t('pSummary'), e(p.summary))}</dl>`;
}

/** An area's name from the outlines the page has read (grids and communities), else its code. */
function nameOf(store, code) {
  for (const level of ['grid', 'community', 'subdistrict']) {
    const f = (store.areas[level] || []).find(x => x.properties.code === code);
    if (f) return areaName(f.properties);
  }
  return code;
}

function tranchesHtml(p) {
  if (!p.tranches?.length) return '';
  return `<h3>${t('pTranches')}</h3><table class="tranches"><thead><tr><th>${t('pTrancheSeq')}</th><th class="num">${t('pAmount')}</th>
    <th>${t('pReleasedOn')}</th><th>${t('pStatus')}</th></tr></thead><tbody>${p.tranches.map(x => `<tr data-seq="${e(x.seq)}"
    data-status="${e(x.status)}"><td>${e(x.seq)}</td><td class="num">${money(x.amount)}</td><td>${e(word('releasedOn', x.releasedOn))}</td>
    <td><span class="tag t-${e(x.status)}">${e(word('tranche', x.status))}</span>${x.reopened ? ` <small>${t('pReopened')}</small>` : ''}</td>
    </tr>`).join('')}</tbody></table>`;
}

function kpisHtml(p, o) {
  const k = p.kpis || {}, got = o && !o.unavailable ? o : {};
  const line = (label, target, actual, digits = 0) => `<tr><td>${label}</td><td class="num">${number(actual, digits)}</td>
    <td class="num">${number(target, digits)}</td></tr>`;
  return `<h3>${t('pKpis')}</h3><table class="kpis"><thead><tr><th></th><th class="num">${t('pDone')}</th>
    <th class="num">${t('pTarget')}</th></tr></thead><tbody>
    ${line(t('pKpiBeneficiaries'), k.beneficiaries, got.beneficiaries)}${line(t('pKpiSessions'), k.sessions, got.sessions)}
    ${line(t('pKpiSatisfaction'), k.satisfaction, latestSatisfaction(p), 1)}</tbody></table>`;
}

/** The satisfaction the last self-report gave (the outcomes do not carry one). */
function latestSatisfaction(p) {
  const reported = (p.evaluations || []).filter(x => x.satisfaction != null);
  return reported.length ? reported[reported.length - 1].satisfaction : null;
}

function outcomesHtml(o) {
  if (!o) return '';
  if (o.unavailable) return `<h3>${t('pOutcomes')}</h3><p class="problem">${t('pUnavailable')}</p>`;
  const basis = o.beneficiariesBasis ? ` <small>(${t(`pBasis_${o.beneficiariesBasis}`)})</small>` : '';
  return `<h3>${t('pOutcomes')}</h3><dl class="outcomes">${row(t('pCommitted'), money(o.committed))}${row(t('pDisbursed'), money(o.disbursed))}
    ${row(t('pStopped'), money(o.stopped))}${row(t('pKpiBeneficiaries'), `${number(o.beneficiaries)} / ${number(o.beneficiariesTarget)}${basis}`)}
    ${row(t('pCostPerBeneficiary'), money(o.costPerBeneficiary))}
    ${row(t('pKpiSessions'), `${number(o.sessions)} / ${number(o.sessionsTarget)}`)}
    ${row(t('pGridsReached'), `${number(o.gridsReached)} / ${number(o.gridsTargeted)} (${share(o.reachShare)})`)}</dl>
    ${o.outsideActivities ? `<p class="hint">${e(fill('pOutside', { n: o.outsideActivities }))}</p>` : ''}
    ${requestRateHtml(o)}`;
}

function requestRateHtml(o) {
  const r = o.requestRate;
  if (!r) {
    const reason = o.reason ?? o.requestRateReason;
    const said = t(`pReason_${reason}`); // a reason the page has no words for is shown as its code
    return reason ? `<p class="hint request-rate-none">${e(fill('pNoOutcome', { reason: said.startsWith('pReason_') ? reason : said }))}</p>` : '';
  }
  const period = x => (x ? `${e(x.from)} – ${e(x.to)}` : '—');
  const line = (label, x) => `<tr><td>${label}</td><td class="num">${number(x?.before, 2)}</td><td class="num">${number(x?.after, 2)}</td>
    <td class="num">${change(x?.change)}</td></tr>`;
  return `<h4>${t('pRequestRate')}</h4><table class="request-rate"><thead><tr><th></th><th class="num">${t('pBefore')}</th>
    <th class="num">${t('pAfter')}</th><th class="num">${t('pChange')}</th></tr></thead><tbody>
    ${line(t('pTargetGrids'), r.target)}${line(fill('pComparisonGrids', { n: r.comparison?.grids ?? '—' }), r.comparison)}
    <tr class="did"><td colspan="3"><b>${t('pDid')}</b></td><td class="num" id="did-value"><b>${change(r.differenceInDifferences)}</b></td></tr>
    </tbody></table><p class="sub">${t('pBefore')} ${period(r.before)} · ${t('pAfter')} ${period(r.after)}</p>
    <p class="indicative" data-indicative="${r.indicative !== false}">${t('pIndicative')}</p>`;
}

/** Reviews: each reviewer's scores to those the API shows them to; the public the average once approved. */
function reviewsHtml(p, round, store) {
  const reviews = p.reviews || [];
  const average = p.reviewSummary?.averageTotal ?? p.averageTotal;
  if (!reviews.length && average == null) {
    return store.roles.has('FUNDER') || store.roles.has('ADMIN') || store.roles.has('REVIEWER')
      ? `<h3>${t('pReviews')}</h3><p class="hint">${t('pNoReviewsYet')}</p>` : '';
  }
  const criteria = round?.criteria || [];
  const scoreOf = (r, code) => {
    if (Array.isArray(r.scores)) return r.scores.find(s => (s.criterion ?? s.code) === code)?.score;
    return r.scores?.[code];
  };
  const table = reviews.length ? `<table class="reviews"><thead><tr><th>${t('pReviewer')}</th>${criteria.map(c =>
    `<th class="num" title="${e(c.name)}">${e(c.name)}</th>`).join('')}<th class="num">${t('pTotal')}</th></tr></thead><tbody>
    ${reviews.map(r => `<tr data-reviewer="${e(r.reviewer)}"><td>${e(r.reviewer)}${r.note ? `<div class="sub">${e(r.note)}</div>` : ''}</td>
    ${criteria.map(c => `<td class="num">${number(scoreOf(r, c.code), 1)}</td>`).join('')}<td class="num">${number(r.total, 2)}</td>
    </tr>`).join('')}</tbody></table>` : '';
  return `<h3>${t('pReviews')}</h3>${average == null ? '' : `<p class="average">${t('pAverageTotal')} <b>${number(average, 2)}</b></p>`}${table}`;
}

function evaluationsHtml(p) {
  const evaluations = p.evaluations || [];
  if (!evaluations.length) return '';
  return `<h3>${t('pEvaluations')}</h3>${evaluations.map(x => {
    const methods = Array.isArray(x.checkMethods ?? x.methods) ? (x.checkMethods ?? x.methods)
      : String(x.checkMethods ?? x.methods ?? '').split(',').filter(Boolean);
    const result = x.result ? `<span class="tag r-${e(x.result)}">${e(word('result', x.result))}</span>` : `<em>${t('pNotPublished')}</em>`;
    return `<section class="evaluation" data-stage="${e(x.stage)}" data-attempt="${e(x.attempt)}" data-result="${e(x.result ?? '')}">
      <h4>${e(word('stage', x.stage))}${x.attempt > 1 ? ` · ${e(fill('pAttempt', { n: x.attempt }))}` : ''} — ${result}</h4><dl>
      ${row(t('pSelfReport'), e(x.selfReport ?? x.text))}
      ${row(t('pKpiBeneficiaries'), number(x.beneficiaries))}${row(t('pKpiSessions'), number(x.sessions))}
      ${row(t('pKpiSatisfaction'), x.satisfaction == null ? '' : number(x.satisfaction, 1))}
      ${row(t('pMethods'), methods.map(m => e(word('method', m))).join(t('pSep')))}
      ${row(t('pCheck'), e(x.checkNote))}${row(t('pResultNote'), e(x.resultNote))}
      ${row(t('pPublishedAt'), x.publishedAt ? when(x.publishedAt) : '')}</dl></section>`;
  }).join('')}`;
}

function timelineHtml(p) {
  const events = p.timeline || [];
  if (!events.length) return '';
  return `<h3>${t('pTimeline')}</h3><ol class="timeline">${events.map(x => `<li data-action="${e(x.action)}">
    <b>${e(word('action', x.action))}</b> <small>${when(x.at)}</small>
    ${x.fromStatus || x.toStatus ? `<div class="sub">${e(word('status', x.fromStatus) || '—')} → ${e(word('status', x.toStatus) || '—')}</div>` : ''}
    <div class="sub">${e(word('role', x.actorRole))}${x.actor ? ` · ${e(x.actor)}` : ''}${x.note ? ` · ${e(x.note)}` : ''}</div></li>`).join('')}</ol>`;
}
