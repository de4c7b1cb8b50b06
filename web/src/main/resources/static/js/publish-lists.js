// The lists of the publishing page: my drafts (submit), the review queue (approve, or send back with a note), what is
// published in my scope (withdraw) and what I submitted. Titles and bodies are set as text, never as HTML.
import { t, when } from './i18n.js';
import { getJson, postJson } from './api.js';
import { word, fill } from './publish-text.js';

const TABS = [
  { id: 'drafts', label: 'pubTabDrafts', query: 'status=DRAFT&mine=true' },
  { id: 'queue', label: 'pubTabQueue', query: 'status=PENDING_REVIEW', reviewers: true },
  { id: 'published', label: 'pubTabPublished', query: 'status=PUBLISHED' },
  { id: 'mine', label: 'pubTabMine', query: 'status=PENDING_REVIEW&mine=true', writersOnly: true },
];

export class PublicationLists {
  constructor(store, say) {
    this.store = store;
    this.say = say;
    this.tab = store.reviewer ? 'queue' : 'drafts';
    this.data = {};
  }

  tabs() { return TABS.filter(x => (!x.reviewers || this.store.reviewer) && (!x.writersOnly || !this.store.reviewer)); }

  async load() {
    const answers = await Promise.all(this.tabs().map(x => getJson(`/api/v1/publications?${x.query}`).catch(() => [])));
    this.tabs().forEach((x, k) => { this.data[x.id] = answers[k]; });
    this.draw();
  }

  draw() {
    const tabs = document.getElementById('tabs');
    tabs.replaceChildren(...this.tabs().map(x => {
      const b = document.createElement('button');
      b.type = 'button';
      b.role = 'tab';
      b.dataset.tab = x.id;
      b.setAttribute('aria-selected', String(x.id === this.tab));
      b.append(t(x.label), ' ');
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = `(${(this.data[x.id] || []).length})`;
      b.append(count);
      b.addEventListener('click', () => { this.tab = x.id; this.draw(); });
      return b;
    }));
    const list = document.getElementById('list');
    const items = this.data[this.tab] || [];
    if (!items.length) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = t('pubNone');
      list.replaceChildren(p);
      return;
    }
    const ul = document.createElement('ul');
    ul.className = 'pubs';
    ul.append(...items.map(p => this.item(p)));
    list.replaceChildren(ul);
  }

  item(p) {
    const li = document.createElement('li');
    li.dataset.id = p.id;
    const h = document.createElement('h3');
    h.textContent = p.title;
    const meta = document.createElement('div');
    meta.className = 'meta';
    const status = document.createElement('span');
    status.className = `tag s-${p.status}`;
    status.textContent = word('status', p.status);
    const kind = document.createElement('span');
    kind.className = 'tag';
    kind.textContent = word('kind', p.kind);
    const validity = `${t('pubValid')} ${p.validFrom} – ${p.validTo || t('pubUntilWithdrawn')}`;
    meta.append(status, kind, [`${word('level', p.areaLevel)} · ${p.areaName}`, p.publisherName, validity,
      p.publishedAt ? `${t('pubPublishedAt')} ${when(p.publishedAt)}` : '', p.status === 'PUBLISHED' ? fill('pubReads', { n: p.readCount }) : '',
      p.createdBy ? `${t('pubWrittenBy')} ${p.createdBy}` : ''].filter(Boolean).join(' · '));
    const body = document.createElement('div');
    body.className = 'body';
    body.textContent = p.body;
    li.append(h, meta, body);
    if (p.reviewNote) {
      const note = document.createElement('div');
      note.className = 'meta';
      note.textContent = `${t('pubReviewNote')}: ${p.reviewNote}`;
      li.append(note);
    }
    if (p.attachments?.length) {
      const files = document.createElement('div');
      files.className = 'files';
      files.append(`${t('pubAttachments')}: `, ...p.attachments.map(a => {
        const link = document.createElement('a');
        link.href = a.url;
        link.textContent = a.name;
        return link;
      }));
      li.append(files);
    }
    li.append(this.actions(p));
    return li;
  }

  actions(p) {
    const box = document.createElement('div');
    box.className = 'actions';
    const note = document.createElement('textarea');
    note.name = 'note';
    if (p.status === 'DRAFT') box.append(this.button('submit', 'pubSubmit', () => this.step(p, 'submit', {}, 'pubSubmit')));
    if (p.status === 'PENDING_REVIEW' && this.tab === 'queue') {
      note.placeholder = t('pubNote');
      box.append(note, this.button('approve', 'pubApprove', () => this.step(p, 'approve', { note: note.value }, 'pubApproved')),
        this.button('reject', 'pubReject', () => {
          if (!note.value.trim()) { this.say(t('pubNoteRequired')); note.focus(); return; }
          this.step(p, 'reject', { note: note.value }, 'pubRejected');
        }, 'danger'));
    }
    if (p.status === 'PUBLISHED') {
      note.placeholder = t('pubWithdrawNote');
      const portal = document.createElement('a');
      portal.href = `/portal.html?area=${encodeURIComponent(p.areaCode)}#publication-${p.id}`;
      portal.textContent = t('pubOpenPortal');
      box.append(note, this.button('withdraw', 'pubWithdraw', () => this.step(p, 'withdraw', { note: note.value }, 'pubWithdrawn'), 'danger'),
        portal);
    }
    return box;
  }

  button(action, label, fn, cls = '') {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.action = action;
    b.className = cls;
    b.textContent = t(label);
    b.addEventListener('click', fn);
    return b;
  }

  async step(p, action, body, said) {
    try {
      const answer = await postJson(`/api/v1/publications/${p.id}/${action}`, body);
      this.say(action === 'submit' ? t(answer.status === 'PUBLISHED' ? 'pubPublished' : 'pubSentForReview') : t(said));
      await this.load();
    } catch (err) {
      this.say(err.problem?.errors?.[0]?.reason || err.message);
    }
  }
}
