// A ticket's panel on the hotline page: what the hotline sent (number, 诉求类型, content, address, deadlines), the case
// it became (linked to the console), its history, and the loop's next steps as buttons — locate (a map click, an
// address or a building code), 签收, 退单 with its reason and its approval, 延期 and its approval, 回单 with the result,
// 回访 with the caller's verdict. Each step posts to part D's API; a refusal shows the problem and the fields it names.
import { t, when, districtZone, areaName } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { attachAddressSearch } from './address-search.js';
import { word, REPLY_RESULTS, VISIT_RESULTS } from './hotline-text.js';
import { ticket, step, stepsOf, caseResolved } from './hotline-api.js';
import { countdown } from './hotline-lists.js';

const STEP_LABEL = { locate: 'hLocateHere', sign: 'hSign', return: 'hReturn', returnApprove: 'hApproveReturn',
  returnRefuse: 'hRefuseReturn', extend: 'hExtend', extendApprove: 'hApproveExtend', extendRefuse: 'hRefuseExtend',
  reply: 'hReply', visit: 'hVisit' };
const STEP_PATH = { returnApprove: 'return/approve', returnRefuse: 'return/refuse', extendApprove: 'extend/approve',
  extendRefuse: 'extend/refuse' };

/** A wall-clock time typed in a datetime-local box, read in the district's zone, as an ISO instant. */
export function zonedIso(value, zone = districtZone()) {
  const [date, time] = value.split('T');
  const [y, mo, d] = date.split('-').map(Number), [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(guess)).map(p => [p.type, p.value]));
  const shown = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return new Date(guess - (shown - guess)).toISOString();
}

/** A history note that starts with a reply's or a visit's code ("SATISFIED: …") worded in the language on screen. */
function noteText(note) {
  const m = /^([A-Z_]+)(?:: ([\s\S]*))?$/.exec(note);
  if (!m) return note;
  const worded = REPLY_RESULTS.includes(m[1]) ? word('result', m[1]) : VISIT_RESULTS.includes(m[1]) ? word('visit', m[1]) : null;
  return worded ? [worded, m[2]].filter(Boolean).join(': ') : note;
}

function problemText(err) {
  const fields = (err.problem?.errors || []).map(x => x.field).filter(Boolean);
  return fields.length ? `${err.message} (${t('hFieldErrors')} ${fields.join(', ')})` : err.message;
}

export class TicketPanel {
  constructor(store, map, changed) {
    this.store = store;
    this.map = map;
    this.changed = changed;
    this.current = null;
    this.form = null;
    map.onPick = place => this.picked(place);
  }

  async open(number) {
    this.current = await ticket(number);
    this.form = this.current.status === 'TO_LOCATE' ? 'locate' : null;
    this.map.showTicket(this.current);
    this.draw();
  }

  close() {
    this.current = null;
    this.form = null;
    this.map.clearPick();
    this.map.showTicket(null);
    document.getElementById('panel').hidden = true;
    document.getElementById('list').hidden = false;
    document.getElementById('tabs').hidden = false;
  }

