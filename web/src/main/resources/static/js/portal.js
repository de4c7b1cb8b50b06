// The public portal (issue 17): a resident finds their building (address search or a click on the map) and sees their
// grid's member and police officer with duty lines, the community centre's hours, current notices and guides, recent
// results, the Atom feed, and may subscribe to the grid's notices. ?area=GRIDCODE opens that grid.
import { getJson, postJson, signedInUser, signInHref } from './api.js';
import { startLanguage, onLanguageChange, t } from './i18n.js';
import { AreaLayers } from './layers.js';
import { startMap } from './basemap.js';
import { whenReady } from './startup.js';
import { attachAddressSearch } from './address-search.js';
import { fill } from './portal-text.js';
import { el, renderPortal } from './portal-view.js';

const L = window.L;
let map = null, marker = null, shown = null, failure = null, me = null, subscription = null;

async function start() {
  startLanguage();
  await whenReady();
  ({ map } = await startMap('map'));
  me = await signedInUser();
  const areas = new AreaLayers(map);
  areas.load().catch(err => console.warn('areas', err));
  map.on('click', e => openAt(`lon=${e.latlng.lng.toFixed(7)}&lat=${e.latlng.lat.toFixed(7)}`, e.latlng.lng, e.latlng.lat));
  attachAddressSearch({ input: document.getElementById('address'), list: document.getElementById('address-results'),
    status: document.getElementById('address-status'),
    onPick: r => {
      map.setView([r.lat, r.lon], Math.max(map.getZoom(), 16));
      openAt(`lon=${r.lon}&lat=${r.lat}`, r.lon, r.lat);
    } });
  onLanguageChange(render);
  const area = new URLSearchParams(location.search).get('area');
  if (area) await openAt(`area=${encodeURIComponent(area)}`);
  window.gridwatchPortal = { map, areas, openAt, showCard };
  document.body.dataset.ready = 'true';
}

/** Asks the portal of the place (a query string) and shows it; the pin goes where the resident pointed. */
async function openAt(query, lon, lat) {
  const root = document.getElementById('portal');
  root.replaceChildren(el('p', { className: 'hint' }, t('portalLoading')));
  if (lon !== undefined) pin(lon, lat);
  try {
    shown = await getJson(`/api/v1/portal?${query}`);
    failure = null;
    subscription = null;
    history.replaceState(null, '', `?area=${encodeURIComponent(shown.grid.code)}${location.hash}`);
    if (lon === undefined) focusGrid();
  } catch (err) {
    shown = null;
    failure = err;
  }
  render();
  if (matchMedia('(max-width: 760px)').matches) showCard();
}

/** On a phone the side panel scrolls to the grid's card (the search box above it has done its job). */
export function showCard() {
  const side = document.getElementById('side'), card = document.getElementById('portal');
  side.scrollTop += card.getBoundingClientRect().top - side.getBoundingClientRect().top - 8;
}

function render() {
  const root = document.getElementById('portal');
  document.title = `Gridwatch ${t('portalTitle')}`;
  if (failure) {
    const outside = failure.status === 404;
    root.replaceChildren(el('p', { className: 'notice', role: 'alert' },
      outside ? t('portalOutside') : fill(t('portalFailed'), { error: failure.message })));
    return;
  }
  if (!shown) { root.replaceChildren(); return; }
  renderPortal(root, shown, subscribeSlot());
}

/** Subscribing needs a signed-in resident (part C's API); until it answers, the button says so and nothing breaks. */
function subscribeSlot() {
  if (!me) return el('p', {}, el('a', { id: 'subscribe-sign-in', href: signInHref() }, t('portalSubscribeSignIn')));
  if (subscription === 'done') return el('p', { id: 'subscribe-state', className: 'ok' }, t('portalSubscribed'));
  const button = el('button', { id: 'subscribe', type: 'button' }, t('portalSubscribe'));
  const state = el('p', { id: 'subscribe-state', className: 'hint', 'aria-live': 'polite' },
    subscription ? fill(t('portalSubscribeFailed'), { error: subscription }) : '');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await postJson('/api/v1/subscriptions', { kind: 'AREA', target: shown.grid.code });
      subscription = 'done';
    } catch (err) {
      subscription = err.message || String(err.status);
    }
    render();
  });
  return el('div', {}, button, state);
}

function pin(lon, lat) {
  if (marker) marker.remove();
  marker = L.circleMarker([lat, lon], { radius: 9, color: '#1f6feb', weight: 3, fillOpacity: 0.3 }).addTo(map);
}

/** Opened by a grid code: the map goes to the grid (the point the answer measured from). */
function focusGrid() {
  pin(shown.lon, shown.lat);
  map.setView([shown.lat, shown.lon], Math.max(map.getZoom(), 16));
}

start();
