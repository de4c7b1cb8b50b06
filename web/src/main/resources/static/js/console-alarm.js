// The overdue alarm: when the SLA clock finds a case's deadline passed (live event with deadlinePassed), the console
// beeps (WebAudio, no sound file) unless muted, and flashes the case in a banner until the operator looks at it.
import { t } from './i18n.js';
import { escapeHtml } from './layers.js';
import './console-text.js';

const MUTE_KEY = 'gridwatch.alarmMuted';
/** What the alarm did, for people debugging a quiet console and for tests: flashes shown, beeps played. */
const record = window.gridwatchAlarm = { flashes: 0, beeps: 0, ids: [] };
let audio = null;

function muted() { return localStorage.getItem(MUTE_KEY) === 'true'; }

/** Two short tones (880 Hz, then 660 Hz): audible over a room, not alarming enough to startle. */
function beep() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  audio = audio || new Context();
  audio.resume?.().catch(() => {});
  [[880, 0], [660, 0.25]].forEach(([hz, at]) => {
    const tone = audio.createOscillator(), gain = audio.createGain();
    tone.frequency.value = hz;
    gain.gain.setValueAtTime(0.2, audio.currentTime + at);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + at + 0.22);
    tone.connect(gain).connect(audio.destination);
    tone.start(audio.currentTime + at);
    tone.stop(audio.currentTime + at + 0.22);
  });
  record.beeps++;
}

/** Raises the alarm for a case: a flashing banner naming it (click opens the case), and the beep unless muted. */
export function raiseAlarm(id, onOpen) {
  const banner = document.getElementById('alarm');
  banner.innerHTML = `<button type="button" data-id="${escapeHtml(id)}">⚠ ${t('alarmOverdue')} <b>${escapeHtml(id)}</b></button>`;
  banner.hidden = false;
  banner.classList.remove('flash');
  void banner.offsetWidth; // restarts the animation for a second alarm
  banner.classList.add('flash');
  banner.querySelector('button').addEventListener('click', () => { banner.hidden = true; onOpen(id); });
  record.flashes++;
  record.ids.push(id);
  if (!muted()) beep();
}

/** The mute toggle in the header; the choice is kept in localStorage. */
export function startAlarm() {
  const button = document.getElementById('alarm-mute');
  const show = () => {
    button.textContent = muted() ? t('alarmMuted') : t('alarmMute');
    button.title = t('alarmMuteTitle');
    button.setAttribute('aria-pressed', String(muted()));
  };
  button.addEventListener('click', () => { localStorage.setItem(MUTE_KEY, String(!muted())); show(); });
  show();
  return show;
}

/** Re-words a banner that is up (language switch). */
export function rewordAlarm() {
  const b = document.querySelector('#alarm button');
  if (b) b.innerHTML = `⚠ ${t('alarmOverdue')} <b>${escapeHtml(b.dataset.id)}</b>`;
}
