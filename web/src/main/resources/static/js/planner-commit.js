// Committing a planner's edit: the server refuses an edit with warnings until the planner confirms it (409
// /problems/confirmation-required with the structured warnings), so the page shows them in a dialog in its own
// language and sends the edit again with "confirm": true only on confirm. The answer lists what was created,
// reshaped and retired (with links) and offers Undo: a new edit restoring what this one changed.
import { postJson, sendJson } from './api.js';
import { onLanguageChange, t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { toast } from './toast.js';
import { warningText } from './planner-text.js';

const shown = { warnings: null, outcome: null };

/** Sends the edit; on a confirmation request asks the planner and sends it again confirmed. Null when the planner went back. */
export async function commitEdit(method, url, body, headers = {}) {
  try {
    return await sendJson(method, url, body, headers);
  } catch (e) {
    if (!String(e.problem?.type || '').endsWith('/problems/confirmation-required')) throw e;
    if (!(await confirmWarnings(e.problem.warnings || []))) return null;
    return sendJson(method, url, { ...(body || {}), confirm: true }, headers);
  }
}

/** The dialog: the warnings in the page's language; resolves true on "commit anyway", false on "go back". */
function confirmWarnings(warnings) {
  const dialog = document.getElementById('confirm-dialog');
  shown.warnings = warnings;
  renderWarnings();
  dialog.showModal();
  return new Promise(resolve => {
    const done = ok => {
      shown.warnings = null;
      dialog.close();
      resolve(ok);
    };
    dialog.querySelector('.confirm').onclick = () => done(true);
    dialog.querySelector('.cancel').onclick = () => done(false);
    dialog.oncancel = e => { e.preventDefault(); done(false); };
  });
}

function renderWarnings() {
  if (!shown.warnings) return;
  const dialog = document.getElementById('confirm-dialog');
  dialog.querySelector('h2').textContent = t('confirmTitle');
  dialog.querySelector('p').textContent = t('confirmLead');
  dialog.querySelector('ul').innerHTML = shown.warnings.map(w => `<li data-kind="${escapeHtml(w.kind || '')}">${escapeHtml(warningText(w))}</li>`).join('');
  dialog.querySelector('.confirm').textContent = t('confirmCommit');
  dialog.querySelector('.cancel').textContent = t('confirmCancel');
}

/**
 * Shows what a commit (or a revert) did, with links and an Undo button. {@code hooks.focus(code)} shows a current area
 * on the map; {@code hooks.changed()} runs after an undo (to reload the map).
 */
export function showOutcome(answer, hooks) {
  shown.outcome = answer ? { answer, hooks } : null;
  renderOutcome();
}

function renderOutcome() {
  const el = document.getElementById('outcome');
  if (!shown.outcome) { el.innerHTML = ''; el.hidden = true; return; }
  const { answer, hooks } = shown.outcome;
  const link = (a, current) => `<a href="${escapeHtml(a.href)}" data-code="${escapeHtml(a.code)}" class="${current ? 'current' : 'retired'}"`
    + ` target="_blank" rel="noopener"><b class="code">${escapeHtml(a.code)}</b> ${escapeHtml(a.name || '')}</a>`;
  const list = (key, areas, current, cls) => `<h3>${t(key)} <small>${areas.length}</small></h3>`
    + `<ul class="${cls}">${areas.length ? areas.map(a => `<li>${link(a, current)}</li>`).join('') : `<li class="hint">${t('outcomeNone')}</li>`}</ul>`;
  el.hidden = false;
  el.innerHTML = `<h2>${t(answer.kind === 'revert' ? 'revertTitle' : 'outcomeTitle')}</h2>`
    + list('outcomeCreated', answer.created, true, 'created') + list('outcomeReshaped', answer.reshaped, true, 'reshaped')
    + list('outcomeRetired', answer.retired, false, 'retired')
    + (answer.casesMoved.length ? `<p>${t('outcomeCases')}: ${answer.casesMoved.length}</p>` : '')
    + (answer.editId && answer.kind !== 'revert' ? `<div class="row"><button type="button" id="undo" class="quiet">${t('undo')}</button></div>` : '');
  el.querySelectorAll('a.current').forEach(a => a.addEventListener('click', e => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) return; // a new tab: the area's OGC item
    e.preventDefault();
    hooks.focus(a.dataset.code);
  }));
  el.querySelector('#undo')?.addEventListener('click', () => undo(answer.editId, hooks));
}

async function undo(editId, hooks) {
  try {
    const reverted = await postJson(`/api/v1/edits/${encodeURIComponent(editId)}/revert`, {});
    toast(t('undoDone'));
    await hooks.changed();
    showOutcome(reverted, hooks);
    document.body.dataset.reverted = reverted.editId;
  } catch (e) {
    toast(e.problem?.detail || e.message);
  }
}

onLanguageChange(() => { renderWarnings(); renderOutcome(); });
