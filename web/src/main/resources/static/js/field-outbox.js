// The field app's one way to write. Every report, photo, case action and batch of patrol points becomes an item of
// this outbox, kept on the phone in IndexedDB (photos as Blobs), each with the Idempotency-Key made when the item
// was made. Items are sent one at a time, in the order they were made, whenever the phone is online:
// - a network failure, 5xx, 408 or 429 keeps the item at the head and retries it with a growing pause (the key
//   makes a retry of something the server did receive store nothing twice);
// - any other 4xx is the server's "no": the item stops there with the problem's words, for the worker to read,
//   and is skipped (with the items that need its answer) until retried or discarded;
// - 401: the session ended; the outbox waits for the worker to sign in again.
// An item may need the answer of an earlier one (a photo of a report made offline needs the case number): it names
// the earlier item's `ref` in `needs`, and `{id}` in its path is filled with that answer's id when it is sent.

const DB_NAME = 'gridwatch-field';
const ITEMS = 'outbox';
const REFS = 'refs';
const MAX_PAUSE_MS = 60000;

let db = null;
let running = false;
let again = false;
let timer = null;
let attemptsAtHead = 0;
let waitingForSignIn = false;
const listeners = { change: [], sent: [], signin: [] };

function openDb() {
  if (db) return Promise.resolve(db);
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(ITEMS, { keyPath: 'seq', autoIncrement: true });
      request.result.createObjectStore(REFS, { keyPath: 'ref' });
    };
    request.onsuccess = () => { db = request.result; resolve(db); };
    request.onerror = () => reject(request.error);
  });
}

