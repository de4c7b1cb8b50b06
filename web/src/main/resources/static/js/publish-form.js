// The write form of the publishing page: kind, area (from the account's scope), title, text, validity, publisher, a
// service guide's details, attachments. Saves a draft or submits; files are uploaded after the publication exists.
import { t, areaName } from './i18n.js';
import { getJson, postJson } from './api.js';
import { KINDS, word, fill } from './publish-text.js';
import { upload } from './publish-upload.js';

const GUIDE_FIELDS = [['item', 'pubItem', 'input'], ['eligibility', 'pubEligibility', 'textarea'],
  ['materials', 'pubMaterials', 'textarea', 'pubMaterialsHint'], ['hours', 'pubHours', 'input'], ['fees', 'pubFees', 'input'],
  ['timeLimit', 'pubTimeLimit', 'input'], ['contactPhone', 'pubContact', 'input', 'pubContactHint']];

export class PublishForm {
  constructor(form, store, done) {
    this.form = form;
    this.store = store;
    this.done = done;
    this.points = [];
    this.errors = {};
    this.problem = '';
  }

  /** Draws the form anew in the language on screen, keeping what was typed. */
  draw() {
    const keep = this.values();
    const f = this.form;
    f.replaceChildren();
    f.append(this.select('kind', 'pubKind', KINDS.map(k => [k, word('kind', k)])));
    f.append(this.select('area', 'pubArea', this.store.areas.map(a => [a.code, `${word('level', a.level)} · ${areaName(a)}`])));
    const review = document.createElement('p');
    review.className = 'hint';
    review.id = 'review-hint';
    f.append(review);
    f.append(this.field('title', 'pubTitleField', 'input'));
    f.append(this.field('body', 'pubBody', 'textarea', 'pubBodyHint'));
    const dates = document.createElement('div');
    dates.className = 'dates';
    dates.append(this.field('validFrom', 'pubValidFrom', 'date'), this.field('validTo', 'pubValidTo', 'date', 'pubValidToHint'));
    f.append(dates);
    f.append(this.field('publisherName', 'pubPublisher', 'input'));
    const guide = document.createElement('fieldset');
    guide.id = 'guide';
    const legend = document.createElement('legend');
    legend.textContent = t('pubGuide');
    guide.append(legend);
    for (const [name, label, kind, hint] of GUIDE_FIELDS) guide.append(this.field(`guide.${name}`, label, kind, hint));
    guide.append(this.select('guide.servicePoint', 'pubServicePoint', [['', t('pubNoPoint')],
      ...this.points.map(p => [String(p.id), p.name])]));
    f.append(guide);
    const files = this.field('files', 'pubFiles', 'file', 'pubFilesHint');
    files.querySelector('input').multiple = true;
    files.querySelector('input').accept = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';
    f.append(files);
    const problem = document.createElement('div');
    problem.className = 'problem';
    problem.id = 'form-problem';
    problem.textContent = this.problem;
    f.append(problem);
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    buttons.append(this.button('save-draft', 'pubSaveDraft', 'secondary', () => this.send(false)),
      this.button('submit', 'pubSubmit', 'primary', () => this.send(true)));
    f.append(buttons);
    this.restore(keep);
    f.elements.kind.addEventListener('change', () => this.sync());
    f.elements.area.addEventListener('change', () => { this.loadPoints(); this.sync(); });
    f.onsubmit = ev => ev.preventDefault();
    this.sync();
  }

  /** Shows the guide's fields for a service guide only, and says whether the chosen area needs review. */
  sync() {
    const f = this.form;
    f.querySelector('#guide').hidden = f.elements.kind.value !== 'SERVICE_GUIDE';
    const area = this.store.areas.find(a => a.code === f.elements.area.value);
    f.querySelector('#review-hint').textContent = area ? t(area.reviewed ? 'pubReviewedHint' : 'pubDirectHint') : '';
    f.querySelector('#submit').textContent = t(area?.reviewed ? 'pubSubmitForReview' : 'pubPublishNow');
  }

