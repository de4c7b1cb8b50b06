// Beside the projects page's map (below it on a phone): the funding rounds and their projects, the cases behind an
// area's figure, or one project's panel. Everything is drawn from what the APIs answered, in the language on screen.
import { getJson, postJson } from './api.js';
import { areaLabels } from './area-labels.js';
import { t, when, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { word, fill } from './projects-text.js';
import { money } from './projects-format.js';
import { projectHtml } from './projects-panel.js';
import { actionsHtml, formBody, actionUrl, showProblem } from './projects-actions.js';
import { Figures } from './projects-figures.js';
import { mayRecord, activityForm, warningsHtml } from './projects-activities.js';
import { dateIn } from './community-period.js';
import { needFormHtml, needBody } from './projects-need-form.js';

const e = v => escapeHtml(v == null ? '' : v);
/** Lists may come bare or wrapped ({items: […]}). */
const items = answer => (Array.isArray(answer) ? answer : answer?.items ?? answer?.projects ?? answer?.rounds ?? answer?.cases ?? []);
/** A form field's identity across redraws: its form's action, its name, the criterion or method it is for. */
const key = i => `${i.closest('form').dataset.action}|${i.name}|${i.dataset.code ?? ''}|${i.type === 'checkbox' ? i.value : ''}`;
const roundIdOf = p => (p.round && typeof p.round === 'object' ? p.round.id : p.round ?? p.roundId);

export class SidePanel {
  constructor(store, { showServiceArea, activities, onNeedRecorded }) {
    this.onNeedRecorded = onNeedRecorded;
    this.store = store;
    this.showServiceArea = showServiceArea;
    this.activities = activities;
    this.view = 'rounds';
    this.rounds = { status: 'loading', list: [] };
    this.openRound = null;
    this.projectsByRound = new Map();
    this.cases = null;
    this.project = null;
    this.feedback = null; // {action, ok, text} after the last form sent
    this.conflicts = new Set();
    this.figures = new Figures();
    this.figuresPending = false;
    this.el = document.getElementById('side');
    this.el.addEventListener('click', ev => this.click(ev));
    this.el.addEventListener('submit', ev => this.submit(ev));
  }

  async showRounds() {
    this.view = 'rounds';
    this.draw();
    try {
      this.rounds = { status: 'ok', list: items(await getJson('/api/v1/rounds')) };
      this.rounds.list.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.id ?? 0) - (a.id ?? 0));
    } catch (err) {
      console.warn('projects: rounds unavailable', err);
      this.rounds = { status: 'unavailable', list: [] };
    }
    if (this.rounds.list.length && this.openRound == null) await this.toggleRound(this.rounds.list[0].id);
    await this.loadFigures();
  }

  /** Each round's and year's figures (what the money did), read after the list so that the list shows at once. */
  async loadFigures() {
    this.figuresPending = true;
    this.draw();
    await this.figures.load(this.rounds.list);
    this.figuresPending = false;
    this.draw();
  }

  async toggleRound(id) {
    this.openRound = String(this.openRound) === String(id) ? null : id;
    if (this.openRound != null && !this.projectsByRound.has(String(id))) {
      this.projectsByRound.set(String(id), { status: 'loading', list: [] });
      this.draw();
      try {
        this.projectsByRound.set(String(id), { status: 'ok', list: items(await getJson(`/api/v1/projects?round=${encodeURIComponent(id)}`)) });
      } catch (err) {
        this.projectsByRound.set(String(id), { status: 'unavailable', list: [] });
      }
    }
    this.draw();
  }

  /** The cases behind an area's figure (the API decides who may read them; no personal data in them). */
  async showCases(code) {
    const s = this.store, feature = (s.areas[s.level] || []).find(f => f.properties.code === code);
    this.view = 'cases';
    this.cases = { code, name: feature ? feature.properties : { name: code }, status: 'loading', list: [] };
    this.draw();
    const q = new URLSearchParams({ area: code, from: s.period.from, to: s.period.to, limit: '100' });
    if (s.category) q.set('category', s.category);
    try {
      this.cases = { ...this.cases, status: 'ok', list: items(await getJson(`/api/v1/needs/cases?${q}`)) };
    } catch (err) {
      this.cases = { ...this.cases, status: 'unavailable', error: err.message };
    }
    this.draw();
  }

  /** The form to record a need by hand in an area (from its popup). */
  showNeedForm(code) {
    const s = this.store, feature = Object.values(s.areas).flat().find(f => f.properties.code === code);
    this.view = 'need';
    this.need = { code, name: feature ? feature.properties : { name: code }, stored: null };
    this.showServiceArea(null);
    this.draw();
    this.el.scrollIntoView?.({ block: 'nearest' });
  }

  /** Opens a project's panel: the project, its round's criteria and its outcomes; its service area on the map. */
  async openProject(id) {
    this.view = 'project';
    if (String(this.project?.data?.id) !== String(id)) this.feedback = null;
    this.project = { id, status: 'loading' };
    this.draw();
    history.replaceState(null, '', `#project=${id}`);
    try {
      const data = await getJson(`/api/v1/projects/${encodeURIComponent(id)}`);
      await this.knowAreas(data.areas || []);
      const roundId = roundIdOf(data);
      const [round, outcomes] = await Promise.all([
        roundId == null ? null : getJson(`/api/v1/rounds/${roundId}`).catch(() => null),
        getJson(`/api/v1/projects/${encodeURIComponent(id)}/outcomes`).catch(err => ({ unavailable: true, error: err.message }))]);
      this.project = { id, status: 'ok', data, round, outcomes };
      this.showServiceArea(data.serviceArea);
      this.activities.show(data.id);
    } catch (err) {
      this.project = { id, status: 'unavailable', error: err.message };
    }
    this.draw();
    this.el.scrollTop = 0;
  }

  /** Target areas come as codes: the page names them from the outlines it has read, reading communities when needed. */
  async knowAreas(codes) {
    const known = code => Object.values(this.store.areas).some(fs => fs.some(f => f.properties.code === code));
    if (codes.every(c => typeof c !== 'string' || known(c)) || this.store.areas.community) return;
    this.store.areas.community = (await areaLabels('communities').catch(() => [])).map(a => ({ properties: a }));
  }

  click(ev) {
    const round = ev.target.closest('[data-round]');
    if (round) return this.toggleRound(round.dataset.round);
    const project = ev.target.closest('[data-project]');
    if (project) return this.openProject(project.dataset.project);
    if (ev.target.closest('button.back')) {
      this.view = 'rounds';
      this.showServiceArea(null);
      this.activities.show(null);
      history.replaceState(null, '', location.pathname);
      return this.loadFigures();
    }
    return undefined;
  }

  /** A form in the project's panel: a reviewer's scores or check, a conflict declared, the funder's action. */
  async submit(ev) {
    const form = ev.target.closest('form[data-action]');
    if (!form) return;
    ev.preventDefault();
    const action = form.dataset.action;
    if (action === 'need') return this.submitNeed(form);
    const id = this.project.data.id;
    form.querySelectorAll('button').forEach(b => { b.disabled = true; });
    try {
      const answer = await postJson(actionUrl(id, action), formBody(form, action));
      if (action === 'conflicts') this.conflicts.add(String(id));
      this.feedback = { action, ok: true, answer };
      this.projectsByRound.delete(String(roundIdOf(this.project.data)));
      this.figures.clear(); // money and results may have changed
      await this.openProject(id);
    } catch (err) {
      form.querySelectorAll('button').forEach(b => { b.disabled = false; });
      showProblem(form, err);
    }
  }

  async submitNeed(form) {
    form.querySelectorAll('button').forEach(b => { b.disabled = true; });
    try {
      const stored = await postJson('/api/v1/needs/recorded', needBody(form));
      this.need = { ...this.need, stored };
      this.draw();
      this.el.querySelector('#need-form')?.reset();
      await this.onNeedRecorded();
    } catch (err) {
      form.querySelectorAll('button').forEach(b => { b.disabled = false; });
      showProblem(form, err);
    }
  }

  /** Draws the current view; what was typed into its forms stays (a language switch redraws them). */
  draw() {
    const typed = [...this.el.querySelectorAll('form[data-action] [name]')].map(i => [key(i), i.type === 'checkbox' ? i.checked : i.value]);
    this.el.dataset.view = this.view;
    this.el.dataset.loading = String(this.loading());
    if (this.view === 'cases') this.el.innerHTML = this.casesHtml();
    else if (this.view === 'project') this.el.innerHTML = this.projectHtml();
    else if (this.view === 'need') this.el.innerHTML = needFormHtml(this.need, this.store, this.need.stored);
    else this.el.innerHTML = this.roundsHtml();
    const byKey = new Map(typed);
    this.el.querySelectorAll('form[data-action] [name]').forEach(i => {
      if (!byKey.has(key(i))) return;
      if (i.type === 'checkbox') i.checked = byKey.get(key(i)); else i.value = byKey.get(key(i));
    });
  }

  /** Whether what the current view shows is still on its way (tests and screen readers wait on data-loading). */
  loading() {
    if (this.view === 'cases') return this.cases.status === 'loading';
    if (this.view === 'project') return this.project.status === 'loading';
    if (this.view === 'need') return false;
    return this.rounds.status === 'loading' || this.figuresPending || this.projectsByRound.get(String(this.openRound))?.status === 'loading';
  }

  publicNote() { return this.store.me ? '' : `<p class="public-note">${t('pPublicView')}</p>`; }

  roundsHtml() {
    if (this.rounds.status === 'loading') return `<p class="hint">${t('pLoading')}</p>`;
    if (this.rounds.status === 'unavailable') return `<p class="problem">${t('pRounds')}: ${t('pUnavailable')}</p>`;
    // Rounds come newest year first; each year opens with its summary.
    return `<h2>${t('pRounds')}</h2>${this.publicNote()}<ul class="items rounds">${this.rounds.list.map((r, i, all) => {
      const open = String(this.openRound) === String(r.id);
      const year = i === 0 || all[i - 1].year !== r.year ? this.figures.yearHtml(e(r.year)) : '';
      return `${year}<li data-round="${e(r.id)}" class="${open ? 'round-open' : ''}"><b>${e(r.title)}</b>
        <div class="sub">${e(r.year)} · ${e(word('kind', r.kind))} · ${t('pBudget')} ${money(r.budget)}
        ${r.phase ? ` · <span class="tag">${e(word('phase', r.phase))}</span>` : ''}</div>${this.figures.roundHtml(e(r.id))}</li>${open ? this.projectsOf(r.id) : ''}`;
    }).join('')}</ul>`;
  }

  projectsOf(roundId) {
    const p = this.projectsByRound.get(String(roundId));
    if (!p || p.status === 'loading') return `<li class="hint">${t('pLoading')}</li>`;
    if (p.status === 'unavailable') return `<li class="problem">${t('pProjects')}: ${t('pUnavailable')}</li>`;
    if (!p.list.length) return `<li class="hint">${t('pNoProjects')}</li>`;
    return `<li><ul class="items projects">${p.list.map(x => `<li data-project="${e(x.id)}"><b>${e(x.title)}</b>
      <span class="tag s-${e(x.status)}">${e(word('status', x.status))}</span>
      <div class="sub">${e(x.provider?.name ?? x.providerName ?? '')} · ${money(x.budget)}</div></li>`).join('')}</ul></li>`;
  }

  casesHtml() {
    const c = this.cases;
    const head = `<button type="button" class="back">← ${t('pBack')}</button><h2>${e(fill('pCasesOf', { area: areaName(c.name) }))}</h2>`;
    if (c.status === 'loading') return `${head}<p class="hint">${t('pLoading')}</p>`;
    if (c.status === 'unavailable') return `${head}<p class="problem">${t('pCases')}: ${t('pUnavailable')} ${e(c.error)}</p>`;
    if (!c.list.length) return `${head}<p class="hint">${t('pNoCases')}</p>`;
    const category = code => { const x = this.store.categories.find(k => k.code === code); return x ? areaName(x) : code; };
    return `${head}<table class="cases"><thead><tr><th>${t('pCaseId')}</th><th>${t('pCategory')}</th><th>${t('pReported')}</th>
      <th>${t('pStatus')}</th></tr></thead><tbody>${c.list.map(x => `<tr data-case="${e(x.id ?? x.publicId)}">
      <td>${e(x.publicId ?? x.id)}</td><td>${e(category(x.category))}</td><td>${when(x.reportedAt ?? x.reported)}</td>
      <td>${e(t(x.status))}</td></tr>`).join('')}</tbody></table>`;
  }

  projectHtml() {
    const p = this.project, back = `<button type="button" class="back">← ${t('pBack')}</button>`;
    if (p.status === 'loading') return `${back}<p class="hint">${t('pLoading')}</p>`;
    if (p.status === 'unavailable') return `${back}<p class="problem">${t('pProjects')}: ${t('pUnavailable')} ${e(p.error)}</p>`;
    return `${back}${this.publicNote()}${projectHtml(p, this.store)}${actionsHtml(p, this.store, this.feedback, this.conflicts)}${
      this.activityHtml(p)}`;
  }

  /** The activity form for those who may record one, and what the last recorded one's answer warned about. */
  activityHtml(p) {
    if (!this.store.me || !mayRecord(p.data, this.store)) return '';
    const done = this.feedback?.ok && this.feedback.action === 'activities'
      ? `<p class="stored" id="activity-stored">${t('pActivityStored')}</p>${warningsHtml(this.feedback.answer)}` : '';
    return `<section class="activities">${done}${activityForm(dateIn(new Date()))}</section>`;
  }

  /** A click on the map while the activity form is open: its place. Answers whether the click was taken. */
  placeActivity(latlng) {
    const form = this.view === 'project' && this.el.querySelector('#activity-form');
    if (!form || !latlng) return false;
    form.querySelector('[name=lon]').value = latlng.lng.toFixed(6);
    form.querySelector('[name=lat]').value = latlng.lat.toFixed(6);
    this.activities.pick(latlng);
    return true;
  }
}
