// Following a case as its reporter: status, who handles it (by name), the deadline, how it was resolved (note and
// photos), the steps in plain words, and, once it is closed, the satisfaction rating (满意 / 基本满意 / 不满意).
// The follow code (查询码) comes from the report's answer, this browser's memory or the shared link.
import { getJson, postJson } from './api.js';
import { t, when, currentLang } from './i18n.js';
import { escapeHtml } from './layers.js';
import { showPhotos } from './photos.js';
import './report-text.js';

let shown = null; // {c, token, notice}: what is on screen, to re-render on a language switch
let onCase = () => {};

/** Called with each case shown (e.g. to put it on the map). */
export function whenCaseShown(fn) { onCase = fn; }

export function rememberToken(id, token) { if (id && token) localStorage.setItem(`gridwatch.follow.${id}`, token); }

/** Fetches the case and shows it in #track-result; {@code notice}: a line to keep under the rating (after rating). */
export async function follow(id, token, notice = null) {
  const out = document.getElementById('track-result');
  if (!id) return;
  const followToken = token || localStorage.getItem(`gridwatch.follow.${id}`);
  try {
    const c = await getJson(`/api/v1/incidents/${encodeURIComponent(id)}`, followToken ? { 'Follow-Token': followToken } : {});
    shown = { c, token: followToken, notice };
    render();
    onCase(c);
  } catch (err) {
    shown = null;
    out.innerHTML = `<div class="problem">${escapeHtml(err.message)}</div>`;
  }
}

/** Draws the case on screen again, in the current language (no new request). */
export function rerender() { if (shown) render(); }

const unitName = u => (u ? escapeHtml(currentLang() === 'en' ? u.nameEn : u.name) : '—');

function step(e) {
  const text = t('resident_' + e.type).replace('{unit}', unitName(e.unit)).replace('{rating}', e.rating ? t('rating_' + e.rating) : '');
  const words = e.note && e.type !== 'FEEDBACK' ? `<br><q>${escapeHtml(e.note)}</q>` : (e.note ? ` <q>${escapeHtml(e.note)}</q>` : '');
  return `<li data-type="${e.type}"><time>${when(e.at)}</time> <span>${text === 'resident_' + e.type ? escapeHtml(t(e.to || e.type)) : text}</span>${words}</li>`;
}

function render() {
  const { c, token, notice } = shown;
  const out = document.getElementById('track-result');
  const words = c.description ? `<dt>${t('describe')}</dt><dd id="track-description">${escapeHtml(c.description)}</dd>` : '';
  const place = c.locationPrecisionM ? `<p class="hint" id="track-approximate">${t('approximatePlace')}</p>` : '';
  // Before dispatch (and after a return) the command centre holds the case: no unit yet.
  const atCentre = !c.unitCode && ['REPORTED', 'REGISTERED', 'RETURNED'].includes(c.status);
  const holder = c.unit ? `${unitName(c.unit)} <small class="hint">${c.level ? t(c.level) : ''}</small>`
    : atCentre ? t('commandCentreHolds') : `${c.level ? t(c.level) : '—'} ${escapeHtml(c.unitCode || '')}`;
  const reopened = c.feedback?.reopened && c.status !== 'CLOSED' ? ` <span class="badge rework">${t('reopenedNow')}</span>` : '';
  const media = c.media || [];
  const after = media.filter(m => m.kind === 'AFTER'), others = media.filter(m => m.kind !== 'AFTER');
  out.innerHTML = `<dl class="track"><dt>${t('caseId')}</dt><dd id="track-id-shown">${escapeHtml(c.id)}</dd>
      <dt>${t('statusLabel')}</dt><dd><span id="track-status">${t(c.status)}</span>${reopened}</dd>
      <dt>${t('handledBy')}</dt><dd id="track-unit">${holder}</dd>
      <dt>${t('deadline')}</dt><dd id="track-deadline">${when(c.deadline)}</dd>${words}</dl>${place}
    ${c.resolution !== undefined ? resolution(c, after.length > 0) : ''}
    ${others.length ? `<h3>${t('otherPhotos')}</h3><div class="photos" id="track-photos"></div>` : ''}
    ${c.history && c.history.length ? `<h3>${t('timelineTitle')}</h3><ol class="timeline" id="track-timeline">${c.history.map(step).join('')}</ol>` : ''}
    <div id="feedback">${feedback(c, token, notice)}</div>`;
  if (after.length) showPhotos(document.getElementById('resolution-photos'), after, token);
  if (others.length) showPhotos(document.getElementById('track-photos'), others, token);
  const form = document.getElementById('rate-form');
  if (form) form.addEventListener('submit', e => { e.preventDefault(); rate(c.id, token, form); });
}

