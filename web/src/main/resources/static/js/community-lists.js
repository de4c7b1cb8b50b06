// The lists beside the workbench's map (below it on a phone), as tabs: organisations, volunteers, activities, bookings,
// service points and the deserts of the chosen service. A list whose source failed says it is unavailable.
import { t, when, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { word, weekHours } from './community-text.js';
import { bookingState, activityWhen, orgName } from './community-popups.js';
import { fmt } from './community-map.js';

const e = v => escapeHtml(v == null ? '' : v);
const TABS = [['organisations', 'tabOrganisations'], ['volunteers', 'tabVolunteers'], ['activities', 'tabActivities'],
  ['bookings', 'tabBookings'], ['servicePoints', 'tabServicePoints'], ['deserts', 'tabDeserts']];

export class WorkbenchLists {
  /** {@code focus(name, id)}: shows one thing on the map (answers false when it has no place there). */
  constructor(store, focus) {
    this.store = store;
    this.focus = focus;
    this.tab = 'servicePoints';
    document.getElementById('list').addEventListener('click', ev => {
      const item = ev.target.closest('[data-focus]');
      if (item) this.focus(item.dataset.focus, item.dataset.id);
    });
  }

  select(tab) { this.tab = tab; this.draw(); }

  /** Draws the tabs and the current list in the current language. */
  draw() {
    const tabs = document.getElementById('tabs');
    tabs.innerHTML = TABS.map(([name, label]) => {
      const data = this.store.sources[name]?.data;
      const n = Array.isArray(data) ? data.length : name === 'deserts' && data ? data.grids.length : null;
      return `<button type="button" role="tab" data-tab="${name}" aria-selected="${name === this.tab}">${t(label)}${n == null ? '' : ` <small>${n}</small>`}</button>`;
    }).join('');
    tabs.querySelectorAll('button').forEach(b => b.addEventListener('click', () => this.select(b.dataset.tab)));
    const list = document.getElementById('list');
    list.dataset.tab = this.tab;
    const source = this.store.sources[this.tab];
    if (!source || source.status === 'loading') { list.innerHTML = `<p class="hint">${t('loadingLayer')}</p>`; return; }
    if (source.status === 'unavailable') {
      list.innerHTML = `<p class="problem" data-unavailable="${this.tab}">${t(TABS.find(([n]) => n === this.tab)[1])}: ${t('unavailable')}</p>`;
      return;
    }
    list.innerHTML = this[this.tab](source.data);
  }

  organisations(items) {
    return ul(items.map(o => `<li data-focus="orgAreas" data-id="${e(o.id)}"><b>${e(o.name)}</b> <span class="tag">${e(word('org', o.kind))}</span>
      ${o.incubation?.stage ? `<span class="tag stage">${e(word('stage', o.incubation.stage))}</span>` : ''}
      <div class="sub">${(o.serviceAreas || []).filter(a => !a.to || a.to >= this.store.period.to).map(a => `${e(word('area', a.kind))} ${e(a.name || a.code)}`).join(t('listSep'))}</div></li>`));
  }

  volunteers(items) {
    const gridName = code => { const g = this.store.grids.find(x => x.properties.code === code); return g ? areaName(g.properties) : code; };
    return ul(items.map(v => `<li data-id="${e(v.id)}"><b>${e(v.name)}</b> <span class="tag">${e(word('vol', v.kind))}</span>
      ${v.certificateLevel ? `<span class="tag">${e(word('cert', v.certificateLevel))}</span>` : ''} ${'★'.repeat(v.starLevel || 0)}
      <div class="sub">${e(gridName(v.homeGrid))} · ${e(v.phone)}</div>
      <div class="sub">${(v.skills || []).map(s => `<span class="skill">${e(s)}</span>`).join(' ')}</div>
      <div class="sub">${e(weekHours(v.availability))}</div></li>`));
  }

  activities(items) {
    const sorted = [...items].sort((a, b) => Date.parse(b.starts) - Date.parse(a.starts));
    return ul(sorted.map(a => `<li data-focus="activities" data-id="${e(a.id)}" class="${activityWhen(a)}"><b>${e(a.title)}</b>
      <span class="tag">${e(word('act', a.kind))}</span> <span class="tag when-${activityWhen(a)}">${t(activityWhen(a))}</span>
      <div class="sub"><time datetime="${e(a.starts)}">${when(a.starts)}</time> · ${t('attendance')} ${a.signedIn ?? '—'}</div></li>`));
  }

  bookings(items) {
    const label = { open: 'bookingOpen', fulfilled: 'bookingFulfilled', notFulfilled: 'bookingNotFulfilled' };
    return ul([...items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).map(b => `<li data-focus="bookings" data-id="${e(b.id)}">
      <b>${e(word('svc', b.service) || `#${b.offer}`)}</b> <span class="tag booking-${bookingState(b)}">${t(label[bookingState(b)])}</span>
      <div class="sub"><time datetime="${e(b.at)}">${when(b.at)}</time> · ${e(b.resident?.name)} ${e(b.resident?.phone)}</div></li>`));
  }

  servicePoints(items) {
    return ul(items.map(p => `<li data-focus="servicePoints" data-id="${e(p.id)}"><b>${e(p.name)}</b>
      <span class="tag">${e(word('sp', p.kind))}</span>
      <div class="sub">${e(weekHours(p.openingHours))}</div>
      <div class="sub">${t('runBy')}: ${p.organisation == null ? t('none') : e(orgName(this.store, p.organisation))}</div></li>`));
  }

  deserts(answer) {
    if (!answer) return `<p class="hint">${t('desertNone')}</p>`;
    const total = answer.grids.reduce((n, g) => n + (g.residentsAffected || 0), 0);
    const method = answer.method === 'street-network' ? t('methodNetwork') : t('methodStraight');
    const rows = answer.grids.map(g => `<tr data-grid="${e(g.code)}" data-focus="deserts" data-id="${e(g.code)}"><td>${e(g.name)}</td><td>${fmt(g.residents)}</td>
      <td>${fmt(g.residentsAffected)}</td><td>${g.nearest == null ? '—' : `${Math.round(g.nearest)} ${t('metres')}`}</td></tr>`).join('');
    return `<p><b>${e(word('svc', answer.service))}</b> · ${answer.distance} ${t('metres')}<br><small>${method}</small></p>
      <p>${t('totalAffected')}: <b id="desert-total" data-value="${total}">${fmt(total)}</b></p>
      ${answer.grids.length ? `<table class="deserts"><thead><tr><th>${t('gridName')}</th><th>${t('residentsShort')}</th>
      <th>${t('residentsAffected')}</th><th>${t('nearestPoint')}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p class="hint">${t('listEmpty')}</p>`}`;
  }
}

function ul(items) { return items.length ? `<ul class="items">${items.join('')}</ul>` : `<p class="hint">${t('listEmpty')}</p>`; }