  draw() {
    const x = this.current;
    if (!x) return;
    const panel = document.getElementById('panel');
    panel.hidden = false;
    document.getElementById('list').hidden = true;
    document.getElementById('tabs').hidden = true;
    const c = countdown(x), steps = stepsOf(x);
    const late = (at, done) => (at && Date.parse(done || Date.now()) > Date.parse(at) ? ' late' : '');
    panel.innerHTML = `<button type="button" class="back" id="ticket-back">${t('hBack')}</button>
      <h2 id="ticket-title" data-ticket="${e(x.ticketNumber)}" data-status="${e(x.status)}">${t('hTicket')} ${e(x.ticketNumber)}
        <span class="tag s-${e(x.status)}" id="ticket-status">${e(word('status', x.status))}</span></h2>
      ${c.text ? `<p class="countdown${c.late ? ' late' : ''}" id="ticket-countdown">${e(c.text)}</p>` : ''}
      <dl class="ticket">
        <dt>${t('hRequestType')}</dt><dd>${e(word('type', x.requestType))}</dd>
        ${x.category ? `<dt>${t('hCategory')}</dt><dd id="ticket-category">${e(this.categoryName(x.category))}</dd>` : ''}
        <dt>${t('hReceivedAt')}</dt><dd>${when(x.receivedAt)}</dd>
        <dt>${t('hSignBy')}</dt><dd id="ticket-sign-by" class="${late(x.signBy, x.signedAt)}">${when(x.signBy)}</dd>
        <dt>${t('hDueBy')}</dt><dd id="ticket-due-by" class="${late(x.dueBy, x.closedAt)}">${when(x.dueBy)}</dd>
        ${x.signedAt ? `<dt>${t('hSignedAt')}</dt><dd id="ticket-signed-at">${when(x.signedAt)}${x.signedLate ? ` <b class="late">${t('hSignedLate')}</b>` : ''}</dd>` : ''}
        <dt>${t('hAddress')}</dt><dd>${x.address ? e(x.address) : t('hNoAddress')}</dd>
        ${x.caller ? `<dt>${t('hCaller')}</dt><dd id="ticket-caller">${e([x.caller.name, x.caller.phone].filter(Boolean).join(' · '))}</dd>` : ''}
        ${x.caseId ? `<dt>${t('hCase')}</dt><dd id="ticket-case"><a href="/console.html#case=${encodeURIComponent(x.caseId)}">${e(x.caseId)}</a>
          ${x.incident?.status ? ` · <span id="ticket-case-status">${e(t(x.incident.status))}</span>` : ''}</dd>` : ''}
        ${x.pending ? `<dt>${t(x.pending.kind === 'RETURN' ? 'hPendingReturn' : 'hPendingExtend')}</dt><dd id="ticket-pending">${e(x.pending.reason || '')}${x.pending.until ? ` · ${t('hExtendUntil')} ${when(x.pending.until)}` : ''}</dd>` : ''}
        ${x.returnReason ? `<dt>${t('hReturnReason')}</dt><dd id="ticket-return-reason">${e(x.returnReason)}</dd>` : ''}
        ${x.reply ? `<dt>${t('hReply')}</dt><dd id="ticket-reply">${e(word('result', x.reply.result))} · ${when(x.reply.at)}<br>${e(x.reply.text || '')}</dd>` : ''}
        ${x.visit ? `<dt>${t('hVisit')}</dt><dd id="ticket-visit">${e(word('visit', x.visit.result))} · ${when(x.visit.at)}</dd>` : ''}
        ${x.redos ? `<dt>${t('hRedone')}</dt><dd id="ticket-redos">${e(x.redos)}</dd>` : ''}
      </dl>
      <p class="content" id="ticket-content">${e(x.content || '')}</p>
      <div class="actions" id="ticket-actions">${steps.filter(s => s !== 'locate').map(s =>
        `<button type="button" data-step="${s}"${this.form === s ? ' aria-pressed="true"' : ''}>${t(STEP_LABEL[s])}</button>`).join('')}</div>
      ${x.status === 'SIGNED' && !x.pending && !caseResolved(x) ? `<p class="sub" id="reply-wait">${t('hReplyAfterResolved')}</p>` : ''}
      <div id="step-form">${this.form ? this.formHtml(this.form) : ''}</div>
      <h3>${t('hHistory')}</h3><ol class="history" id="ticket-history">${(x.history || []).map(h => this.event(h)).join('')}</ol>`;
    panel.querySelector('#ticket-back').addEventListener('click', () => { this.close(); this.store.closed?.(); });
    panel.querySelectorAll('#ticket-actions button').forEach(b => b.addEventListener('click', () => this.choose(b.dataset.step)));
    this.wireForm();
  }

  categoryName(code) {
    const c = (this.store.categories || []).find(x => x.code === code);
    return c ? areaName(c) : code;
  }

  event(h) {
    return `<li data-type="${e(h.type)}"><strong>${e(word('ev', h.type))}</strong> <time datetime="${e(h.at)}">${when(h.at)}</time>
      ${h.actor ? ` · ${e(h.actor)}` : ''}${h.until ? ` · ${t('hExtendUntil')} ${when(h.until)}` : ''}
      ${h.note ? `<br>${e(noteText(h.note))}` : ''}</li>`;
  }

  /** A step without anything to fill in is taken at once; the others open their form. */
  choose(name) {
    if (name === 'sign') { this.send('sign', {}); return; }
    this.form = this.form === name ? null : name;
    this.draw();
  }

