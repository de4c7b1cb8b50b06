// A topic's panel: its source, cases (links to the console), supporters, meetings (attendance and quorum), the
// decision with its votes, the tasks (overdue in red with the days) and the supervision check; the actions the next
// step needs (accept/decline, plan a meeting, attendance, decision, task, evidence/done/verify, supervision, publish).
import { getJson } from './api.js';
import { t, when } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { word } from './consultation-text.js';
import { overdueMark } from './consultation-lists.js';
import { Forms } from './consultation-forms.js';

const tag = (kind, code) => `<span class="tag s-${e(code)}">${e(word(kind, code))}</span>`;

export class TopicPanel {
  constructor(store, map, onChanged) {
    this.store = store;
    this.map = map;
    this.onChanged = onChanged;
    this.topic = null;
    this.forms = new Forms(store, map, () => this.reload());
  }

  async open(id) {
    this.id = id;
    this.forms.close();
    const topic = await getJson(`/api/v1/topics/${encodeURIComponent(id)}`);
    if (this.id !== id) return;
    this.topic = topic;
    // The meetings' details (attendance, quorum) are read with the topic, so the panel shows them at once.
    // The cases' statuses are read too: the panel shows a case in consultation, then resolved by the decision.
    const [meetings, cases] = await Promise.all([
      Promise.all((topic.meetings || []).map(m => getJson(`/api/v1/meetings/${encodeURIComponent(m)}`).catch(() => null))),
      Promise.all((topic.cases || []).map(c => getJson(`/api/v1/incidents/${encodeURIComponent(c)}`)
        .catch(() => ({ id: c }))))]);
    if (this.id !== id) return;
    this.meetings = meetings.filter(Boolean);
    this.cases = cases;
    this.draw();
  }

  async reload() {
    if (this.id) await this.open(this.id);
    await this.onChanged();
  }

  close() {
    this.id = null;
    this.topic = null;
    this.forms.close();
    document.getElementById('panel').hidden = true;
    document.getElementById('list').hidden = false;
    document.getElementById('tabs').hidden = false;
  }

  draw() {
    const x = this.topic;
    if (!x) return;
    const panel = document.getElementById('panel');
    document.getElementById('list').hidden = true;
    document.getElementById('tabs').hidden = true;
    panel.hidden = false;
    const decision = x.decision;
    panel.innerHTML = `<button type="button" class="back">${t('cBack')}</button>
      <h2 id="topic-title" data-topic="${e(x.id)}">${e(x.title)} ${tag('topicStatus', x.status)}</h2>
      <dl>
        <dt>${t('cSource')}</dt><dd id="topic-source">${e(word('source', x.source))}</dd>
        <dt>${t('cBody')}</dt><dd id="topic-body">${e(x.bodyName || '')}</dd>
        ${x.proposer ? `<dt>${t('cProposer')}</dt><dd>${e(x.proposer)}</dd>` : ''}
        <dt>${t('cSupporters')}</dt><dd id="topic-supporters">${e(x.supporters ?? 0)}</dd>
        ${x.declineReason ? `<dt>${t('cReason')}</dt><dd>${e(x.declineReason)}</dd>` : ''}
      </dl>
      ${x.description ? `<p>${e(x.description)}</p>` : ''}
      ${this.casesHtml()}
      ${this.meetingsHtml()}
      ${decision ? this.decisionHtml(decision) : ''}
      ${this.tasksHtml(x.tasks || [])}
      ${x.supervision ? `<h3>${t('cSupervision')}</h3><p id="topic-supervision">${tag('result', x.supervision.result)}
        ${e(x.supervision.memberName || '')} · ${when(x.supervision.checkedAt)}${x.supervision.note ? `<br>${e(x.supervision.note)}` : ''}</p>` : ''}
      <div class="actions" id="topic-actions">${this.actions(x).map(([act, label]) =>
        `<button type="button" data-act="${act}">${t(label)}</button>`).join('')}</div>
      <div id="form"></div>`;
    panel.querySelector('.back').addEventListener('click', () => this.close());
    panel.querySelectorAll('#topic-actions button').forEach(b => b.addEventListener('click', () => this.act(b.dataset.act)));
    panel.querySelectorAll('[data-task-act]').forEach(b => b.addEventListener('click', () =>
      this.taskAct(b.dataset.taskAct, b.dataset.task)));
  }

  casesHtml() {
    if (!this.cases.length) return '';
    return `<h3>${t('cCases')}</h3><ul class="items" id="topic-cases">${this.cases.map(c => `<li data-case="${e(c.id)}"
      data-status="${e(c.status || '')}"><a href="/console.html#case=${encodeURIComponent(c.id)}" title="${e(t('cCaseLink'))}">${e(c.id)}</a>
      ${c.status ? ` <span class="tag case-status s-case-${e(c.status)}">${e(t(c.status))}</span>` : ''}
      ${c.description ? `<div class="sub">${e(c.description)}</div>` : ''}</li>`).join('')}</ul>`;
  }

