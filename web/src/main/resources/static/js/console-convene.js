// Cases and consultation in the console (issue 16): the words of IN_CONSULTATION and of the convene/resume actions,
// the pause shown in a case's panel, and the convene form — join an ACCEPTED topic of the case's community, or open
// a new topic with a title (before a body, the residents' committee by default) — posted to /incidents/{id}/convene.
import { getJson, postJson } from './api.js';
import { addTexts, t, when } from './i18n.js';
import { escapeHtml as e } from './layers.js';

addTexts({
  IN_CONSULTATION: '协商中', convene: '提交协商', resume: '恢复处理', ev_CONVENED: '提交协商', ev_RESUMED: '恢复处理',
  cvTitle: '提交协商（议事）', cvTopic: '并入已受理的议题', cvNoTopic: '（不并入，新开议题）', cvNewTitle: '新议题标题',
  cvBody: '议事机构', cvDefaultBody: '默认：社区居民委员会', cvGo: '提交协商', cvPickOne: '请选择议题或填写新议题标题',
  cvPaused: '协商中，时限暂停', cvPausedSince: '暂停自', cvPausedTotal: '累计暂停', cvMinutes: '{m} 分钟',
  cvSettledInGrid: '纠纷在网格内化解', cvYes: '是', cvNo: '否', cvTopicLink: '在议事厅查看', cvPausedShort: '协商中（暂停计时）',
}, {
  IN_CONSULTATION: 'In consultation', convene: 'Convene', resume: 'Resume', ev_CONVENED: 'Convened', ev_RESUMED: 'Resumed',
  cvTitle: 'Convene (consultation)', cvTopic: 'Join an accepted topic', cvNoTopic: '(none: open a new topic)', cvNewTitle: 'New topic title',
  cvBody: 'Body', cvDefaultBody: "Default: the residents' committee", cvGo: 'Convene', cvPickOne: 'Choose a topic or give a new title',
  cvPaused: 'In consultation: the clock is paused', cvPausedSince: 'Paused since', cvPausedTotal: 'Paused so far',
  cvMinutes: '{m} min', cvSettledInGrid: 'Dispute settled in the grid', cvYes: 'yes', cvNo: 'no', cvTopicLink: 'Open in the consultation hall',
  cvPausedShort: 'In consultation (clock paused)',
});

const listOf = answer => (Array.isArray(answer) ? answer : answer?.items ?? []);

/** Rows for the case's <dl>: the pause while in consultation, the paused total, the dispute settled in the grid. */
export function pauseRows(c) {
  const rows = [];
  if (c.pausedAt) rows.push(`<dt>${t('cvPausedSince')}</dt><dd id="case-paused" class="paused">${t('cvPaused')} · ${when(c.pausedAt)}</dd>`);
  if (c.pausedMinutes) rows.push(`<dt>${t('cvPausedTotal')}</dt><dd id="case-paused-minutes">${t('cvMinutes').replace('{m}', c.pausedMinutes)}</dd>`);
  if (c.settledInGrid !== null && c.settledInGrid !== undefined) {
    rows.push(`<dt>${t('cvSettledInGrid')}</dt><dd id="case-settled-in-grid">${c.settledInGrid ? t('cvYes') : t('cvNo')}</dd>`);
  }
  return rows.join('');
}

/** The convene form in the case panel's picker; {@code done} runs after the case went into consultation. */
export async function pickConvene(c, picker, note, done) {
  const community = encodeURIComponent(c.communityCode || '');
  const [topics, bodies] = await Promise.all([
    getJson(`/api/v1/topics?community=${community}&status=ACCEPTED`).then(listOf).catch(() => []),
    getJson(`/api/v1/bodies?community=${community}&active=true`).then(listOf).catch(() => [])]);
  const councils = bodies.filter(b => !String(b.kind).startsWith('PARTY_'));
  picker.innerHTML = `<h3>${t('cvTitle')}</h3><form id="convene-form" class="convene">
    <label>${t('cvTopic')} <select name="topic"><option value="">${t('cvNoTopic')}</option>
      ${topics.map(x => `<option value="${e(x.id)}">${e(x.title)}</option>`).join('')}</select></label>
    <label>${t('cvNewTitle')} <input name="title" maxlength="200"></label>
    <label>${t('cvBody')} <select name="body"><option value="">${t('cvDefaultBody')}</option>
      ${councils.map(b => `<option value="${e(b.id)}">${e(b.name)}</option>`).join('')}</select></label>
    <p class="problem" hidden></p>
    <button type="submit">${t('cvGo')}</button> <button type="button" id="convene-cancel">${t('cancel')}</button></form>`;
  picker.hidden = false;
  const form = picker.querySelector('form');
  form.querySelector('#convene-cancel').addEventListener('click', () => { picker.hidden = true; });
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const topic = form.topic.value, title = form.title.value.trim(), problem = form.querySelector('.problem');
    if (!topic && !title) { problem.textContent = t('cvPickOne'); problem.hidden = false; return; }
    const body = topic ? { topic: Number(topic), note: note() || null }
      : { title, body: form.body.value ? Number(form.body.value) : null, note: note() || null };
    try {
      await postJson(`/api/v1/incidents/${encodeURIComponent(c.id)}/convene`, body);
      picker.hidden = true;
      await done();
    } catch (err) {
      const fields = (err.problem?.errors || []).map(x => x.field).join(', ');
      problem.textContent = fields ? `${err.message} (${fields})` : err.message;
      problem.hidden = false;
    }
  });
  picker.scrollIntoView({ block: 'nearest' });
}
