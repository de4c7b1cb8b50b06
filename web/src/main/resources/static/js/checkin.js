// The page a scanned activity QR code opens (checkin.html?activity=&code=): a volunteer signed in with their own
// account signs themselves in and out from where the phone is; organisers may sign a volunteer in on their behalf by
// number. The position is the browser's (WGS84); the server checks it against the activity's place.
import './checkin-text.js';
import { t, startLanguage, onLanguageChange, setDistrict, when } from './i18n.js';
import { getJson, postJson, signedInUser, signInHref } from './api.js';

const params = new URLSearchParams(location.search);
const activityId = params.get('activity');
const code = params.get('code');
const $ = id => document.getElementById(id);
const state = { activity: null, me: null, signedIn: false, volunteer: null, last: null, problem: null };

function render() {
  document.title = `${t('checkinTitle')} · ${t('title')}`;
  const a = state.activity;
  $('activity-title').textContent = a ? a.title : (activityId && code ? '' : t('checkinNoActivity'));
  $('activity-when').textContent = a ? `${when(a.starts)} – ${when(a.ends)}` : '';
  $('activity-kind').textContent = a ? (t('checkinKind')[a.kind] || a.kind) : '';
  const onBehalf = state.signedIn && !state.volunteer;
  $('who').textContent = !state.signedIn ? t('checkinNeedSignIn') : state.volunteer ? t('checkinYou') + state.volunteer.name : t('checkinOnBehalf');
  $('volunteer').hidden = $('volunteer-label').hidden = !onBehalf;
  $('sign-in').disabled = $('sign-out').disabled = !a || !state.signedIn;
  const last = state.last;
  $('status').textContent = !last ? '' : last === 'locating' ? t('checkinLocating')
    : last.signedOut ? `${t('checkinSignedOut')}${when(last.signedOut)} · ${t('checkinHours')(last.minutes, last.hours)}`
      : `${t('checkinSignedIn')}${when(last.signedIn)}`;
  const p = state.problem;
  $('problem').hidden = !p;
  $('problem').textContent = !p ? '' : p === 'position' ? t('checkinNoPosition')
    : p.distance !== undefined ? t('checkinTooFar')(p.distance, Math.round(p.radius)) : (p.detail || p.title || '');
}

function position() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) { reject(new Error('no geolocation')); return; }
    navigator.geolocation.getCurrentPosition(p => resolve(p.coords), reject, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  });
}

async function present(which) {
  state.problem = null;
  state.last = 'locating';
  render();
  let where;
  try {
    where = await position();
  } catch {
    state.last = null;
    state.problem = 'position';
    render();
    return;
  }
  const volunteer = state.volunteer ? state.volunteer.id : Number($('volunteer').value);
  try {
    state.last = await postJson(`/api/v1/activities/${activityId}/${which}`,
      { volunteer, lon: where.longitude, lat: where.latitude, code });
  } catch (e) {
    state.last = null;
    state.problem = e.problem || { detail: e.message };
  }
  render();
}

async function start() {
  startLanguage();
  onLanguageChange(render);
  $('login').href = signInHref();
  getJson('/api/v1/district').then(d => { setDistrict(d); render(); }).catch(() => {});
  render();
  if (!activityId || !code) { document.body.dataset.ready = 'true'; return; }
  state.me = await signedInUser();
  state.signedIn = !!state.me;
  if (state.signedIn) {
    try {
      state.activity = await getJson(`/api/v1/activities/${encodeURIComponent(activityId)}`);
    } catch (e) {
      state.problem = e.problem || { detail: e.message };
    }
    // A volunteer account's own record says who they are; other accounts sign in on someone's behalf.
    if (state.me.roles.includes('VOLUNTEER')) {
      try {
        const mine = await getJson('/api/v1/volunteer-hours');
        state.volunteer = { id: mine.volunteer, name: mine.name };
        state.last = (state.activity?.attendance || []).find(r => r.volunteer === mine.volunteer) || null;
      } catch (e) {
        state.problem = e.problem || { detail: e.message };
      }
    }
  }
  render();
  document.body.dataset.ready = 'true';
}

$('sign-in').addEventListener('click', () => present('sign-in'));
$('sign-out').addEventListener('click', () => present('sign-out'));
start();
