// The consultation panel's forms: decline a topic, plan a meeting (a service point picked on the map, or a named place
// clicked on it), record attendance (the quorum shown as members are ticked), record a decision (a vote per present
// member, or consensus where the body's rules allow it), add a task, add evidence, send a task back, the supervision
// check. A refusal shows the problem and the fields it names; nothing is kept half-done on the page either.
import { getJson, postJson } from './api.js';
import { t, districtZone } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { toast } from './toast.js';
import { word, fill, OWNER_KINDS, INVITEE_KINDS } from './consultation-text.js';
import { listOf } from './consultation-lists.js';

const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'];

/** How many present voting members a body's quorum needs of {@code voting} (BodyRules.quorumMet). */
export function quorumNeed(quorum, voting) {
  if (voting <= 0) return 1;
  return quorum === 'TWO_THIRDS' ? Math.ceil((2 * voting) / 3) : Math.floor(voting / 2) + 1;
}

/** A wall-clock time in the district's zone (datetime-local, YYYY-MM-DDTHH:mm) as an ISO instant. */
export function instantOf(local) {
  const utc = Date.parse(`${local}:00Z`);
  let guess = utc;
  for (let i = 0; i < 2; i++) guess = utc - (wallClock(guess) - guess);
  return new Date(guess).toISOString();
}

function wallClock(ms) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: districtZone(), hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(ms).map(x => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}

