// "My cases": the cases I can act on now (GET /api/v1/incidents?mine=true), each with its next action as a big
// button — start (with before-photos), resolve (a note and after-photos), return 退单 (a reason). Actions go
// through the outbox; a case with something still waiting to be sent says so instead of offering buttons again.
import { getJson } from './api.js';
import { t, currentLang, when } from './i18n.js';
import { escapeHtml } from './layers.js';
import { photoPicker, photoItems } from './field-photos.js';

const KEPT = 'gridwatch.field.cases';
const FIELD_ACTIONS = ['start', 'resolve', 'return'];

export function mountCases(ctx) {
  const list = document.getElementById('case-list');
  let items = [], waiting = [], open = null, reloadTimer = null;

  async function load() {
    const note = document.getElementById('cases-note');
    try {
      const page = await getJson('/api/v1/incidents?mine=true&limit=100');
      items = page.items;
      localStorage.setItem(KEPT, JSON.stringify({ at: new Date().toISOString(), items }));
      note.hidden = true;
    } catch (err) {
      const kept = JSON.parse(localStorage.getItem(KEPT) || 'null');
      items = kept?.items || [];
      note.textContent = `${t('offlineCases')} ${kept ? when(kept.at) : ''}`;
      note.hidden = false;
      if (err.status === 401) ctx.outbox.kick();
    }
    ctx.cases = items;
    const count = document.getElementById('cases-count');
    count.textContent = String(items.length);
    count.hidden = !items.length;
  }

  async function render() {
    waiting = (await ctx.outbox.items()).filter(i => i.caseId);
    if (!items.length) { list.innerHTML = `<li class="hint">${t('noMyCases')}</li>`; return; }
    list.innerHTML = items.map(card).join('');
    list.querySelectorAll('button[data-action]').forEach(b => b.addEventListener('click', () => {
      open = open?.id === b.dataset.id && open.action === b.dataset.action ? null : { id: b.dataset.id, action: b.dataset.action };
      render();
    }));
    list.querySelectorAll('[data-outbox]').forEach(b => b.addEventListener('click', () => ctx.show('outbox')));
    if (open) wirePanel(open);
  }

  function card(c) {
    const name = currentLang() === 'en' ? (c.categoryNameEn || c.categoryName || c.category) : (c.categoryName || c.category);
    const pending = waiting.filter(w => w.caseId === c.id);
    const actions = (c.actions || []).filter(a => FIELD_ACTIONS.includes(a));
    const refused = pending.some(p => p.state === 'failed');
    const buttons = refused ? `<button type="button" class="refused" data-outbox>${t('refused')}</button>`
      : pending.length ? `<p class="pending" data-pending="${pending.length}">${t('waitingToSend')}: ${pending
      .map(p => escapeHtml(p.label[currentLang()] || p.label.zh)).join('、')}</p>`
      : actions.length ? `<div class="actions">${actions.map(a => `<button type="button" class="${a === 'return' ? 'secondary' : 'primary'}"
          data-id="${escapeHtml(c.id)}" data-action="${a}">${t('field_' + a)}</button>`).join('')}</div>`
        : `<p class="hint">${t('noActionHere')}</p>`;
    const media = (c.media || []).map(m => `<img src="${escapeHtml(m.thumbnailUrl)}" alt="${escapeHtml(m.kind)}" data-kind="${escapeHtml(m.kind)}">`).join('');
    const panel = open && open.id === c.id && !pending.length ? panelHtml(open.action) : '';
    return `<li class="card case-card" data-id="${escapeHtml(c.id)}" data-status="${escapeHtml(c.status)}">
      <div class="row"><strong>${escapeHtml(c.id)}</strong><span class="badge case-status">${t(c.status)}</span></div>
      <div class="row"><span>${escapeHtml(name)}</span><span class="hint">${t('deadline')} ${when(c.deadline)}</span></div>
      <p class="words">${escapeHtml(c.description || '')}</p>
      ${c.address ? `<p class="hint">${escapeHtml(c.address)}</p>` : ''}
      ${media ? `<div class="previews">${media}</div>` : ''}
      ${buttons}${panel}</li>`;
  }

  function panelHtml(action) {
    const photos = action === 'return' ? '' : `<span class="label">${t(action === 'start' ? 'beforePhotos' : 'afterPhotos')}</span>
      <label for="act-photos" class="button secondary">${t('takePhoto')}</label>
      <input id="act-photos" class="file" type="file" accept="image/*" capture="environment" multiple><div id="act-previews" class="previews"></div>`;
    const note = action === 'start' ? '' : `<label for="act-note">${t(action === 'return' ? 'returnReasonPrompt' : 'resolveNotePrompt')}</label>
      <textarea id="act-note" rows="3" maxlength="2000" required></textarea>`;
    return `<form id="act-form" class="stack panel" data-action="${action}">${note}${photos}
      <p id="act-error" class="problem" role="alert" hidden></p>
      <button type="submit" class="primary" id="act-confirm">${t('confirm_' + action)}</button></form>`;
  }

  function wirePanel({ id, action }) {
    const form = document.getElementById('act-form');
    if (!form) return;
    const picker = action === 'return' ? null : photoPicker(document.getElementById('act-photos'), document.getElementById('act-previews'));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const note = document.getElementById('act-note')?.value.trim() || null;
      if (action !== 'start' && !note) {
        const err = document.getElementById('act-error');
        err.textContent = t(action === 'return' ? 'returnReasonPrompt' : 'resolveNotePrompt');
        err.hidden = false;
        return;
      }
      await queueAction(id, action, note, picker ? picker.files() : []);
      open = null;
      ctx.toast(navigator.onLine ? t('sending') : t('savedOffline'));
      await render();
    });
  }

  /** Before-photos follow the start; after-photos go before the resolve, so the resolved case already shows them. */
  async function queueAction(id, action, note, files) {
    const label = { zh: `${id} ${actionName('zh', action)}`, en: `${id} ${actionName('en', action)}` };
    const step = { topic: 'case', caseId: id, path: `/api/v1/incidents/${encodeURIComponent(id)}/${action}`, json: { note }, label };
    const photos = photoItems(files, action === 'start' ? 'BEFORE' : 'AFTER', { caseId: id, label });
    const ordered = action === 'resolve' ? [...photos, step] : [step, ...photos];
    for (const item of ordered) await ctx.outbox.add(item);
  }

  ctx.outbox.on('sent', item => {
    if (item.topic !== 'case') return;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(async () => { await load(); if (!open) await render(); }, 300);
  });
  // Not while a form is open: drawing the list again would throw away what the worker is typing.
  ctx.outbox.on('change', () => { if (document.body.dataset.screen === 'cases' && !open) render(); });

  // New work arrives while the app is open: look again every minute, unless the worker is filling in a form.
  setInterval(async () => {
    if (document.body.dataset.screen === 'cases' && !open && navigator.onLine && !document.hidden) { await load(); await render(); }
  }, 60000);

  return { async show() { await load(); await render(); } };
}

const NAMES = { zh: { start: '开始处理', resolve: '处置反馈', return: '退单' }, en: { start: 'start', resolve: 'resolve', return: 'return' } };
function actionName(lang, action) { return NAMES[lang][action]; }
