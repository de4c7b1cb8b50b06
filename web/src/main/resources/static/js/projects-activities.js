// The open project's activities on the projects page's map (GET /api/v1/projects/{id}/activities): inside the service
// area a filled dot, outside a hollow one (kept but not counted as reach); a popup with the day, participants and
// volunteers. Those who may record one (the provider's staff, the funder) pick its place by clicking the map.
import { getJson } from './api.js';
import { t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { fill } from './projects-text.js';
import { number } from './projects-format.js';

const L = window.L;
const e = v => escapeHtml(v == null ? '' : v);
const INSIDE = '#2e7d32';
const OUTSIDE = '#e65100';

export class ActivitiesLayer {
  constructor(map) {
    this.map = map;
    // Above the outlined areas (their pane is 420), so that a dot inside a service area can be clicked.
    map.createPane('activities').style.zIndex = 450;
    this.layer = L.layerGroup().addTo(map);
    this.picked = L.layerGroup().addTo(map);
    this.list = [];
    this.projectId = null;
  }

  /** Reads and draws a project's activities; none when no project is open. */
  async show(projectId) {
    this.projectId = projectId;
    this.picked.clearLayers();
    this.list = [];
    this.draw();
    if (projectId == null) return;
    try {
      const list = await getJson(`/api/v1/projects/${encodeURIComponent(projectId)}/activities`);
      if (String(this.projectId) === String(projectId)) this.list = list;
    } catch (err) {
      console.warn('projects: activities unavailable', err);
    }
    this.draw();
  }

  draw() {
    this.layer.clearLayers();
    for (const a of this.list) {
      const colour = a.insideServiceArea ? INSIDE : OUTSIDE;
      const marker = L.circleMarker([a.lat, a.lon], { pane: 'activities', radius: 7, color: colour, weight: 2, fillColor: colour,
        fillOpacity: a.insideServiceArea ? 0.85 : 0, dashArray: a.insideServiceArea ? null : '3 2',
        className: `gw-activity ${a.insideServiceArea ? 'inside' : 'outside'}` });
      marker.bindPopup(() => popupHtml(a), { maxWidth: 260 });
      marker.on('click', ev => L.DomEvent.stopPropagation(ev)); // a dot's popup, not a place for a new activity
      marker.addTo(this.layer);
      marker.getElement()?.setAttribute('data-activity', a.id);
    }
  }

  /** The place picked for a new activity, marked until it is stored or another is picked. */
  pick(latlng) {
    this.picked.clearLayers();
    L.marker(latlng, { title: t('pActivityPlace') }).addTo(this.picked);
  }

  /** The language changed: an open popup is worded again. */
  reword() { this.layer.eachLayer(l => { if (l.isPopupOpen()) l.getPopup().update(); }); }
}

function popupHtml(a) {
  return `<div class="popup activity" data-activity="${e(a.id)}"><h3>${e(a.title)}</h3><dl>
    <dt>${t('pHeldOn')}</dt><dd data-fig="heldOn">${e(a.heldOn)}</dd>
    ${a.place ? `<dt>${t('pActivityPlaceName')}</dt><dd>${e(a.place)}</dd>` : ''}
    <dt>${t('pParticipants')}</dt><dd data-fig="participants">${number(a.participants)}</dd>
    <dt>${t('pVolunteers')}</dt><dd data-fig="volunteers">${number(a.volunteers)}</dd></dl>
    <p class="${a.insideServiceArea ? 'hint' : 'warn'}">${a.insideServiceArea ? t('pInsideArea') : t('pOutsideArea')}</p></div>`;
}

/** Who may record an activity, and while the project is in which status (the server checks the organisation). */
const RECORDING = new Set(['CONTRACTED', 'RUNNING', 'MIDTERM_REVIEW', 'RECTIFYING', 'FINAL_REVIEW']);
export function mayRecord(p, store) {
  return RECORDING.has(p.status) && ['ORGANISATION_STAFF', 'FUNDER', 'ADMIN'].some(r => store.roles.has(r));
}

/** The form to record an activity: its place comes from a click on the map (lon/lat shown, read-only). */
export function activityForm(today) {
  return `<form class="act activity" data-action="activities" id="activity-form"><fieldset><legend>${t('pRecordActivity')}</legend>
    <p class="hint">${t('pActivityClickHint')}</p>
    <label>${t('pActivityTitle')} <input name="title" required maxlength="200"></label><span class="field-error" data-error="title"></span>
    <label>${t('pHeldOn')} <input type="date" name="heldOn" required value="${e(today)}"></label><span class="field-error" data-error="heldOn"></span>
    <label>${t('pActivityPlaceName')} <input name="place" maxlength="200"></label><span class="field-error" data-error="place"></span>
    <label>${t('pParticipants')} <input type="number" name="participants" min="0" required></label><span class="field-error" data-error="participants"></span>
    <label>${t('pVolunteers')} <input type="number" name="volunteers" min="0" required value="0"></label><span class="field-error" data-error="volunteers"></span>
    <label>${t('pActivityPlace')} <input name="lon" readonly required placeholder="lon" size="9"> <input name="lat" readonly required placeholder="lat" size="9"></label>
    <span class="field-error" data-error="lon"></span><span class="field-error" data-error="lat"></span>
    <button type="submit">${t('pRecordActivitySubmit')}</button><p class="field-error" data-error=""></p></fieldset></form>`;
}

/** What the answer to a recorded activity warns about, in the language on screen. */
export function warningsHtml(answer) {
  return (answer?.warnings || []).map(w => `<p class="warn" id="activity-warning" data-code="${e(w.code)}" data-distance="${e(w.distanceMetres)}">${
    w.code === 'outside-service-area' ? fill('pOutsideWarning', { m: number(w.distanceMetres) }) : e(w.code)}</p>`).join('');
}
