// The consultation page's map: bodies by the area they serve (councils per grid), grids with open topics and overdue
// tasks, meetings and decisions as points (OGC collections `bodies`, `open-topics`, `meetings`, `decisions`), and the
// community's service points, which a click picks as a meeting's place while the meeting form is open.
import { allItems, getJson } from './api.js';
import { t, when } from './i18n.js';
import { escapeHtml as e } from './layers.js';
import { word } from './consultation-text.js';
import { drawFoldable } from './legend-fold.js';

const L = window.L;
export const COLOURS = { body: '#6a1b9a', openTopics: '#ef6c00', overdue: '#c62828', meeting: '#1565c0', decision: '#2e7d32',
  servicePoint: '#00897b' };

function dot(lat, lon, className, id, colour, size = 14) {
  return L.marker([lat, lon], { riseOnHover: true, icon: L.divIcon({ className, iconSize: [size, size],
    iconAnchor: [size / 2, size / 2], html: `<span data-id="${e(id)}" style="background:${colour}"></span>` }) });
}

const pointOf = f => f.geometry?.type === 'Point' ? f.geometry.coordinates : null;

export class ConsultationMap {
  constructor(map, store) {
    this.map = map;
    this.store = store;
    this.outline = L.geoJSON(null, { style: { color: '#1f5fbf', weight: 3, fill: false }, interactive: false }).addTo(map);
    this.layers = {
      bodies: L.geoJSON(null, { style: { color: COLOURS.body, weight: 1.5, dashArray: '5 4', fillColor: COLOURS.body, fillOpacity: 0.06 },
        onEachFeature: (f, l) => l.bindTooltip(() => bodyTip(f.properties), { sticky: true }) }).addTo(map),
      openTopics: L.geoJSON(null, { style: f => openStyle(f.properties), onEachFeature: (f, l) =>
        l.bindTooltip(() => openTip(f.properties), { sticky: true }) }).addTo(map),
      servicePoints: L.layerGroup().addTo(map),
      meetings: L.layerGroup().addTo(map),
      decisions: L.layerGroup().addTo(map),
    };
    this.picking = null; // while the meeting form is open: called with a service point, or with a clicked place
    map.on('click', ev => this.picking?.({ lat: ev.latlng.lat, lon: ev.latlng.lng }));
  }

  overlays() {
    return { [t('cLayerBodies')]: this.layers.bodies, [t('cLayerOpenTopics')]: this.layers.openTopics,
      [t('cLayerServicePoints')]: this.layers.servicePoints, [t('cLayerMeetings')]: this.layers.meetings,
      [t('cLayerDecisions')]: this.layers.decisions };
  }

  /** A community chosen (or the whole district when none): its outline, then every layer of it. */
  async show(community) {
    Object.values(this.layers).forEach(l => l.clearLayers());
    this.outline.clearLayers();
    if (community) {
      this.outline.addData(community);
      this.map.fitBounds(this.outline.getBounds(), { padding: [10, 10] });
    }
    const code = community?.properties.code;
    const q = code ? `&community=${encodeURIComponent(code)}` : '';
    const staff = this.store.staff;
    await Promise.all([
      this.load('bodies', q, fc => this.layers.bodies.addData(fc)),
      this.load('decisions', q, fc => this.points('decisions', fc, p => decisionTip(p), COLOURS.decision, 'gw-decision')),
      staff ? this.load('meetings', q, fc => this.points('meetings', fc, p => meetingTip(p), COLOURS.meeting, 'gw-meeting')) : null,
      staff ? this.load('open-topics', q, fc => this.layers.openTopics.addData(fc)) : null,
      staff && code ? this.servicePoints(code) : null,
    ]);
  }

  async load(collection, query, draw) {
    try {
      draw(await allItems(collection, query));
    } catch (err) {
      console.warn(`consultation: ${collection} unavailable`, err);
    }
  }

  points(name, fc, tip, colour, className) {
    for (const f of fc.features) {
      const p = pointOf(f);
      if (!p) continue;
      const id = f.properties.id ?? f.id;
      // While the meeting form is open a point is a place like any other; else it opens its topic.
      dot(p[1], p[0], className, id, colour).bindTooltip(() => tip(f.properties)).addTo(this.layers[name])
        .on('click', ev => {
          if (this.picking) { L.DomEvent.stop(ev); this.picking({ lat: p[1], lon: p[0] }); } else this.store.onPoint?.(name, id, f.properties);
        });
    }
  }

