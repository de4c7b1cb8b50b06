// Draws a grid's portal (GET /api/v1/portal) into the side panel. Every text from the server goes in as text
// (textContent), never as HTML: a publication's body may hold markup or a script, and it must show as written.
import { getJson } from './api.js';
import { t, when, areaName } from './i18n.js';
import { fill } from './portal-text.js';

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'className') e.className = v; else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
  return e;
}

const bodies = new Map(); // publication id → full text once read (kept across language switches)
const open = new Set();   // ids of the publications the reader has opened

/** The grid's card: areas, contacts, service points, notices, guides, results, feed and the subscribe slot. */
export function renderPortal(root, p, subscribeSlot) {
  root.replaceChildren(
    el('section', { id: 'grid-card', className: 'portal-card', 'data-grid': p.grid.code },
      el('h2', {}, areaName(p.grid)),
      el('p', { className: 'hint' }, [p.subdistrict, p.community].filter(Boolean).map(areaName).join(' · ')),
      el('h3', {}, t('portalContacts')),
      el('ul', { id: 'contacts', className: 'portal-list' }, p.contacts.map(c => contact(c, p.community)))),
    section('service-points', t('portalPoints'), p.servicePoints.map(point)),
    section('notices', t('portalNotices'), p.publications.map(publication)),
    section('guides', t('portalGuides'), p.guides.map(guide)),
    section('results', t('portalResults'), [...p.results.publications.map(publication), ...p.results.decisions.map(decision)]),
    el('section', { id: 'feed', className: 'portal-card' },
      el('a', { id: 'feed-link', href: p.feed, type: 'application/atom+xml' }, t('portalFeed')),
      el('p', { className: 'hint' }, t('portalFeedHint')),
      subscribeSlot));
}

function section(id, title, items) {
  return el('section', { id, className: 'portal-card' }, el('h3', {}, title),
    items.length ? el('ul', { className: 'portal-list' }, items) : el('p', { className: 'hint' }, t('portalNone')));
}

/** A contact: the role and the person's name; the community office by its name in the page's language. */
function contact(c, community) {
  const office = c.role === 'COMMUNITY_OFFICE';
  const name = office ? fill(t('portalOffice'), { name: community ? areaName(community) : c.name }) : (c.name || t('portalNoName'));
  return el('li', { className: 'contact', 'data-role': c.role },
    office ? null : el('span', { className: 'role' }, t('portalRole_' + c.role)), office ? null : ' ', el('strong', {}, name), ' ',
    c.dutyPhone ? el('a', { className: 'tel', href: 'tel:' + c.dutyPhone.replace(/[^0-9+]/g, '') }, c.dutyPhone)
      : el('span', { className: 'hint' }, t('portalNoPhone')));
}

function point(s) {
  const hours = s.hoursToday.map(w => `${w.starts.slice(0, 5)}–${w.ends.slice(0, 5)}`).join(', ');
  const state = s.openNow ? 'open' : 'closed';
  return el('li', { className: 'service-point', 'data-id': s.id },
    el('strong', {}, s.name), ' ', el('span', { className: 'hint' }, t('portalSp_' + s.kind)),
    el('div', {}, el('span', { className: 'badge ' + state }, s.openNow ? t('portalOpenNow') : t('portalClosedNow')), ' ',
      hours ? fill(t('portalHoursToday'), { hours }) : t('portalClosedToday'), ' · ', fill(t('portalDistance'), { m: s.distanceM })),
    s.address ? el('div', { className: 'hint' }, s.address) : null);
}

/** A publication: its title in a summary line; opened, its full text (read from the publication API) as text. */
function publication(s) {
  const text = el('p', { className: 'body' });
  const details = el('details', { className: 'publication', 'data-id': s.id },
    el('summary', {}, el('span', { className: 'kind' }, t('portalKind_' + s.kind)), ' ', el('span', { className: 'title' }, s.title)),
    el('p', { className: 'hint' }, fill(t('portalPublishedBy'), { publisher: s.publisherName, at: when(s.publishedAt) }), ' · ',
      s.validTo ? fill(t('portalValid'), { from: s.validFrom, to: s.validTo }) : fill(t('portalValidOpen'), { from: s.validFrom })),
    text);
  details.addEventListener('toggle', () => {
    if (details.open) { open.add(s.id); showBody(s, text); } else open.delete(s.id);
  });
  if (open.has(s.id)) { details.open = true; showBody(s, text); }
  return el('li', {}, details);
}

async function showBody(s, target) {
  if (bodies.has(s.id)) { target.textContent = bodies.get(s.id); return; }
  target.textContent = t('portalReading');
  try {
    const full = await getJson(`/api/v1/publications/${s.id}`);
    bodies.set(s.id, full.body);
    target.textContent = full.body;
  } catch {
    target.textContent = `${t('portalReadFailed')}\n${s.excerpt}`;
  }
}

function guide(g) {
  const rows = [['portalItem', g.item], ['portalEligibility', g.eligibility], ['portalMaterials', g.materials],
    ['portalWhere', g.servicePoint], ['portalHours', g.hours], ['portalFees', g.fees], ['portalTimeLimit', g.timeLimit]]
    .filter(([, v]) => v);
  const list = el('dl', { className: 'guide-details' }, rows.map(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v)]));
  if (g.contactPhone) {
    list.append(el('dt', {}, t('portalContact')),
      el('dd', {}, el('a', { className: 'tel', href: 'tel:' + g.contactPhone.replace(/[^0-9+]/g, '') }, g.contactPhone)));
  }
  return el('li', {}, el('details', { className: 'guide', 'data-id': g.publication.id },
    el('summary', {}, el('span', { className: 'kind' }, t('portalKind_SERVICE_GUIDE')), ' ', el('span', { className: 'title' }, g.publication.title)),
    list));
}

function decision(d) {
  return el('li', {}, el('details', { className: 'decision', 'data-id': d.id },
    el('summary', {}, el('span', { className: 'kind' }, t('portalDecision')), ' ', el('span', { className: 'title' }, d.topicTitle)),
    el('p', { className: 'hint' }, fill(t('portalDecidedBy'), { body: d.bodyName, day: d.decidedOn })),
    el('p', { className: 'body' }, d.text)));
}