  formHtml(name) {
    const select = (values, kind) => values.map(v => `<option value="${v}">${e(word(kind, v))}</option>`).join('');
    const buttons = `<p class="problem" id="step-problem" hidden></p><button type="submit">${t('hSend')}</button>
      <button type="button" class="cancel">${t('hCancel')}</button>`;
    switch (name) {
      case 'locate': {
        const p = this.store.picked;
        return `<form id="locate-form" class="c-form"><p class="sub">${t('hLocateHint')}</p>
          <label>${t('addressLabel')}<input id="locate-address" autocomplete="off" value="${e(this.current.address || '')}"></label>
          <ul id="locate-results" class="address-results"></ul>
          <p id="locate-picked" class="place">${p ? `${t('hPicked')}: ${p.label ? `${e(p.label)} · ` : ''}${p.lon.toFixed(6)}, ${p.lat.toFixed(6)}` : ''}</p>
          <button type="submit" id="locate-here"${p ? '' : ' disabled'}>${t('hLocateHere')}</button>
          <label>${t('hBuildingCode')} <input name="building" autocomplete="off"></label>
          <button type="button" id="locate-building">${t('hLocateBuilding')}</button>
          <p class="problem" id="step-problem" hidden></p></form>`;
      }
      case 'return':
        return `<form id="return-form" class="c-form"><label>${t('hReturnReason')}<textarea name="reason" rows="3"></textarea></label>${buttons}</form>`;
      case 'extend':
        return `<form id="extend-form" class="c-form"><label>${t('hExtendUntil')}<input type="datetime-local" name="until"></label>
          <label>${t('hExtendReason')}<textarea name="reason" rows="2"></textarea></label>${buttons}</form>`;
      case 'reply':
        return `<form id="reply-form" class="c-form"><label>${t('hReplyResult')}<select name="result">${select(REPLY_RESULTS, 'result')}</select></label>
          <label>${t('hReplyText')}<textarea name="text" rows="3"></textarea></label>${buttons}</form>`;
      case 'visit':
        return `<form id="visit-form" class="c-form"><label>${t('hVisitResult')}<select name="result">${select(VISIT_RESULTS, 'visit')}</select></label>
          <label>${t('hVisitNote')}<textarea name="note" rows="2"></textarea></label>${buttons}</form>`;
      default: // the approvals: a note
        return `<form id="${name}-form" class="c-form"><label>${t('hNote')}<textarea name="note" rows="2"></textarea></label>${buttons}</form>`;
    }
  }

  wireForm() {
    const form = document.querySelector('#step-form form');
    if (!form) return;
    form.querySelector('.cancel')?.addEventListener('click', () => { this.form = null; this.draw(); });
    if (this.form === 'locate') { this.wireLocate(form); return; }
    const name = this.form;
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      const value = field => form.elements[field]?.value.trim() || null;
      const body = name === 'return' ? { reason: value('reason') }
        : name === 'extend' ? { until: form.until.value ? zonedIso(form.until.value) : null, reason: value('reason') }
          : name === 'reply' ? { text: value('text'), result: form.result.value }
            : name === 'visit' ? { result: form.result.value, note: value('note') }
              : { note: value('note') };
      this.send(STEP_PATH[name] || name, body);
    });
  }

  wireLocate(form) {
    attachAddressSearch({ input: form.querySelector('#locate-address'), list: form.querySelector('#locate-results'),
      onPick: r => { this.map.pick(r.lon, r.lat, r.address); } });
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      const p = this.store.picked;
      if (p) this.send('locate', { lon: Number(p.lon.toFixed(7)), lat: Number(p.lat.toFixed(7)) });
    });
    form.querySelector('#locate-building').addEventListener('click', () => {
      const code = form.building.value.trim();
      if (code) this.send('locate', { building: code });
    });
  }

  /** The map was clicked (or an address chosen) while the locate form is open. */
  picked(place) {
    this.store.picked = place;
    const line = document.getElementById('locate-picked');
    if (!line) return;
    line.textContent = `${t('hPicked')}: ${place.label ? `${place.label} · ` : ''}${place.lon.toFixed(6)}, ${place.lat.toFixed(6)}`;
    document.getElementById('locate-here').disabled = false;
  }

  async send(path, body) {
    const number = this.current.ticketNumber;
    try {
      await step(number, path, body);
      this.form = null;
      this.store.picked = null;
      this.map.clearPick();
      this.store.toast(`${number}: ${t('hDone')}`);
      await Promise.all([this.open(number), this.changed()]);
    } catch (err) {
      const line = document.getElementById('step-problem');
      if (line) { line.textContent = problemText(err); line.hidden = false; } else this.store.toast(problemText(err));
    }
  }
}
