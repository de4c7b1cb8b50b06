// A case that came from the 12345 hotline, in the console (issue 17, part E): its ticket number (linked to the hotline
// page), the hotline's 签收 and 办结 deadlines and when it was signed. The ticket is read from the hotline API by the
// case's id (GET /api/v1/hotline/tickets?case=…, the command centre's); a case from any other channel, or a reader the
// hotline API refuses, shows nothing.
import { getJson } from './api.js';
import { t, when } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { word } from './hotline-text.js';

/** The placeholder inside the case's <dl> that the ticket's rows fill once read. */
export const HOTLINE_SLOT = '<div id="case-hotline-rows" class="hotline-rows"></div>';

/** Rows for the case's <dl> from a ticket ({ticketNumber, status, signBy, signedAt, signedLate, dueBy}). */
export function hotlineRows(h) {
  const late = (at, done) => (at && Date.parse(done || new Date().toISOString()) > Date.parse(at) ? ' class="late"' : '');
  return `<dt>${t('hNumber')}</dt><dd id="case-hotline"><a href="/hotline.html#ticket=${encodeURIComponent(h.ticketNumber)}">${e(h.ticketNumber)}</a>
      ${h.status ? ` · <span id="case-hotline-status">${e(word('status', h.status))}</span>` : ''}</dd>
    <dt>${t('hSignBy')}</dt><dd id="case-hotline-sign-by"${late(h.signBy, h.signedAt)}>${when(h.signBy)}${h.signedAt
      ? ` · ${t('hSignedAt')} ${when(h.signedAt)}${h.signedLate ? ` (${t('hSignedLate')})` : ''}` : ''}</dd>
    <dt>${t('hDueBy')}</dt><dd id="case-hotline-due-by"${late(h.dueBy, h.status === 'REPLIED' || h.status === 'VISITED' ? h.dueBy : null)}>${when(h.dueBy)}</dd>`;
}

/** Fills the case's hotline slot when the case came from the hotline. */
export async function showHotline(c) {
  if (c.channel !== 'HOTLINE' && !c.hotline) return;
  let ticket = c.hotline;
  if (!ticket) {
    try {
      ticket = (await getJson(`/api/v1/hotline/tickets?case=${encodeURIComponent(c.id)}`)).tickets?.[0];
    } catch {
      return; // not the command centre, or the hotline API unavailable: the case panel stands without it
    }
  }
  const slot = document.getElementById('case-hotline-rows');
  if (ticket && slot && document.getElementById('detail')?.dataset.caseId === c.id) slot.innerHTML = hotlineRows(ticket);
}
