// The hotline page's lists beside the map: tickets to be located (the operator's queue: never dropped), open tickets
// by their running deadline (签收 until signed, then 办结; late ones red, counting down), and the measures tab.
// A row opens the ticket's panel.
import { t, when } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { word, duration } from './hotline-text.js';
import { tickets, isOpen, runningDeadline } from './hotline-api.js';

const OPEN_STATUSES = ['RECEIVED', 'SIGNED', 'REPLIED'];

const TABS = { locate: 'hTabLocate', open: 'hTabOpen', measures: 'hTabMeasures' };

/** "签收剩余 1小时20分" or "已超时 2小时5分", and whether it is late. */
export function countdown(ticket, now = Date.now()) {
  const d = runningDeadline(ticket);
  if (!d) return { text: '', late: false };
  const ms = Date.parse(d.at) - now;
  const what = t(d.kind === 'sign' ? 'hSignLeft' : 'hDueLeft');
  return ms < 0 ? { text: `${t('hLate')} ${duration(ms)}`, late: true } : { text: `${what} ${duration(ms)}`, late: false };
}

export class HotlineLists {
  constructor(store, openTicket, measures) {
    this.store = store;
    this.openTicket = openTicket;
    this.measures = measures;
    measures.isShown = () => this.tab === 'measures' && !document.getElementById('list').hidden;
    this.tab = 'locate';
    this.data = { locate: null, open: null };
    this.seq = 0;
    setInterval(() => this.tick(), 1000);
  }

  /** Reads both lists again (after any step, too). */
  async load() {
    const mine = ++this.seq;
    try {
      const read = status => tickets({ status, limit: 1000 });
      const [locate, ...open] = await Promise.all(['TO_LOCATE', ...OPEN_STATUSES].map(read));
      const all = open.flat();
      if (mine !== this.seq) return;
      const due = x => Date.parse(runningDeadline(x)?.at ?? '9999-12-31T00:00:00Z');
      this.data = {
        locate: locate.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt)),
        open: all.filter(isOpen).sort((a, b) => due(a) - due(b)),
      };
      this.failed = null;
    } catch (err) {
      if (mine !== this.seq) return;
      this.data = { locate: [], open: [] };
      this.failed = err;
    }
    this.draw();
  }

  count(tab) { return tab === 'measures' ? '' : this.data[tab] === null ? '…' : this.data[tab].length; }

  draw() {
    const tabs = document.getElementById('tabs');
    tabs.innerHTML = Object.keys(TABS).map(n => `<button type="button" role="tab" id="tab-${n}" data-tab="${n}"
      aria-selected="${n === this.tab}">${t(TABS[n])} <span class="count">${this.count(n)}</span></button>`).join('');
    tabs.querySelectorAll('button').forEach(b => b.addEventListener('click', () => this.show(b.dataset.tab)));
    const list = document.getElementById('list');
    if (this.tab === 'measures') { this.measures.draw(list); return; }
    const items = this.data[this.tab];
    const problem = this.failed ? `<p class="problem" id="list-problem">${t('hApiMissing')}: ${e(this.failed.message)}</p>` : '';
    list.innerHTML = problem + (items === null ? `<p class="hint">${t('hLoading')}</p>`
      : items.length ? `<ul class="items" id="list-${this.tab}">${items.map(x => this.row(x)).join('')}</ul>`
        : `<p class="hint">${t('hNone')}</p>`);
    list.querySelectorAll('li[data-ticket]').forEach(li => li.addEventListener('click', () => this.openTicket(li.dataset.ticket)));
    this.tick();
  }

  show(tab) {
    this.tab = tab;
    this.store.onTab?.(tab);
    this.draw();
  }

  row(x) {
    const c = countdown(x);
    const what = this.tab === 'locate' ? (x.address ? e(x.address) : t('hNoAddress')) : e(x.caseId || '');
    return `<li data-ticket="${e(x.ticketNumber)}" data-status="${e(x.status)}" class="${c.late ? 'late' : ''}">
      <div class="row1"><b>${e(x.ticketNumber)}</b> <span class="tag s-${e(x.status)}">${e(word('status', x.status))}</span>
        ${x.pending ? `<span class="tag s-PENDING">${t(x.pending.kind === 'RETURN' ? 'hPendingReturn' : 'hPendingExtend')}</span>` : ''}
        ${x.redos ? `<span class="tag s-REDO">${t('hRedone')} ${e(x.redos)}</span>` : ''}
        <span class="countdown${c.late ? ' late' : ''}">${e(c.text)}</span></div>
      <div class="sub">${e(word('type', x.requestType))} · ${t('hReceivedAt')} ${when(x.receivedAt)} · ${what}</div>
      ${x.content ? `<div class="content">${e(x.content)}</div>` : ''}</li>`;
  }

  /** Every second: the countdowns, and a row turning red when its deadline passes. */
  tick() {
    const now = Date.now();
    document.querySelectorAll('#list li[data-ticket]').forEach(li => {
      const x = (this.data[this.tab] || []).find(i => i.ticketNumber === li.dataset.ticket);
      if (!x) return;
      const c = countdown(x, now), span = li.querySelector('.countdown');
      span.textContent = c.text;
      span.classList.toggle('late', c.late);
      li.classList.toggle('late', c.late);
    });
  }
}