  async servicePoints(code) {
    try {
      const answer = await getJson(`/api/v1/service-points?area=${encodeURIComponent(code)}`);
      const items = Array.isArray(answer) ? answer : answer.items || [];
      this.store.servicePoints = items;
      for (const sp of items) {
        dot(sp.lat, sp.lon, 'gw-service-point', sp.id, COLOURS.servicePoint, 16).bindTooltip(e(sp.name))
          .addTo(this.layers.servicePoints)
          .on('click', ev => { if (this.picking) { L.DomEvent.stop(ev); this.picking({ servicePoint: sp }); } });
      }
    } catch (err) {
      console.warn('consultation: service points unavailable', err);
    }
  }

  /** Puts the pick mark where the meeting will be held. */
  mark(lat, lon) {
    if (this.pick) this.pick.setLatLng([lat, lon]);
    else this.pick = L.marker([lat, lon], { interactive: false, icon: L.divIcon({ className: 'gw-meeting-pick', iconSize: [22, 22],
      iconAnchor: [11, 11], html: '<span></span>' }) }).addTo(this.map);
  }

  unmark() { this.pick?.remove(); this.pick = null; }
}

function bodyTip(p) {
  return `<b>${e(p.name)}</b><br>${e(word('bodyKind', p.kind))} · ${t('cMembersInTerm')} ${e(p.membersInTerm ?? '—')}`
    + (p.constitutedOn ? `<br>${t('cConstitutedOn')} ${e(p.constitutedOn)}` : '');
}

function openStyle(p) {
  const open = Number(p.open || 0), overdue = Number(p.overdueTasks || 0);
  if (!open && !overdue) return { stroke: false, fill: false };
  return { color: overdue ? COLOURS.overdue : COLOURS.openTopics, weight: overdue ? 2.5 : 1.5,
    fillColor: COLOURS.openTopics, fillOpacity: Math.min(0.15 + 0.1 * open, 0.5), className: overdue ? 'gw-grid-overdue-tasks' : '' };
}

function openTip(p) {
  return `<b>${e(p.name || p.gridCode || '')}</b><br>${t('cOpenTopics')} ${e(p.open ?? 0)}`
    + ` (${e(word('topicStatus', 'PROPOSED'))} ${e(p.proposed ?? 0)} · ${e(word('topicStatus', 'ACCEPTED'))} ${e(p.accepted ?? 0)}`
    + ` · ${e(word('topicStatus', 'DECIDED'))} ${e(p.decided ?? 0)})<br>${t('cOverdueTasks')} ${e(p.overdueTasks ?? 0)}`;
}

function meetingTip(p) {
  return `<b>${e(p.title || '')}</b><br>${e(p.bodyName || '')} · ${e(word('bodyKind', p.bodyKind))}`
    + `<br>${when(p.startsAt)} · ${e(word('meetingStatus', p.status))}${p.place ? ` · ${e(p.place)}` : ''}`
    + `<br>${t('cTopicsCount')} ${e(p.topics ?? 0)} · ${t('cDecisionsAdopted')} ${e(p.decisionsAdopted ?? 0)}`;
}

function decisionTip(p) {
  return `<b>${e(p.topicTitle || '')}</b><br>${e(p.bodyName || '')} · ${e(p.date || '')}`
    + `<br>${p.adopted ? t('cAdopted') : t('cNotAdopted')}${p.method ? ` · ${e(word('method', p.method))}` : ''}`;
}

/** The map's legend, bottom left, folded on a phone; drawn again in the language on screen. */
export function addLegend(map) {
  const control = L.control({ position: 'bottomleft' });
  let div;
  const draw = () => {
    const row = (swatch, key) => `<div class="legend-row">${swatch} ${t(key)}</div>`;
    drawFoldable(div, map, t('cLegend'), `
      ${row(`<i class="area" style="border-color:${COLOURS.body};background:${COLOURS.body}22"></i>`, 'cLayerBodies')}
      ${row(`<i class="area" style="border-color:${COLOURS.openTopics};background:${COLOURS.openTopics}55"></i>`, 'cLayerOpenTopics')}
      ${row(`<i class="area" style="border-color:${COLOURS.overdue};border-width:2px"></i>`, 'cOverdueTasks')}
      ${row(`<i class="dot" style="background:${COLOURS.meeting}"></i>`, 'cLayerMeetings')}
      ${row(`<i class="diamond" style="background:${COLOURS.decision}"></i>`, 'cLayerDecisions')}
      ${row(`<i class="square" style="background:${COLOURS.servicePoint}"></i>`, 'cLayerServicePoints')}`);
  };
  control.onAdd = () => {
    div = L.DomUtil.create('div', 'legend consultation-legend');
    div.id = 'map-legend';
    L.DomEvent.disableClickPropagation(div);
    draw();
    return div;
  };
  control.addTo(map);
  return draw;
}
