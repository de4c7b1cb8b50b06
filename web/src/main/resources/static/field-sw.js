// The field app's service worker (scope /field): keeps the app shell so that the app opens without a network,
// and the last answer of each read the app makes, for when it is offline. Writes never pass through here: they
// wait in the app's outbox (js/field-outbox.js), which sends them itself.
// VERSION is the build's (Maven fills it in): every deploy makes a new worker, which caches that deploy's shell
// and drops the caches of earlier ones.
const VERSION = '@field.version@';
const SHELL_CACHE = `gridwatch-field-shell-${VERSION}`;
const DATA_CACHE = 'gridwatch-field-data';
const SHELL = [
  '/field.html', '/field.webmanifest', '/css/app.css', '/css/field.css',
  '/js/field.js', '/js/field-text.js', '/js/field-outbox.js', '/js/field-outbox-view.js', '/js/field-signin.js',
  '/js/field-grids.js', '/js/field-map.js', '/js/field-cases.js', '/js/field-report.js', '/js/field-patrol.js', '/js/field-photos.js',
  '/js/i18n.js', '/js/api.js', '/js/startup.js', '/js/toast.js', '/js/layers.js', '/js/basemap.js', '/js/gcj02.js',
  '/js/tile-layers.js', '/js/vectorgrid-shim.js', // imported by layers.js and field-map.js (the tiles themselves need the network)
  '/js/legend-fold.js', '/js/label-declutter.js', // imported by layers.js
  '/img/field-icon.svg', '/img/field-icon-192.png', '/img/field-icon-512.png',
  '/webjars/leaflet/dist/leaflet.js', '/webjars/leaflet/dist/leaflet.css',
  '/webjars/leaflet/dist/images/marker-icon.png', '/webjars/leaflet/dist/images/marker-icon-2x.png',
  '/webjars/leaflet/dist/images/marker-shadow.png', '/webjars/leaflet/dist/images/layers.png',
  '/webjars/leaflet/dist/images/layers-2x.png',
];
/** Reads worth keeping for offline use: who I am, my cases, the categories, the map's settings, my grids' outlines. */
const KEPT_READS = [/^\/api\/v1\/(me|config|district|status|categories|locate)$/, /^\/api\/v1\/incidents$/,
  /^\/api\/v1\/incidents\/[^/]+$/, /^\/ogcapi\/collections\/grids\/items\/[^/]+$/];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL_CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('gridwatch-field-shell-') && k !== SHELL_CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (KEPT_READS.some(r => r.test(url.pathname))) {
    event.respondWith(networkThenKept(request));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.open(SHELL_CACHE).then(cache => cache.match(request, { ignoreSearch: true })
      .then(hit => hit || fetch(request))));
  }
});

/** The server's answer when there is one (and keep it); offline, the last one kept. */
async function networkThenKept(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw err;
  }
}
