// What a signed-in reader may do in a project's panel: a reviewer scores an application (every criterion of the
// round, then submit) or declares a conflict, and checks a self-report; the funder takes the action the status
// allows (shortlist, approve, contract, start, publish, decline, terminate); the provider's staff start and
// self-report. The server decides; a refusal is shown at the form, naming the field.
import { t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { word } from './projects-text.js';

const e = v => escapeHtml(v == null ? '' : v);
const REVIEW_STATUSES = new Set(['MIDTERM_REVIEW', 'FINAL_REVIEW']);
/** The funder's actions per status (the server's order, issue 15 §2). */
const FUNDER_ACTIONS = {
  APPLIED: ['shortlist', 'decline'], SHORTLISTED: ['approve', 'decline'], APPROVED: ['contract', 'terminate'],
  CONTRACTED: ['start', 'terminate'], RUNNING: ['terminate'], RECTIFYING: ['terminate'],
  MIDTERM_REVIEW: ['publish', 'terminate'], FINAL_REVIEW: ['publish', 'terminate'],
};
const WITH_REASON = new Set(['decline', 'terminate']);

export function actionUrl(id, action) { return `/api/v1/projects/${encodeURIComponent(id)}/${action}`; }

/** The evaluation under way: the last one. */
const current = p => (p.evaluations || [])[p.evaluations?.length - 1];

export function actionsHtml({ data: p, round }, store, feedback, conflicts) {
  const me = store.me;
  if (!me) return '';
  const parts = [];
  if (feedback?.ok && feedback.action !== 'activities') parts.push(`<p class="stored" id="action-stored" data-action="${e(feedback.action)}">${
    feedback.action === 'reviews' ? t('pScoresStored') : feedback.action === 'conflicts' ? t('pConflictDeclared') : t('saved')}</p>`);
  if (store.roles.has('REVIEWER')) parts.push(reviewerHtml(p, round, me, conflicts));
  if (store.roles.has('FUNDER')) parts.push(funderHtml(p));
  else if (store.roles.has('ORGANISATION_STAFF')) parts.push(providerHtml(p));
  const html = parts.filter(Boolean).join('');
  return html ? `<section class="actions"><h3>${t('pActions')}</h3>${html}</section>` : '';
}

function reviewerHtml(p, round, me, conflicts) {
  const mine = (p.reviews || []).find(r => r.reviewer === me.username);
  const parts = [];
  if (p.status === 'APPLIED' && !mine && !conflicts.has(String(p.id)) && round?.criteria?.length) parts.push(scoreForm(round.criteria));
  if (p.status === 'APPLIED' && mine) parts.push(`<p class="hint" id="my-review" data-total="${e(mine.total)}">${t('pMyReview')}</p>`);
  const evaluation = current(p);
  if (REVIEW_STATUSES.has(p.status) && evaluation && !(evaluation.checkedAt ?? evaluation.checkMethods ?? evaluation.methods?.length)) {
    parts.push(`<form class="act" data-action="check"><fieldset><legend>${t('pCheck')}</legend>
      ${['DOCUMENTS', 'PHONE', 'SITE_VISIT'].map(m => `<label><input type="checkbox" name="methods" value="${m}"> ${e(word('method', m))}</label>`).join('')}
      <span class="field-error" data-error="methods"></span>
      <textarea name="note" rows="2" placeholder="${t('pNote')}"></textarea><span class="field-error" data-error="note"></span>
      <button type="submit">${e(word('button', 'check'))}</button><p class="field-error" data-error=""></p></fieldset></form>`);
  }
  return parts.join('');
}

/** Every criterion of the round, 0..100, then the note and submit; a conflict may be declared instead. */
function scoreForm(criteria) {
  const sorted = [...criteria].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  return `<form class="score" data-action="reviews" id="score-form"><h4>${t('pScoreTitle')}</h4><p class="hint">${t('pScoreHint')}</p>
    <table><thead><tr><th>${t('name')}</th><th class="num">${t('pWeight')}</th><th class="num">${t('pScoreTitle')}</th></tr></thead><tbody>
    ${sorted.map(c => `<tr><td>${e(c.name)}</td><td class="num">${e(c.weight)}</td><td class="num">
      <input type="number" name="score" data-code="${e(c.code)}" min="0" max="100" step="1" required aria-label="${e(c.name)}">
      <div class="field-error" data-error="scores.${e(c.code)}"></div></td></tr>`).join('')}</tbody></table>
    <textarea name="note" rows="2" placeholder="${t('pNote')}"></textarea>
    <button type="submit">${t('pSubmitScores')}</button><p class="field-error" data-error=""></p></form>
    <form class="act" data-action="conflicts"><textarea name="reason" rows="1" required placeholder="${t('pConflictReason')}"></textarea>
    <button type="submit">${t('pDeclareConflict')}</button><p class="field-error" data-error=""></p></form>`;
}

function funderHtml(p) {
  const actions = FUNDER_ACTIONS[p.status] || [];
  const evaluation = current(p);
  const checked = evaluation && (evaluation.checkedAt ?? evaluation.checkMethods ?? evaluation.methods?.length) && !evaluation.result;
  return actions.filter(a => a !== 'publish' || checked).map(a => {
    if (a === 'publish') {
      return `<form class="act" data-action="publish"><select name="result">${['PASS', 'RECTIFY', 'FAIL'].map(r =>
        `<option value="${r}">${e(word('result', r))}</option>`).join('')}</select>
        <textarea name="note" rows="1" placeholder="${t('pResultNote')}"></textarea>
        <button type="submit">${e(word('button', a))}</button><p class="field-error" data-error=""></p></form>`;
    }
    const reason = WITH_REASON.has(a) ? `<textarea name="reason" rows="1" required placeholder="${t('pReason')}"></textarea>
      <span class="field-error" data-error="reason"></span>` : '';
    return `<form class="act" data-action="${a}">${reason}<button type="submit" data-act="${a}">${e(word('button', a))}</button>
      <p class="field-error" data-error=""></p></form>`;
  }).join('');
}

/** The provider's staff start a contracted project and report on it (the server checks it is their organisation's). */
function providerHtml(p) {
  if (p.status === 'CONTRACTED') {
    return `<form class="act" data-action="start"><button type="submit" data-act="start">${e(word('button', 'start'))}</button>
      <p class="field-error" data-error=""></p></form>`;
  }
  if (p.status !== 'RUNNING' && p.status !== 'RECTIFYING') return '';
  // After a rectification the report is for the stage that asked for it; while running, mid-term first, then final.
  const last = current(p), stage = p.status === 'RECTIFYING' ? last?.stage ?? 'MIDTERM'
    : (p.evaluations || []).some(x => x.stage === 'MIDTERM' && x.result === 'PASS') ? 'FINAL' : 'MIDTERM';
  const number = (name, max) => `<label>${t(name === 'beneficiaries' ? 'pKpiBeneficiaries' : name === 'sessions' ? 'pKpiSessions'
    : 'pKpiSatisfaction')} <input type="number" name="${name}" min="0" ${max ? `max="${max}"` : ''} required></label>
    <span class="field-error" data-error="${name}"></span>`;
  return `<form class="act" data-action="self-report"><fieldset><legend>${t('pSelfReport')} · ${e(word('stage', stage))}</legend>
    <input type="hidden" name="stage" value="${stage}">
    <textarea name="text" rows="3" required placeholder="${t('pSelfReport')}"></textarea><span class="field-error" data-error="text"></span>
    ${number('beneficiaries')}${number('sessions')}${number('satisfaction', 100)}
    <button type="submit">${e(word('button', 'selfReport'))}</button><p class="field-error" data-error=""></p></fieldset></form>`;
}

/** The body each form sends (the contract's typed bodies). */
export function formBody(form, action) {
  const value = name => form.querySelector(`[name="${name}"]`)?.value.trim() || null;
  if (action === 'reviews') {
    const scores = {};
    form.querySelectorAll('input[name="score"]').forEach(i => { if (i.value !== '') scores[i.dataset.code] = Number(i.value); });
    return { scores, note: value('note') };
  }
  if (action === 'conflicts' || WITH_REASON.has(action)) return { reason: value('reason') };
  if (action === 'publish') return { result: value('result'), note: value('note') };
  if (action === 'self-report') {
    const count = name => (value(name) == null ? null : Number(value(name)));
    return { stage: value('stage'), text: value('text'), beneficiaries: count('beneficiaries'), sessions: count('sessions'),
      satisfaction: count('satisfaction') };
  }
  if (action === 'activities') {
    const count = name => (value(name) == null ? null : Number(value(name)));
    return { title: value('title'), heldOn: value('heldOn'), place: value('place'), lon: count('lon'), lat: count('lat'),
      participants: count('participants'), volunteers: count('volunteers') };
  }
  if (action === 'check') return { methods: [...form.querySelectorAll('input[name="methods"]:checked')].map(i => i.value), note: value('note') };
  return {};
}

/** A refusal shown at the form: each named field beside its input, the problem's detail at the end. */
export function showProblem(form, err) {
  form.querySelectorAll('.field-error').forEach(x => { x.textContent = ''; });
  const errors = err.problem?.errors || [];
  for (const fe of errors) {
    const at = form.querySelector(`[data-error="${CSS.escape(fe.field)}"]`);
    if (at) at.textContent = fe.reason ?? fe.message ?? '';
  }
  const general = form.querySelector('[data-error=""]');
  if (general) {
    general.textContent = err.problem?.detail || err.message;
    general.dataset.status = err.status ?? '';
    general.dataset.type = err.problem?.type ?? '';
  }
}
