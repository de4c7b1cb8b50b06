// Patrols (巡查): start one in a grid of mine, record the phone's GPS fixes (watchPosition) and send them in batches
// to /api/v1/patrols/{id}/points, see the track and the checkpoints' 签到 state, end it. Start, batches and end all
// go through the outbox, so a round walked without signal is sent, in order, once the phone is back online. The
// patrol being walked is kept on the phone: reloading the page carries on recording.
import { t, when } from './i18n.js';
import { escapeHtml } from './layers.js';
import { fieldMap } from './field-map.js';
import { newKey } from './field-outbox.js';

const L = window.L;
const KEPT = 'gridwatch.field.patrol';
const BATCH_SIZE = 20;
const BATCH_MS = 30000;
const MAX_ACCURACY_M = 100; // a fix vaguer than this says little about where the worker walked

/**
 * Replaces an element's content only when it changed: a fix arrives every second or so, and a button redrawn under
 * the worker's thumb would lose the tap.
 */
function setHtml(id, html) {
  const el = document.getElementById(id);
  if (el.dataset.html === html) return false;
  el.innerHTML = html;
  el.dataset.html = html;
  return true;
}

/** Why the server dropped a fix, in the worker's words (the server answers a reason code). */
function fixReason(code) {
  const key = `fixReason_${String(code).replace(/-/g, '_')}`;
  return t(key) === key ? code : t(key);
}

