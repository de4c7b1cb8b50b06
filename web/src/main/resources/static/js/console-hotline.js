// A case that came from the 12345 hotline, in the console (issue 17, part E): its ticket number (linked to the hotline
// page), the hotline's 签收 and 办结 deadlines and when it was signed. Read from the case's `hotline` block
// ({ticketNumber, signBy, dueBy, signedAt, status}); nothing is shown for a case without one.
import { t, when } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { word } from './hotline-text.js';

/** Rows for the case's <dl>; '' when the case has no hotline ticket. */
export function hotlineRows(c) {
  const h = c.hotline;
  if (!h || !h.ticketNumber) return '';
  const late = (at, done) => (at && Date.parse(done || new Date().toISOString()) > Date.parse(at) ? ' class="late"' : '');
  return `<dt>${t('hNumber')}</dt><dd id="case-hotline"><a href="/hotline.html#ticket=${encodeURIComponent(h.ticketNumber)}">${e(h.ticketNumber)}</a>
      ${h.status ? ` · <span id="case-hotline-status">${e(word('status', h.status))}</span>` : ''}</dd>
    <dt>${t('hSignBy')}</dt><dd id="case-hotline-sign-by"${late(h.signBy, h.signedAt)}>${when(h.signBy)}${h.signedAt
      ? ` · ${t('hSignedAt')} ${when(h.signedAt)}` : ''}</dd>
    <dt>${t('hDueBy')}</dt><dd id="case-hotline-due-by"${late(h.dueBy, null)}>${when(h.dueBy)}</dd>`;
}
