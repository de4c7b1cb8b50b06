// The strip of today's figures over the console: cases reported today, overdue now, closed today and the on-time
// share of today's closings, from GET /api/v1/measures?from=<today> ("today" in the district's time zone).
import { getJson } from './api.js';
import { t, districtZone } from './i18n.js';
import './console-text.js';

let last = null, seq = 0;

/** Today's date (YYYY-MM-DD) in the district's time zone, as /api/v1/measures reads a date. */
export function today(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: districtZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Fetches the figures again (the newest request wins) and draws them. */
export async function refreshFigures() {
  const mine = ++seq;
  const answer = await getJson(`/api/v1/measures?from=${today()}`);
  if (mine !== seq) return;
  last = answer.activity;
  drawFigures();
}

/** Draws the last figures in the current language. */
export function drawFigures() {
  const strip = document.getElementById('figures');
  if (!last) return;
  const rate = last.onTimeRate == null ? '—' : `${(last.onTimeRate * 100).toFixed(1)} %`;
  const cell = (name, key, value, cls = '') =>
    `<span class="figure ${cls}"><small>${t(key)}</small> <b data-figure="${name}">${value}</b></span>`;
  strip.title = t('figuresTitle');
  strip.innerHTML = `<span class="figure-title">${t('figuresToday')}</span>`
    + cell('reported', 'figReported', last.reported)
    + cell('overdueNow', 'figOverdue', last.overdueNow, last.overdueNow > 0 ? 'bad' : '')
    + cell('closed', 'figClosed', last.closed)
    + cell('onTimeRate', 'figOnTime', rate);
  strip.dataset.from = today();
  strip.dataset.reported = last.reported; // the figures as numbers, for tests and scripts
  strip.dataset.overdueNow = last.overdueNow;
  strip.dataset.closed = last.closed;
  strip.dataset.onTimeRate = last.onTimeRate == null ? '' : last.onTimeRate;
}