  async loadPoints() {
    const code = this.form.elements.area?.value;
    this.points = code ? await getJson(`/api/v1/service-points?area=${encodeURIComponent(code)}`).catch(() => []) : [];
    const keep = this.values();
    const select = this.form.elements['guide.servicePoint'];
    if (!select) return;
    select.replaceChildren(...[['', t('pubNoPoint')], ...this.points.map(p => [String(p.id), p.name])].map(([v, label]) => option(v, label)));
    select.value = keep['guide.servicePoint'] || '';
  }

  values() {
    const out = {};
    for (const el of this.form.elements) if (el.name && el.type !== 'file') out[el.name] = el.value;
    return out;
  }

  restore(values) {
    for (const [name, value] of Object.entries(values)) {
      const el = this.form.elements[name];
      if (el && value !== undefined && [...(el.options || [{ value }])].some(o => o.value === value)) el.value = value;
    }
  }

  body(submit) {
    const v = this.values();
    const body = { kind: v.kind, title: v.title, body: v.body, area: v.area, submit };
    if (v.validFrom) body.validFrom = v.validFrom;
    if (v.validTo) body.validTo = v.validTo;
    if (v.publisherName.trim()) body.publisherName = v.publisherName.trim();
    if (v.kind === 'SERVICE_GUIDE') {
      body.guide = {};
      for (const [name] of GUIDE_FIELDS) if (v[`guide.${name}`].trim()) body.guide[name] = v[`guide.${name}`];
      if (v['guide.servicePoint']) body.guide.servicePoint = Number(v['guide.servicePoint']);
    }
    return body;
  }

  async send(submit) {
    this.errors = {};
    this.problem = '';
    this.showErrors();
    let created;
    try {
      created = await postJson('/api/v1/publications', this.body(submit));
    } catch (err) {
      const errors = err.problem?.errors || [];
      errors.forEach(e => { this.errors[e.field] = e.reason; });
      this.problem = errors.length ? `${t('pubCheck')} ${errors.map(e => e.field).join(', ')}` : err.message;
      this.showErrors();
      return;
    }
    const failed = [];
    for (const file of this.form.elements.files.files) {
      try {
        await upload(created.id, file);
      } catch (err) {
        failed.push(fill('pubUploadFailed', { name: file.name, why: err.message }));
      }
    }
    this.form.reset();
    this.draw();
    const said = created.status === 'PUBLISHED' ? 'pubPublished' : created.status === 'PENDING_REVIEW' ? 'pubSentForReview' : 'pubSaved';
    this.done([t(said), ...failed].join(' · '), created);
  }

  showErrors() {
    this.form.querySelectorAll('.field-error').forEach(el => el.remove());
    for (const [field, reason] of Object.entries(this.errors)) {
      const el = this.form.elements[field];
      if (!el) continue;
      const span = document.createElement('span');
      span.className = 'field-error';
      span.textContent = reason;
      el.after(span);
    }
    const problem = this.form.querySelector('#form-problem');
    if (problem) problem.textContent = this.problem;
  }

  field(name, label, kind, hint) {
    const l = document.createElement('label');
    l.append(t(label));
    if (hint) {
      const small = document.createElement('small');
      small.textContent = ` (${t(hint)})`;
      l.append(small);
    }
    const el = document.createElement(kind === 'textarea' ? 'textarea' : 'input');
    if (kind !== 'textarea') el.type = kind === 'input' ? 'text' : kind;
    el.name = name;
    if (name === 'title') el.maxLength = 200;
    l.append(el);
    return l;
  }

  select(name, label, choices) {
    const l = document.createElement('label');
    l.append(t(label));
    const s = document.createElement('select');
    s.name = name;
    s.append(...choices.map(([v, text]) => option(v, text)));
    l.append(s);
    return l;
  }

  button(id, label, cls, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.className = cls;
    b.textContent = t(label);
    b.addEventListener('click', action);
    return b;
  }
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}