/** Now plus {@code days} at {@code hour}:00 in the district's zone, as a datetime-local value. */
function localAt(days, hour) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: districtZone(), year: 'numeric', month: '2-digit',
    day: '2-digit' }).formatToParts(Date.now() + days * 86400000).map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${String(hour).padStart(2, '0')}:00`;
}


export class Forms {
  constructor(store, map, done) {
    this.store = store;
    this.map = map;
    this.done = done;
  }

  box() { return document.getElementById('form'); }

  close() {
    this.map.picking = null;
    this.map.unmark();
  }

  /** Shows a form; {@code submit} reads it and answers [url, body], or null when the page itself refuses. */
  show(id, title, inner, submit) {
    const box = this.box();
    box.innerHTML = `<form class="act c-form" id="${id}"><h3>${t(title)}</h3>${inner}<div class="problem-box"></div>
      <button type="submit">${t('cSave')}</button> <button type="button" class="cancel">${t('cCancel')}</button></form>`;
    const form = box.querySelector('form');
    form.querySelector('.cancel').addEventListener('click', () => { this.close(); box.innerHTML = ''; });
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const request = submit(form);
      if (request) await this.post(...request, form);
    });
    form.scrollIntoView({ block: 'nearest' });
    return form;
  }

  /** Posts; on success the panel and lists are read again, on a refusal the form shows the problem and its fields. */
  async post(url, body, form = null) {
    try {
      await postJson(url, body);
      this.close();
      toast(t('cDone'));
      await this.done();
    } catch (err) {
      this.problem(err, form);
    }
  }

  problem(err, form) {
    const errors = err.problem?.errors || [];
    const html = `<div class="problem" role="alert"><strong>${e(err.message)}</strong>${errors.length
      ? `<ul class="field-errors">${errors.map(x => `<li class="field-error" data-field="${e(x.field)}">${e(x.field)}: ${e(x.reason || x.message || '')}</li>`).join('')}</ul>` : ''}</div>`;
    const target = form?.querySelector('.problem-box');
    if (target) target.innerHTML = html;
    else toast(err.message);
  }

  decline(x) {
    this.show('decline-form', 'cDecline', `<label>${t('cDeclineReason')} <textarea name="reason" required></textarea></label>`,
      f => [`/api/v1/topics/${x.id}/decline`, { reason: f.reason.value.trim() }]);
  }

  meeting(x) {
    const accepted = (this.store.topics || []).filter(o => o.status === 'ACCEPTED' && o.id !== x.id && o.body === x.body);
    const form = this.show('meeting-form', 'cPlanMeeting', `
      <label>${t('cMeetingTitle')} <input name="title" required maxlength="200" value="${e(x.title)}"></label>
      <label>${t('cStartsAt')} <input type="datetime-local" name="startsAt" required value="${localAt(3, 19)}"></label>
      <label>${t('cEndsAt')} <input type="datetime-local" name="endsAt" required value="${localAt(3, 21)}"></label>
      <fieldset><legend>${t('cPlace')}</legend><p class="hint">${t('cPickServicePoint')}</p>
        <output id="meeting-place" class="place"></output>
        <label>${t('cPlaceName')} <input name="placeName" maxlength="200"></label><p class="hint">${t('cPlaceOnMap')}</p></fieldset>
      <fieldset><legend>${t('cAgenda')}</legend>
        <label><input type="checkbox" name="topic" value="${e(x.id)}" checked> ${e(x.title)}</label>
        ${accepted.map(o => `<label><input type="checkbox" name="topic" value="${e(o.id)}"> ${e(o.title)}</label>`).join('')}</fieldset>
      <fieldset><legend>${t('cInvitees')}</legend><div id="invitees"></div>
        <button type="button" id="add-invitee">${t('cAddInvitee')}</button></fieldset>`, f => {
      const topics = [...f.querySelectorAll('input[name="topic"]:checked')].map(i => Number(i.value));
      const invitees = [...f.querySelectorAll('.invitee')].map(r => ({ kind: r.querySelector('select').value,
        name: r.querySelector('input').value.trim() })).filter(i => i.name);
      const body = { body: x.body, title: f.title.value.trim(), startsAt: instantOf(f.startsAt.value),
        endsAt: instantOf(f.endsAt.value), topics, invitees };
      if (this.place?.servicePoint) body.servicePoint = this.place.servicePoint.id;
      else if (this.place) body.place = { name: f.placeName.value.trim(), lon: this.place.lon, lat: this.place.lat };
      return [`/api/v1/meetings`, body];
    });
    this.place = null;
    const addInvitee = () => form.querySelector('#invitees').insertAdjacentHTML('beforeend', `<div class="invitee">
      <select>${INVITEE_KINDS.map(k => `<option value="${k}">${e(word('inviteeKind', k))}</option>`).join('')}</select>
      <input placeholder="${e(t('cInviteeName'))}" maxlength="200"></div>`);
    form.querySelector('#add-invitee').addEventListener('click', addInvitee);
    this.map.picking = pick => {
      this.place = pick;
      const sp = pick.servicePoint;
      this.map.mark(sp ? sp.lat : pick.lat, sp ? sp.lon : pick.lon);
      form.querySelector('#meeting-place').textContent = sp ? sp.name : `${pick.lon.toFixed(5)}, ${pick.lat.toFixed(5)}`;
      form.querySelector('#meeting-place').dataset.servicePoint = sp ? sp.id : '';
    };
  }

  async body(x) {
    return getJson(`/api/v1/bodies/${encodeURIComponent(x.body)}`);
  }

  async attendance(x, meeting) {
    const body = await this.body(x);
    const members = (body.members || []).filter(m => m.inTerm !== false);
    const voting = members.filter(m => m.voting).length;
    const need = quorumNeed(body.rules?.quorum, voting);
    const invitees = meeting.invitees || [];
    const form = this.show('attendance-form', 'cRecordAttendance', `<p class="sub">${e(meeting.title)}</p>
      ${members.length ? '' : `<p class="hint">${t('cNoMembers')}</p>`}
      <table class="members"><thead><tr><th>${t('cMembers')}</th><th>${t('cVoting')}</th><th>${t('cPresent')}</th></tr></thead><tbody>
      ${members.map(m => `<tr><td>${e(m.name)} <span class="sub">${e(word('role', m.role))}</span></td><td>${m.voting ? '✓' : ''}</td>
        <td><input type="checkbox" name="present" value="${e(m.id)}" data-voting="${m.voting}"></td></tr>`).join('')}</tbody></table>
      ${invitees.length ? `<fieldset><legend>${t('cInvitees')}</legend>${invitees.map(i => `<label><input type="checkbox" name="invitee"
        value="${e(i.id)}"> ${e(word('inviteeKind', i.kind))} ${e(i.name || '')}</label>`).join('')}</fieldset>` : ''}
      <label>${t('cAttendees')} <input type="number" name="attendees" min="0" max="100000" value="0"></label>
      <p id="quorum-live" class="quorum"></p>`, f => {
      const present = [...f.querySelectorAll('input[name="present"]:checked')].map(i => Number(i.value));
      return [`/api/v1/meetings/${meeting.id}/attendance`, { present, attendees: Number(f.attendees.value),
        invitees: [...f.querySelectorAll('input[name="invitee"]')].map(i => ({ id: Number(i.value), present: i.checked })) }];
    });
    const live = () => {
      const ticked = [...form.querySelectorAll('input[name="present"]:checked')];
      const presentVoting = ticked.filter(i => i.dataset.voting === 'true').length;
      const met = presentVoting >= need && voting > 0;
      const q = form.querySelector('#quorum-live');
      q.className = `quorum ${met ? 'ok' : 'no'}`;
      q.dataset.met = String(met);
      q.textContent = `${met ? t('cQuorumMet') : t('cQuorumNotMet')} · ${fill('cQuorumNeed', { need, present: presentVoting })}`;
      form.attendees.value = String(ticked.length + form.querySelectorAll('input[name="invitee"]:checked').length);
    };
    form.querySelectorAll('input[type="checkbox"]').forEach(i => i.addEventListener('change', live));
    live();
  }

  async decision(x, meeting) {
    const body = await this.body(x);
    const presentIds = presentOf(meeting);
    const voters = (body.members || []).filter(m => m.inTerm !== false && m.voting && (!presentIds || presentIds.has(m.id)));
    const consensus = body.rules?.consensusAllowed;
    const form = this.show('decision-form', 'cRecordDecision', `<p class="sub">${e(meeting.title)}</p>
      <label>${t('cText')} <textarea name="text" required maxlength="4000"></textarea></label>
      <label>${t('cMethod')} <select name="method"><option value="VOTE">${e(word('method', 'VOTE'))}</option>
        ${consensus ? `<option value="CONSENSUS">${e(word('method', 'CONSENSUS'))}</option>` : ''}</select></label>
      <table class="votes" id="vote-table"><thead><tr><th>${t('cVotes')}</th>${CHOICES.map(c => `<th>${e(word('choice', c))}</th>`).join('')}
        <th>${t('cNoVote')}</th></tr></thead><tbody>${voters.map(m => `<tr data-member="${e(m.id)}"><td>${e(m.name)}</td>
        ${[...CHOICES, ''].map(c => `<td><input type="radio" name="vote-${e(m.id)}" value="${c}" ${c === '' ? 'checked' : ''}
          aria-label="${e(m.name)} ${e(c ? word('choice', c) : t('cNoVote'))}"></td>`).join('')}</tr>`).join('')}</tbody></table>`, f => {
      const method = f.method.value;
      const votes = method === 'VOTE' ? voters.map(m => ({ member: m.id,
        choice: f.querySelector(`input[name="vote-${m.id}"]:checked`)?.value })).filter(v => v.choice) : [];
      return [`/api/v1/decisions`, { meeting: meeting.id, topic: x.id, text: f.text.value.trim(), method, votes }];
    });
    form.method.addEventListener('change', () => { form.querySelector('#vote-table').hidden = form.method.value !== 'VOTE'; });
  }

  task(x) {
    this.show('task-form', 'cAddTask', `
      <label>${t('cTaskTitle')} <input name="title" required maxlength="200"></label>
      <label>${t('cOwnerKind')} <select name="ownerKind">${OWNER_KINDS.map(k => `<option value="${k}">${e(word('ownerKind', k))}</option>`).join('')}</select></label>
      <label>${t('cOwnerName')} <input name="ownerName" maxlength="200"></label>
      <label>${t('cDueOn')} <input type="date" name="dueOn" required value="${localAt(14, 0).slice(0, 10)}"></label>`, f => {
      const name = f.ownerName.value.trim();
      return [`/api/v1/tasks`, { decision: x.decision.id, title: f.title.value.trim(), dueOn: f.dueOn.value,
        owner: name ? { kind: f.ownerKind.value, name } : null }];
    });
  }

  evidence(taskId) {
    this.show('evidence-form', 'cAddEvidence', `<label>${t('cEvidenceNote')} <textarea name="note" required maxlength="2000"></textarea></label>`,
      f => [`/api/v1/tasks/${taskId}/evidence`, { note: f.note.value.trim() }]);
  }

  rejectTask(taskId) {
    this.show('reject-form', 'cReject', `<label>${t('cNote')} <textarea name="note" required maxlength="2000"></textarea></label>`,
      f => [`/api/v1/tasks/${taskId}/reject`, { note: f.note.value.trim() }]);
  }

  async supervision(x) {
    const community = x.communityCode || this.store.community;
    const bodies = listOf(await getJson(`/api/v1/bodies?community=${encodeURIComponent(community)}&kind=SUPERVISION_COMMITTEE&active=true`));
    const committee = bodies[0] ? await getJson(`/api/v1/bodies/${bodies[0].id}`) : { members: [] };
    const members = (committee.members || []).filter(m => m.inTerm !== false);
    this.show('supervision-form', 'cSupervise', `
      <label>${t('cMember')} <select name="member">${members.map(m => `<option value="${e(m.id)}">${e(m.name)}</option>`).join('')}</select></label>
      <label>${t('cResult')} <select name="result">${['SATISFACTORY', 'UNSATISFACTORY'].map(r =>
        `<option value="${r}">${e(word('result', r))}</option>`).join('')}</select></label>
      <label>${t('cNote')} <textarea name="note" maxlength="2000"></textarea></label>`,
    f => [`/api/v1/topics/${x.id}/supervision`, { member: f.member.value ? Number(f.member.value) : null, result: f.result.value,
      note: f.note.value.trim() }]);
  }
}

/** The members present at a held meeting (its attendance); null when the answer carries none. */
function presentOf(meeting) {
  if (Array.isArray(meeting.attendance)) return new Set(meeting.attendance.filter(a => a.present).map(a => a.member));
  return null;
}