/** One IndexedDB request in its own transaction, as a promise that settles once the transaction has committed. */
async function stored(store, mode, use) {
  const d = await openDb();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(store, mode);
    const request = use(tx.objectStore(store));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** A random UUID; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function on(event, fn) { listeners[event].push(fn); }
function emit(event, ...args) { listeners[event].forEach(fn => { try { fn(...args); } catch (e) { console.error(e); } }); }

/** Every item still in the outbox, oldest first. */
export function items() { return stored(ITEMS, 'readonly', s => s.getAll()); }

/**
 * Adds an item: {topic, label: {zh, en}, path, json | form: {file, name, kind}, ref?, needs?}. Answers it with
 * its seq and Idempotency-Key, once it is on the phone.
 */
export async function add(item) {
  const full = { ...item, method: 'POST', key: newKey(), state: 'pending', error: null, createdAt: new Date().toISOString() };
  full.seq = await stored(ITEMS, 'readwrite', s => s.add(full));
  emit('change');
  kick();
  return full;
}

export async function discard(seq) {
  await stored(ITEMS, 'readwrite', s => s.delete(seq));
  emit('change');
  kick();
}

/** Empties the outbox (signing out: what is left must not go out under the next account). */
export async function clearAll() {
  await stored(ITEMS, 'readwrite', s => s.clear());
  await stored(REFS, 'readwrite', s => s.clear());
  emit('change');
}

export async function retry(seq) {
  const item = await stored(ITEMS, 'readonly', s => s.get(seq));
  if (!item) return;
  await stored(ITEMS, 'readwrite', s => s.put({ ...item, state: 'pending', error: null }));
  emit('change');
  kick();
}

/** The answer an earlier item gave ({ref, id, followToken, body}), once it has been sent. */
export function answerOf(ref) { return stored(REFS, 'readonly', s => s.get(ref)); }

/** Wakes the outbox: after a new item, when the phone comes online, after signing in. */
export function kick(afterSignIn = false) {
  if (afterSignIn) waitingForSignIn = false;
  clearTimeout(timer);
  timer = null;
  run().catch(e => console.error(e));
}

export function isWaitingForSignIn() { return waitingForSignIn; }

/** One sender at a time, across every tab of the app on this phone (two would send an item twice). */
function run() {
  if (running) { again = true; return Promise.resolve(); }
  if (waitingForSignIn) return Promise.resolve();
  if (!navigator.locks) return sendAll();
  return navigator.locks.request('gridwatch-field-outbox', { ifAvailable: true }, lock => (lock ? sendAll() : null));
}

async function sendAll() {
  if (running) return;
  running = true;
  try {
    if (navigator.onLine && (await items()).length && !(await stillSignedIn())) {
      waitingForSignIn = true;
      emit('change');
      emit('signin');
      return;
    }
    while (navigator.onLine) {
      const all = await items();
      const next = await nextToSend(all);
      if (!next) return;
      const outcome = await send(next);
      if (outcome === 'retry') {
        attemptsAtHead++;
        const pause = Math.min(MAX_PAUSE_MS, 1000 * 2 ** Math.min(attemptsAtHead - 1, 6)) * (0.8 + 0.4 * Math.random());
        timer = setTimeout(() => kick(), pause);
        emit('change');
        return;
      }
      attemptsAtHead = 0;
      if (outcome === 'signin') {
        waitingForSignIn = true;
        emit('change');
        emit('signin');
        return;
      }
    }
  } finally {
    running = false;
    // Woken while sending (an item added just as the last one went): look again, unless a pause is running.
    if (again && timer === null && !waitingForSignIn) { again = false; kick(); }
    again = false;
  }
}

/**
 * The first item that can go now: failed items wait for the worker, and so does an item whose `needs` names an
 * earlier item that failed (or was discarded before it was sent: then it fails itself, saying so).
 */
async function nextToSend(all) {
  const held = new Set(all.filter(i => i.state === 'failed' && i.ref).map(i => i.ref));
  for (const item of all) {
    if (item.state === 'failed') continue;
    if (!item.needs) return item;
    if (held.has(item.needs)) { if (item.ref) held.add(item.ref); continue; }
    if (all.some(i => i.ref === item.needs)) return item; // its producer is earlier in the outbox and still pending
    if (await answerOf(item.needs)) return item;
    await fail(item, { zh: '它所依附的上一项已被放弃', en: 'the item it belongs to was discarded' });
    if (item.ref) held.add(item.ref);
  }
  return null;
}

async function fail(item, reason) {
  await stored(ITEMS, 'readwrite', s => s.put({ ...item, state: 'failed', error: reason }));
  emit('change');
}

/**
 * Whether the session still holds: a report sent after it ended would go out as an anonymous resident's. Answers
 * true when the server cannot be asked (the item's own send then meets the network failure and is retried).
 */
async function stillSignedIn() {
  try {
    const r = await fetch('/api/v1/me', { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin', cache: 'no-store' });
    return r.status !== 401;
  } catch {
    return true;
  }
}

function xsrf() {
  const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.split('=')[1]) : null;
}

async function send(item) {
  const earlier = item.needs ? await answerOf(item.needs) : null;
  if (item.needs && !earlier) return 'retry'; // not possible in order; be safe
  const path = earlier ? item.path.replace('{id}', encodeURIComponent(earlier.id)) : item.path;
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'Idempotency-Key': item.key,
    'Accept-Language': localStorage.getItem('gridwatch.lang') === 'en' ? 'en' : 'zh-CN' };
  const token = xsrf();
  if (token) headers['X-XSRF-TOKEN'] = token;
  if (earlier?.followToken) headers['Follow-Token'] = earlier.followToken;
  let body;
  if (item.form) {
    body = new FormData();
    body.append('file', item.form.file, item.form.name || 'photo');
    if (item.form.kind) body.append('kind', item.form.kind);
  } else if (item.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(item.json);
  }
  let response;
  try {
    response = await fetch(path, { method: item.method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return 'retry'; // offline or the connection dropped: the key makes the retry safe
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) {
    if (item.ref) {
      await stored(REFS, 'readwrite', s => s.put({ ref: item.ref, id: data?.id, followToken: data?.followToken || null, at: new Date().toISOString() }));
    }
    await stored(ITEMS, 'readwrite', s => s.delete(item.seq));
    emit('sent', item, data);
    emit('change');
    return 'sent';
  }
  if (response.status === 401) return 'signin';
  if (response.status >= 500 || response.status === 408 || response.status === 429) return 'retry';
  await fail(item, problemText(data, response.status));
  return 'failed';
}

/** The problem's words and the fields it names, as one line. */
function problemText(problem, status) {
  if (!problem) return `HTTP ${status}`;
  const detail = problem.detail || problem.title || `HTTP ${status}`;
  const fields = (problem.errors || []).map(e => `${e.field}: ${e.reason}`).filter(f => !detail.includes(f)).join('; ');
  return [detail, fields].filter(Boolean).join(' — ');
}

window.addEventListener('online', () => kick());
document.addEventListener('visibilitychange', () => { if (!document.hidden) kick(); });