  meetingsHtml() {
    if (!this.meetings.length) return '';
    return `<h3>${t('cMeetings')}</h3><ul class="items" id="topic-meetings">${this.meetings.map(m => `<li data-meeting="${e(m.id)}">
      <b>${e(m.title)}</b> ${tag('meetingStatus', m.status)}
      <div class="sub">${when(m.startsAt)}${m.placeName ? ` · ${e(m.placeName)}` : ''}</div>
      ${m.quorumMet === true ? `<div class="quorum ok">${t('cQuorumMet')}${m.attendees ? ` · ${t('cAttendees')} ${e(m.attendees)}` : ''}</div>`
        : m.quorumMet === false ? `<div class="quorum no">${t('cNoQuorumCannotDecide')}</div>` : ''}
      ${m.minutes ? `<div class="sub">${t('cMinutes')}: ${e(m.minutes)}</div>` : ''}</li>`).join('')}</ul>`;
  }

  decisionHtml(d) {
    const votes = d.votes || [];
    return `<h3>${t('cDecision')}</h3><div id="topic-decision" data-adopted="${e(d.adopted)}">
      <span class="tag ${d.adopted ? 'r-PASS' : 'r-FAIL'}">${d.adopted ? t('cAdopted') : t('cNotAdopted')}</span>
      ${e(word('method', d.method))}${d.method === 'VOTE' ? ` · ${t('cFor')} ${e(d.votesFor)} / ${t('cAgainst')}`
        + ` ${e(d.votesAgainst)} / ${t('cAbstain')} ${e(d.abstentions)}` : ''}
      ${d.publishedAt ? ` · <span class="tag">${t('cPublished')}</span>` : ''}
      <p class="decision-text">${e(d.text)}</p>
      ${d.decidedBy ? `<div class="sub">${e(d.decidedBy)} · ${when(d.recordedAt)}</div>` : ''}
      ${votes.length ? `<table class="votes"><tbody>${votes.map(v => `<tr><td>${e(v.name)}</td>`
        + `<td>${e(word('choice', v.choice))}</td></tr>`).join('')}</tbody></table>` : ''}</div>`;
  }

  tasksHtml(tasks) {
    if (!tasks.length) return '';
    const staff = this.store.writer;
    return `<h3>${t('cTasks')}</h3><ul class="items" id="topic-tasks">${tasks.map(k => `<li data-task="${e(k.id)}" data-status="${e(k.status)}"
      class="${k.overdue ? 'task-overdue' : ''}"><b>${e(k.title)}</b> ${tag('taskStatus', k.status)}${overdueMark(k)}
      <div class="sub">${e(word('ownerKind', k.ownerKind))} ${e(k.ownerName || '')} · ${t('cDueOn')} ${e(k.dueOn)}`
      + `${k.evidence ? ` · ${t('cEvidence')} ${e(k.evidence)}` : ''}</div>
      ${staff ? `<div class="task-actions">${taskActions(k).map(([a, label]) =>
        `<button type="button" data-task-act="${a}" data-task="${e(k.id)}">${t(label)}</button>`).join('')}</div>` : ''}</li>`).join('')}</ul>`;
  }

  /** The steps open to the reader at the topic's status. */
  actions(x) {
    if (!this.store.writer) return [];
    const planned = this.meetings.some(m => m.status === 'PLANNED');
    const heldWithQuorum = this.meetings.some(m => m.status === 'HELD' && m.quorumMet === true);
    const list = [];
    if (x.status === 'PROPOSED') list.push(['accept', 'cAccept'], ['decline', 'cDecline']);
    if (x.status === 'ACCEPTED') {
      list.push(['meeting', 'cPlanMeeting']);
      if (planned) list.push(['attendance', 'cRecordAttendance']);
      if (heldWithQuorum) list.push(['decision', 'cRecordDecision']);
    }
    if (x.status === 'DECIDED') list.push(['task', 'cAddTask']);
    if (x.status === 'CARRIED_OUT') list.push(['supervise', 'cSupervise']);
    if (x.decision && !x.decision.publishedAt) list.push(['publish', 'cPublish']);
    return list;
  }

  async act(action) {
    const x = this.topic;
    if (action === 'accept') return this.forms.post(`/api/v1/topics/${x.id}/accept`, {});
    if (action === 'publish') return this.forms.post(`/api/v1/decisions/${x.decision.id}/publish`, {});
    const planned = this.meetings.filter(m => m.status === 'PLANNED');
    const held = this.meetings.filter(m => m.status === 'HELD' && m.quorumMet === true);
    const forms = { decline: () => this.forms.decline(x), meeting: () => this.forms.meeting(x),
      attendance: () => this.forms.attendance(x, planned[planned.length - 1]), decision: () => this.forms.decision(x, held[held.length - 1]),
      task: () => this.forms.task(x), supervise: () => this.forms.supervision(x) };
    return forms[action]?.();
  }

  taskAct(action, taskId) {
    if (action === 'evidence') return this.forms.evidence(taskId);
    if (action === 'reject') return this.forms.rejectTask(taskId);
    return this.forms.post(`/api/v1/tasks/${taskId}/${action}`, {});
  }
}


function taskActions(k) {
  if (k.status === 'OPEN') return [['evidence', 'cAddEvidence'], ['done', 'cMarkDone']];
  if (k.status === 'DONE') return [['verify', 'cVerify'], ['reject', 'cReject']];
  return [];
}