function resolution(c, withPhotos) {
  const r = c.resolution;
  const photos = withPhotos ? `<h4>${t('resolutionPhotos')}</h4><div class="photos" id="resolution-photos"></div>` : '';
  if (!r) return `<h3>${t('resolutionTitle')}</h3><p class="hint" id="track-resolution">${t('noResolutionYet')}</p>${photos}`;
  const link = r.photoUrl ? `<p><a href="${escapeHtml(r.photoUrl)}" rel="noopener noreferrer" target="_blank">${t('resolutionLink')}</a></p>` : '';
  return `<h3>${t('resolutionTitle')}</h3><p id="track-resolution" class="resolution">${escapeHtml(r.note || '')}</p>
    <p class="hint">${t('resolvedAt')}: ${when(r.at)}</p>${link}${photos}`;
}

function feedback(c, token, notice) {
  const said = notice ? `<p id="feedback-result" class="notice">${escapeHtml(notice())}</p>` : '';
  if (c.feedback) {
    const f = c.feedback;
    return `<h3>${t('rateTitle')}</h3><p id="feedback-given">${t('resident_FEEDBACK').replace('{rating}', t('rating_' + f.rating))}
      ${f.comment ? `<q>${escapeHtml(f.comment)}</q>` : ''}</p>${said}`;
  }
  if (!c.feedbackOpen) return said;
  if (!token) return `<p class="hint">${t('rateNeedsToken')}</p>`;
  const choices = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'].map(r => `<label class="rating-choice">
      <input type="radio" name="rating" value="${r}"> <span>${t('rating_' + r)}</span></label>`).join('');
  const hint = c.reworkUntil ? `<p class="hint">${t('reworkHint').replace('{until}', when(c.reworkUntil))}</p>` : '';
  return `<form id="rate-form"><fieldset><legend>${t('rateTitle')}</legend><div class="rating-choices">${choices}</div>
      <label for="rate-comment">${t('rateComment')}</label><textarea id="rate-comment" maxlength="500" rows="2"></textarea>
      ${hint}<button type="submit" id="rate-send">${t('rateSend')}</button><p id="rate-problem" aria-live="polite"></p></fieldset></form>`;
}

async function rate(id, token, form) {
  const chosen = form.querySelector('input[name=rating]:checked');
  const problem = document.getElementById('rate-problem');
  if (!chosen) { problem.innerHTML = `<span class="problem">${t('rateNeedsChoice')}</span>`; return; }
  const button = document.getElementById('rate-send');
  button.disabled = true;
  try {
    const comment = document.getElementById('rate-comment').value.trim();
    const r = await postJson(`/api/v1/incidents/${encodeURIComponent(id)}/feedback`, { token, rating: chosen.value, comment: comment || null });
    // The notice is worded when drawn, so that it follows the language switch.
    const notice = () => (r.reopened ? t('ratedReopened') : r.reworkWindowPassed ? t('ratedTooLate').replace('{days}', r.reworkDays) : t('ratedThanks'));
    await follow(id, token, notice);
  } catch (err) {
    const fields = (err.problem?.errors || []).map(x => `${x.field}: ${x.reason}`).join('; ');
    problem.innerHTML = `<span class="problem">${escapeHtml(err.message)}${fields ? ' (' + escapeHtml(fields) + ')' : ''}</span>`;
    button.disabled = false;
  }
}
