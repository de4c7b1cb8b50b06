// What the workbench says about one thing on its map (a popup) or in its lists: always built when shown, so that it
// is in the language on screen; every time through when(), the district's time.
import { t, when } from './i18n.js';
import { escapeHtml } from './layers.js';
import { word, weekHours } from './community-text.js';

const e = v => escapeHtml(v == null ? '' : v);
const row = (label, value) => (value == null || value === '' ? '' : `<dt>${label}</dt><dd>${value}</dd>`);

/** open, fulfilled or notFulfilled, however the booking view records its fulfilment. */
export function bookingState(b) {
  const f = b.fulfilment ?? b.fulfillment;
  const fulfilled = f && typeof f === 'object' ? f.fulfilled : b.fulfilled ?? f;
  if (fulfilled === true || b.status === 'FULFILLED') return 'fulfilled';
  if (fulfilled === false || b.status === 'NOT_FULFILLED' || b.status === 'UNFULFILLED') return 'notFulfilled';
  return 'open';
}

/** Upcoming (not ended yet) or recent. */
export function activityWhen(a, now = Date.now()) { return Date.parse(a.ends || a.starts) >= now ? 'upcoming' : 'recent'; }

/** The organisation's name by id, from what the page has read (its list and the service-area layer). */
export function orgName(store, id) {
  if (id == null) return null;
  const key = typeof id === 'object' ? id.id : id;
  if (typeof id === 'object' && id.name) return id.name;
  return store.orgNames.get(String(key)) || `#${key}`;
}

export function servicePointHtml(p, store) {
  return `<div class="popup service-point" data-id="${e(p.id)}"><h3>${e(p.name)}</h3><dl>
    ${row(t('kind'), e(word('sp', p.kind)))}
    ${row(t('openingHours'), e(weekHours(p.openingHours)))}
    ${row(t('runBy'), p.organisation == null ? t('none') : e(orgName(store, p.organisation)))}
    ${row(t('address'), e(p.address))}</dl></div>`;
}

export function activityHtml(a) {
  return `<div class="popup activity" data-id="${e(a.id)}"><h3>${e(a.title)}</h3><dl>
    ${row(t('kind'), e(word('act', a.kind)))}
    ${row(t('starts'), when(a.starts))}${row(t('ends'), when(a.ends))}
    ${row(t('attendance'), a.signedIn == null ? '—' : e(a.signedIn))}
    ${row(t('grid'), e(a.grid))}</dl></div>`;
}

export function bookingHtml(b) {
  const stateKey = { open: 'bookingOpen', fulfilled: 'bookingFulfilled', notFulfilled: 'bookingNotFulfilled' }[bookingState(b)];
  return `<div class="popup booking" data-id="${e(b.id)}"><h3>${e(word('svc', b.service) || `#${b.offer}`)}</h3><dl>
    ${row(t('bookedAt'), when(b.at))}
    ${row(t('statusLabel'), t(stateKey))}
    ${row(t('contactName'), e(b.resident?.name))}${row(t('phoneMasked'), e(b.resident?.phone))}</dl></div>`;
}

export function propertyAreaHtml(p) {
  const period = `${e(p.from || '')} – ${e(p.to || '')}`;
  return `<div class="popup property-area"><h3>${e(p.compound)}</h3><dl>
    ${row(t('propertyOf'), e(p.organisation?.name ?? p.organisation_name ?? p.organisationName ?? p.organisation))}
    ${row(t('servedFrom'), period)}</dl></div>`;
}

export function desertHtml(g) {
  return `<div class="popup desert"><h3>${e(g.name)} <small>${e(g.code)}</small></h3><dl>
    ${row(t('residentsShort'), e(g.residents))}${row(t('residentsAffected'), e(g.residentsAffected))}
    ${row(t('nearestPoint'), g.nearest == null ? '—' : `${Math.round(g.nearest)} ${t('metres')}`)}</dl></div>`;
}
