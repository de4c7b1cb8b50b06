// Saved drafts of boundary edits (commit or discard them), and the history slider (past outlines, read only).
import { getJson, sendJson } from './api.js';
import { commitEdit } from './planner-commit.js';
import { escapeHtml } from './layers.js';
import { t, when } from './i18n.js';
import { toast } from './toast.js';

const KIND_TEXT = { reshape: 'modeReshape', split: 'modeSplit', merge: 'modeMerge', buildings: 'modeReshape', children: 'modeBalance' };

/** Lists the open drafts; {@code onCommitted(answer)} runs after one is committed (to reload the map and show what changed). */
export async function showDrafts(onCommitted) {
  const el = document.getElementById('edit-drafts');
  const drafts = await getJson('/api/v1/drafts');
  el.innerHTML = drafts.length === 0 ? `<li class="hint">${t('noDrafts')}</li>` : drafts.map(d =>
    `<li data-id="${escapeHtml(d.id)}"><b>${escapeHtml(d.name)}</b> <small>${escapeHtml(t(KIND_TEXT[d.kind] || d.kind))} ${escapeHtml(d.code)} · `
    + `${escapeHtml(d.createdBy)} ${escapeHtml(when(d.createdAt))}</small>`
    + `<button type="button" class="commit-draft">${t('commitDraft')}</button>`
    + `<button type="button" class="discard-draft quiet">${t('discardDrafts')}</button></li>`).join('');
  el.querySelectorAll('li[data-id]').forEach(li => {
    const id = li.dataset.id;
    li.querySelector('.commit-draft').addEventListener('click', async () => {
      try {
        const answer = await commitEdit('POST', `/api/v1/drafts/${id}/commit`, {});
        if (answer) await onCommitted(answer);
      } catch (e) {
        toast(e.problem?.detail || e.message);
      }
      await showDrafts(onCommitted);
    });
    li.querySelector('.discard-draft').addEventListener('click', async () => {
      await sendJson('DELETE', `/api/v1/drafts/${id}`);
      await showDrafts(onCommitted);
    });
  });
}

/**
 * The slider's notches are the moments the level's outlines changed; the last is "now". Moving it calls {@code show} with
 * an instant (or null for now).
 */
export async function startHistory(show, level = 'grids') {
  const slider = document.getElementById('history'), label = document.getElementById('history-at');
  const moments = await getJson(`/api/v1/areas/changes?level=${level}`);
  slider.max = String(moments.length);
  slider.value = String(moments.length);
  label.textContent = t('historyNow');
  slider.oninput = () => {
    const i = Number(slider.value);
    label.textContent = i === moments.length ? t('historyNow') : when(moments[i]);
  };
  slider.onchange = () => {
    const i = Number(slider.value);
    // Just after the i-th change: the outlines it made are the ones shown.
    show(i === moments.length ? null : new Date(Date.parse(moments[i]) + 1).toISOString());
  };
}
