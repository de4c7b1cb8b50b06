// What the outbox holds, for the worker: a badge in the top bar (how many wait, red when one was refused) and a
// screen listing each item, with the server's words for a refused one and buttons to try it again or drop it.
import { t, currentLang, when } from './i18n.js';
import { escapeHtml } from './layers.js';

export function mountOutbox(ctx) {
  const badge = document.getElementById('outbox-button');
  const list = document.getElementById('outbox-list');

  async function refresh() {
    const items = await ctx.outbox.items();
    const failed = items.filter(i => i.state === 'failed').length;
    badge.hidden = !items.length;
    badge.classList.toggle('failed', failed > 0);
    badge.dataset.pending = String(items.length);
    badge.textContent = failed ? `${t('outboxRefused')} ${failed}` : `${t('outboxShort')} ${items.length}`;
    badge.setAttribute('aria-label', `${t('outboxTitle')} ${items.length}`);
    if (document.body.dataset.screen !== 'outbox') return;
    const held = new Set(items.filter(i => i.state === 'failed' && i.ref).map(i => i.ref)); // what their followers wait for
    const waitingForSignIn = ctx.outbox.isWaitingForSignIn() ? `<li class="problem">${t('sessionEnded')}</li>` : '';
    list.innerHTML = waitingForSignIn + (items.length ? items.map(i => `<li class="card outbox-item state-${i.state}" data-seq="${i.seq}">
      <div class="row"><span>${escapeHtml(i.label?.[currentLang()] || i.label?.zh || i.path)}</span><span class="hint">${when(i.createdAt)}</span></div>
      ${i.state === 'failed' ? `<p class="problem outbox-error">${escapeHtml(typeof i.error === 'string' ? i.error : i.error?.[currentLang()] || '')}</p>
        <div class="actions"><button type="button" class="secondary" data-retry="${i.seq}">${t('retry')}</button>
        <button type="button" class="secondary danger" data-discard="${i.seq}">${t('discard')}</button></div>`
        : `<p class="hint">${held.has(i.needs) ? t('heldBehind') : navigator.onLine ? t('sendingNow') : t('waitingForNetwork')}</p>`}</li>`).join('')
      : `<li class="hint">${t('outboxEmpty')}</li>`);
    list.querySelectorAll('[data-retry]').forEach(b => b.addEventListener('click', () => ctx.outbox.retry(Number(b.dataset.retry))));
    list.querySelectorAll('[data-discard]').forEach(b => b.addEventListener('click', () => ctx.outbox.discard(Number(b.dataset.discard))));
  }

  ctx.outbox.on('change', refresh);
  window.addEventListener('online', refresh);
  window.addEventListener('offline', refresh);
  refresh();
  return { show: refresh };
}
