// The consultation page's lists beside the map: topics (filtered by status and source), meetings, decisions and tasks
// of the chosen community; signed out, published decisions only. A row opens its topic's panel.
import { getJson } from './api.js';
import { t, when } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { word, fill } from './consultation-text.js';

export const listOf = answer => (Array.isArray(answer) ? answer : answer?.items ?? []);
const TABS = { topics: 'cTabTopics', meetings: 'cTabMeetings', decisions: 'cTabDecisions', tasks: 'cTabTasks' };

/** A task's overdue mark, worded like an overdue case: red, with the days overdue. */
export function overdueMark(task) {
  return task.overdue ? ` <b class="overdue" data-days="${e(task.daysOverdue)}">${fill('cOverdueDays', { n: task.daysOverdue })}</b>` : '';
}

const tag = (kind, code) => `<span class="tag s-${e(code)}">${e(word(kind, code))}</span>`;

export class ConsultationLists {
  constructor(store, openTopic) {
    this.store = store;
    this.openTopic = openTopic;
    this.tab = store.staff ? 'topics' : 'decisions';
    this.data = {};
    this.seq = 0;
  }

  query() {
    const q = new URLSearchParams();
    if (this.store.community) q.set('community', this.store.community);
    return q;
  }

  /** Reads every list of the community again (after a change, too). */
  async load() {
    const mine = ++this.seq, q = this.query();
    const read = url => getJson(url).then(listOf).catch(err => { console.warn('consultation:', url, err); return null; });
    const lists = this.store.staff
      ? { topics: read(`/api/v1/topics?${q}`), meetings: read(`/api/v1/meetings?${q}`),
        decisions: read(`/api/v1/decisions?${q}`), tasks: read(`/api/v1/tasks?${q}`) }
      : { decisions: read(`/api/v1/public/decisions?${q}`) };
    const answers = await Promise.all(Object.values(lists));
    if (mine !== this.seq) return;
    this.data = Object.fromEntries(Object.keys(lists).map((k, i) => [k, answers[i]]));
    this.draw();
  }

  draw() {
    const tabs = document.getElementById('tabs');
    const names = this.store.staff ? Object.keys(TABS) : ['decisions'];
    tabs.innerHTML = names.map(n => `<button type="button" role="tab" data-tab="${n}" aria-selected="${n === this.tab}">${t(TABS[n])}`
      + ` <span class="count">${this.count(n)}</span></button>`).join('');
    tabs.querySelectorAll('button').forEach(b => b.addEventListener('click', () => { this.tab = b.dataset.tab; this.draw(); }));
    const list = document.getElementById('list');
    const items = this.items(this.tab);
    list.innerHTML = (this.store.staff ? '' : `<p class="public-note">${t('cPublicNote')}</p>`)
      + (items === null ? `<p class="hint">${t('cLoading')}</p>`
        : items.length ? `<ul class="items" id="list-${this.tab}">${items.map(x => this[this.tab](x)).join('')}</ul>`
          : `<p class="hint">${t('cNone')}</p>`);
    list.querySelectorAll('li[data-topic]').forEach(li => li.addEventListener('click', () => this.openTopic(li.dataset.topic)));
  }

  count(name) { const items = this.items(name); return items ? items.length : ''; }

  /** The tab's rows; topics filtered by the toolbar's status and source, tasks overdue first. */
  items(name) {
    const all = this.data[name];
    if (!all) return null;
    if (name === 'topics') return all.filter(x => (!this.store.status || x.status === this.store.status)
      && (!this.store.source || x.source === this.store.source));
    if (name === 'tasks') return [...all].sort((a, b) => (b.daysOverdue || 0) - (a.daysOverdue || 0));
    return all;
  }

  topics(x) {
    return `<li data-topic="${e(x.id)}" data-status="${e(x.status)}"><b>${e(x.title)}</b> ${tag('topicStatus', x.status)}
      <div class="sub">${e(word('source', x.source))}${x.bodyName ? ` · ${e(x.bodyName)}` : ''}`
      + `${x.supporters ? ` · ${t('cSupporters')} ${e(x.supporters)}` : ''}${x.cases?.length ? ` · ${t('cCases')} ${x.cases.length}` : ''}</div></li>`;
  }

  meetings(x) {
    const topic = x.topics?.[0];
    return `<li ${topic ? `data-topic="${e(topic)}"` : ''} data-meeting="${e(x.id)}"><b>${e(x.title)}</b> ${tag('meetingStatus', x.status)}
      <div class="sub">${when(x.startsAt)} · ${e(x.bodyName || '')}${x.placeName ? ` · ${e(x.placeName)}` : ''}`
      + `${x.quorumMet === true ? ` · ${t('cQuorumMet')}` : x.quorumMet === false ? ` · <b class="overdue">${t('cQuorumNotMet')}</b>` : ''}</div></li>`;
  }

  /** A decision: staff read DecisionAnswer (its topic by id), the public PublicDecision (the topic's title, no names, no result flag). */
  decisions(x) {
    const topic = typeof x.topic === 'number' ? (this.data.topics || []).find(o => o.id === x.topic) : null;
    const title = x.topicTitle || topic?.title || '';
    const day = x.decidedOn || (x.recordedAt ? when(x.recordedAt) : '');
    const tasks = (x.tasks || []).map(k => (typeof k === 'string' ? tag('taskStatus', k) : `${e(k.title)} ${tag('taskStatus', k.status)}`));
    const supervision = x.supervision?.result ?? x.supervision;
    return `<li ${this.store.staff && typeof x.topic === 'number' ? `data-topic="${e(x.topic)}"` : ''} data-decision="${e(x.id)}"><b>${e(title)}</b>
      ${typeof x.adopted === 'boolean' ? `<span class="tag ${x.adopted ? 'r-PASS' : 'r-FAIL'}">${x.adopted ? t('cAdopted') : t('cNotAdopted')}</span>` : ''}
      ${x.publishedAt ? `<span class="tag">${t('cPublished')}</span>` : ''}
      <div class="sub">${e(x.bodyName || x.decidedBy || '')} · ${e(day)} · ${e(word('method', x.method))}${x.method === 'VOTE'
        ? ` ${t('cFor')} ${e(x.votesFor)} / ${t('cAgainst')} ${e(x.votesAgainst)} / ${t('cAbstain')} ${e(x.abstentions)}` : ''}</div>
      <div class="decision-text">${e(x.text)}</div>
      ${tasks.length ? `<div class="sub">${t('cTasks')}: ${tasks.join(' ')}</div>` : ''}
      ${supervision ? `<div class="sub">${t('cSupervision')}: ${tag('result', supervision)}</div>` : ''}</li>`;
  }

  /** A task, overdue ones in red with their days; its topic found through its decision. */
  tasks(x) {
    const decision = (this.data.decisions || []).find(d => d.id === x.decision);
    const topicId = decision?.topic;
    return `<li ${topicId ? `data-topic="${e(topicId)}"` : ''} data-task="${e(x.id)}" class="${x.overdue ? 'task-overdue' : ''}">
      <b>${e(x.title)}</b> ${tag('taskStatus', x.status)}${overdueMark(x)}
      <div class="sub">${e(word('ownerKind', x.ownerKind))} ${e(x.ownerName || '')} · ${t('cDueOn')} ${e(x.dueOn)}</div></li>`;
  }
}