export function mountPatrol(ctx) {
  let map = null, track = null, marks = null, watchId = null, batchTimer = null;
  let patrol = JSON.parse(localStorage.getItem(KEPT) || 'null');
  const save = () => localStorage.setItem(KEPT, JSON.stringify(patrol));

  async function start(grid) {
    const ref = `patrol-${newKey()}`;
    patrol = { ref, grid, status: 'ACTIVE', startedAt: new Date().toISOString(), fixes: [], unsent: [], checkpoints: [], lengthM: 0, id: null };
    save();
    await ctx.outbox.add({ topic: 'patrol', ref, path: '/api/v1/patrols', json: { grid },
      label: { zh: `开始巡查 ${grid}`, en: `Start patrol ${grid}` } });
    watch();
    render();
  }

  function watch() {
    if (watchId !== null || !navigator.geolocation) return;
    watchId = navigator.geolocation.watchPosition(
      p => addFix(p.coords.longitude, p.coords.latitude, p.coords.accuracy, new Date(p.timestamp)),
      () => { document.getElementById('patrol-gps').textContent = t('noGeolocation'); },
      { enableHighAccuracy: true, maximumAge: 0, timeout: 60000 });
    batchTimer = setInterval(flush, BATCH_MS);
  }

  function stopWatching() {
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    clearInterval(batchTimer);
    watchId = null;
  }

  /** One GPS fix: kept unless it is vague or a repeat of the last one; sent with the next batch. */
  function addFix(lon, lat, accuracy, at = new Date()) {
    if (!patrol || patrol.status !== 'ACTIVE') return;
    if (accuracy > MAX_ACCURACY_M) return;
    const last = patrol.fixes[patrol.fixes.length - 1];
    if (last && last.lon === lon && last.lat === lat) return;
    const fix = { lon: Number(lon.toFixed(7)), lat: Number(lat.toFixed(7)), at: at.toISOString(), accuracy: Math.round(accuracy * 10) / 10 };
    patrol.fixes.push(fix);
    patrol.unsent.push(fix);
    save();
    if (patrol.unsent.length >= BATCH_SIZE) flush();
    render();
  }

  async function flush() {
    if (!patrol || !patrol.unsent.length) return;
    const points = patrol.unsent;
    patrol.unsent = [];
    save();
    await ctx.outbox.add({ topic: 'patrol', needs: patrol.ref, path: '/api/v1/patrols/{id}/points', json: { points },
      label: { zh: `巡查轨迹 ${points.length} 个点`, en: `Patrol track, ${points.length} fixes` } });
  }

  /** 签到 by hand at a key point, from where the phone last was (the server checks it is within the point's radius). */
  async function checkIn(code) {
    const here = patrol.fixes[patrol.fixes.length - 1];
    await flush();
    await ctx.outbox.add({ topic: 'patrol', needs: patrol.ref, path: '/api/v1/patrols/{id}/checkins',
      json: { checkpoint: code, lon: here.lon, lat: here.lat }, label: { zh: `签到 ${code}`, en: `Check in at ${code}` } });
  }

  async function end() {
    await flush();
    stopWatching();
    patrol.status = 'ENDING';
    save();
    await ctx.outbox.add({ topic: 'patrol', needs: patrol.ref, path: '/api/v1/patrols/{id}/end',
      label: { zh: `结束巡查 ${patrol.grid}`, en: `End patrol ${patrol.grid}` } });
    render();
  }

  ctx.outbox.on('sent', (item, answer) => {
    if (item.topic !== 'patrol' || !patrol || !answer) return;
    if (item.ref === patrol.ref) Object.assign(patrol, { id: answer.id, startedAt: answer.startedAt || patrol.startedAt });
    else if (item.needs !== patrol.ref) return;
    if (answer.checkpoints) patrol.checkpoints = answer.checkpoints;
    if (answer.lengthM !== undefined) patrol.lengthM = answer.lengthM;
    if (Array.isArray(answer.rejected) && answer.rejected.length) {
      patrol.rejected = (patrol.rejected || 0) + answer.rejected.length;
      patrol.lastRejection = answer.rejected[answer.rejected.length - 1].reason;
    }
    if (answer.status === 'ENDED') patrol.status = 'ENDED';
    save();
    render();
  });

  function draw() {
    if (!map || !patrol) return;
    track.setLatLngs(patrol.fixes.map(f => [f.lat, f.lon]));
    marks.clearLayers();
    for (const c of patrol.checkpoints) {
      L.circle([c.lat, c.lon], { radius: c.radiusM, color: c.checkedAt ? '#2e7d32' : '#e65100', weight: 2, fillOpacity: 0.15 })
        .bindTooltip(c.name || c.code).addTo(marks);
    }
    const last = patrol.fixes[patrol.fixes.length - 1];
    if (last && patrol.status !== 'ACTIVE' && patrol.fixes.length > 1) map.fitBounds(track.getBounds(), { padding: [20, 20] });
    else if (last) map.setView([last.lat, last.lon], Math.max(map.getZoom(), 17)); // walking: follow the worker
    else if (patrol.checkpoints.length) map.fitBounds(L.featureGroup(marks.getLayers()).getBounds(), { padding: [16, 16] });
  }

  function render() {
    const status = document.getElementById('patrol-status');
    const grids = ctx.me?.person?.grids || [];
    if (!patrol || patrol.status === 'ENDED' && patrol.dismissed) {
      status.innerHTML = `<p class="hint">${t('patrolIdle')}</p>`;
      setHtml('patrol-controls', grids.length ? `<label for="patrol-grid">${t('grid')}</label>
        <select id="patrol-grid">${grids.map(g => `<option>${escapeHtml(g)}</option>`).join('')}</select>
        <button id="patrol-start" type="button" class="primary">${t('startPatrol')}</button>` : `<p class="hint">${t('noGrids')}</p>`);
      const startButton = document.getElementById('patrol-start');
      if (startButton) startButton.onclick = () => start(document.getElementById('patrol-grid').value);
      setHtml('checkpoint-list', '');
      return;
    }
    const checked = patrol.checkpoints.filter(c => c.checkedAt).length;
    status.innerHTML = `<div class="row"><strong>${t('patrol_' + patrol.status)}</strong><span>${escapeHtml(patrol.grid)}</span></div>
      <div class="row"><span>${t('since')} ${when(patrol.startedAt)}</span><span id="patrol-length">${Math.round(patrol.lengthM || 0)} m</span></div>
      <div class="row"><span id="patrol-gps">${t('fixes')}: <b id="patrol-fixes">${patrol.fixes.length}</b>${patrol.rejected ? ` · ${t('rejectedFixes')} <b id="patrol-rejected">${patrol.rejected}</b> (${escapeHtml(fixReason(patrol.lastRejection))})` : ''}</span>
      ${patrol.checkpoints.length ? `<span>${t('checkIns')}: <b id="patrol-checked">${checked}</b>/${patrol.checkpoints.length}</span>` : ''}</div>`;
    const here = patrol.fixes[patrol.fixes.length - 1];
    const canCheckIn = patrol.status === 'ACTIVE' && here;
    setHtml('checkpoint-list', patrol.checkpoints.map(c => `<li class="card checkpoint${c.checkedAt ? ' checked' : ''}" data-code="${escapeHtml(c.code)}">
      <span>${c.checkedAt ? '✓' : '○'} ${escapeHtml(c.name || c.code)}</span>
      ${c.checkedAt ? `<span class="hint">${t('checkedIn')} ${when(c.checkedAt)}</span>`
        : canCheckIn ? `<button type="button" class="secondary check-in" data-checkpoint="${escapeHtml(c.code)}">${t('checkIn')}</button>`
          : `<span class="hint">${t('within')} ${Math.round(c.radiusM)} m</span>`}</li>`).join(''));
    document.querySelectorAll('#checkpoint-list [data-checkpoint]').forEach(b => { b.onclick = () => checkIn(b.dataset.checkpoint); });
    setHtml('patrol-controls', patrol.status === 'ACTIVE' ? `<button id="patrol-end" type="button" class="primary danger">${t('endPatrol')}</button>`
      : patrol.status === 'ENDED' ? `<button id="patrol-new" type="button" class="primary">${t('newPatrol')}</button>` : `<p class="pending">${t('waitingToSend')}</p>`);
    const endButton = document.getElementById('patrol-end'), newButton = document.getElementById('patrol-new');
    if (endButton) endButton.onclick = end;
    if (newButton) newButton.onclick = () => { patrol.dismissed = true; save(); render(); draw(); };
    draw();
  }

  async function show() {
    if (!map) {
      map = (await fieldMap('patrol-map', ctx)).map;
      track = L.polyline([], { color: '#1565c0', weight: 5, className: 'gw-track' }).addTo(map);
      marks = L.layerGroup().addTo(map);
    }
    map.invalidateSize();
    if (patrol?.status === 'ACTIVE') watch();
    render();
  }

  return { show, addFix, flush, state: () => patrol };
}
