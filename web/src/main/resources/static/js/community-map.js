// The workbench's one map of a community: its outline and grids, volunteer density per grid, compounds served by
// property companies, organisations' service areas, service deserts of the chosen service, and service points,
// activities and bookings as markers. Popups are built when opened, in the language on screen.
import { t, currentLang } from './i18n.js';
import { escapeHtml } from './layers.js';
import { SERVICE_POINT_COLOUR, ORG_COLOUR, ACTIVITY_COLOUR, BOOKING_COLOUR, PROPERTY_COLOUR, DESERT_COLOUR,
  densityColour, colourOf } from './community-legend.js';
import { servicePointHtml, activityHtml, bookingHtml, propertyAreaHtml, desertHtml, bookingState, activityWhen }
  from './community-popups.js';
import { word } from './community-text.js';

const L = window.L;

/** A marker drawn as a DOM element (clickable, testable by its class and id). */
function marker(lat, lon, className, id, colour, size) {
  return L.marker([lat, lon], { icon: L.divIcon({ className, iconSize: [size, size], iconAnchor: [size / 2, size / 2],
    html: `<span data-id="${escapeHtml(id)}" style="background:${colour}"></span>` }), riseOnHover: true });
}

export class WorkbenchMap {
  constructor(map, store) {
    this.map = map;
    this.store = store;
    map.createPane('areas-top').style.zIndex = 410;
    this.outline = L.geoJSON(null, { style: { color: '#1f5fbf', weight: 3, fill: false }, interactive: false }).addTo(map);
    this.layers = {
      density: L.geoJSON(null, { style: f => this.densityStyle(f), onEachFeature: (f, l) => l.bindTooltip(() => this.densityTip(f)) }).addTo(map),
      propertyAreas: L.geoJSON(null, { style: { color: PROPERTY_COLOUR, weight: 1.5, fillColor: PROPERTY_COLOUR, fillOpacity: 0.25 },
        onEachFeature: (f, l) => l.bindPopup(() => propertyAreaHtml(f.properties)) }).addTo(map),
      orgAreas: L.geoJSON(null, { pane: 'areas-top', style: f => ({ color: colourOf(ORG_COLOUR, f.properties.kind), weight: 2,
        dashArray: '6 4', fill: false }), onEachFeature: (f, l) => l.bindTooltip(() =>
        `${escapeHtml(f.properties.name)} · ${escapeHtml(word('org', f.properties.kind))}`, { sticky: true }) }).addTo(map),
      deserts: L.geoJSON(null, { pane: 'areas-top', style: { color: DESERT_COLOUR, weight: 2, dashArray: '4 3', fillColor: DESERT_COLOUR,
        fillOpacity: 0.45, className: 'gw-desert' }, onEachFeature: (f, l) => l.bindPopup(() => desertHtml(f.properties.desert)) }).addTo(map),
      bookings: L.layerGroup().addTo(map),
      activities: L.layerGroup().addTo(map),
      servicePoints: L.layerGroup().addTo(map),
    };
    this.byKey = new Map(); // "servicePoints:12" → its marker, for the lists' "show on the map"
    map.on('popupopen', e => { this.openPopup = e.popup; });
    map.on('popupclose', e => { if (this.openPopup === e.popup) this.openPopup = null; });
  }

  /** The layer switch's overlays, named in the current language. */
  overlays() {
    return { [t('layerServicePoints')]: this.layers.servicePoints, [t('layerActivities')]: this.layers.activities,
      [t('layerBookings')]: this.layers.bookings, [t('layerOrgAreas')]: this.layers.orgAreas,
      [t('layerPropertyAreas')]: this.layers.propertyAreas, [t('layerDeserts')]: this.layers.deserts,
      [t('layerDensity')]: this.layers.density };
  }

  /** A new community: its outline and grids, the view fitted to it, every layer emptied until its data arrives. */
  showCommunity(community, grids) {
    this.outline.clearLayers().addData(community.feature);
    Object.values(this.layers).forEach(l => l.clearLayers());
    this.byKey.clear();
    this.layers.density.addData({ type: 'FeatureCollection', features: grids });
    // The open legend lies over the map's lower left on a wide screen: the community is fitted beside it.
    const legend = document.querySelector('#map-legend details[open]'), left = legend && this.map.getSize().x > 800 ? 300 : 10;
    this.map.fitBounds(this.outline.getBounds(), { paddingTopLeft: [left, 10], paddingBottomRight: [10, 10] });
  }

  densityStyle(f) {
    const d = this.store.densityByGrid?.get(f.properties.code);
    return { color: '#555', weight: 1, fillColor: densityColour(d?.per1000), fillOpacity: d ? 0.55 : 0.05 };
  }

  densityTip(f) {
    const d = this.store.densityByGrid?.get(f.properties.code);
    const name = escapeHtml(f.properties.name);
    return d ? `${name}<br>${t('figVolunteers')} ${d.volunteers} · ${t('residents')} ${d.residents} · ${t('figVolunteersPer1000')} ${fmt(d.per1000)}` : name;
  }

  /** Draws one source's data (called as each source arrives, and again on a language change for the tooltips). */
  draw(name) {
    const s = this.store, data = s.sources[name]?.data;
    if (name === 'density') { this.layers.density.setStyle(f => this.densityStyle(f)); return; }
    if (!(name in this.layers)) return;
    const layer = this.layers[name];
    layer.clearLayers();
    [...this.byKey.keys()].filter(k => k.startsWith(`${name}:`)).forEach(k => this.byKey.delete(k));
    if (!data) return;
    if (name === 'propertyAreas' || name === 'orgAreas') layer.addData({ type: 'FeatureCollection', features: data });
    if (name === 'deserts') {
      const byCode = new Map(data.grids.map(g => [g.code, g]));
      layer.addData({ type: 'FeatureCollection', features: s.grids.filter(g => byCode.has(g.properties.code))
        .map(g => ({ ...g, properties: { ...g.properties, desert: byCode.get(g.properties.code) } })) });
    }
    if (name === 'servicePoints') this.markers(name, data, p => marker(p.lat, p.lon, 'gw-service-point', p.id,
      colourOf(SERVICE_POINT_COLOUR, p.kind), 18), p => servicePointHtml(p, s));
    if (name === 'activities') this.markers(name, data, a => marker(a.lat, a.lon, 'gw-activity', a.id,
      ACTIVITY_COLOUR[activityWhen(a)], 16), activityHtml);
    if (name === 'bookings') this.markers(name, data, b => marker(b.lat, b.lon, 'gw-booking', b.id,
      BOOKING_COLOUR[bookingState(b)], 11), bookingHtml);
  }

  markers(name, items, make, html) {
    for (const item of items) {
      if (item.lat == null || item.lon == null) continue;
      const m = make(item).bindPopup(() => html(item), { maxWidth: 300 });
      this.layers[name].addLayer(m);
      this.byKey.set(`${name}:${item.id}`, m);
    }
  }

  /** Opens one thing's popup (from the lists), the map moved to it; an area (an organisation's, a desert grid) is fitted and outlined. */
  focus(name, id) {
    if (name === 'orgAreas' || name === 'deserts') return this.focusArea(name, id);
    const m = this.byKey.get(`${name}:${id}`);
    if (!m) return false;
    if (!this.map.hasLayer(this.layers[name])) this.map.addLayer(this.layers[name]);
    this.map.setView(m.getLatLng(), Math.max(this.map.getZoom(), 16));
    m.openPopup();
    return true;
  }

  focusArea(name, id) {
    const key = f => String(name === 'deserts' ? f.properties.code : f.id ?? f.properties.id);
    const area = this.layers[name].getLayers().find(l => key(l.feature) === String(id));
    if (!area) return false;
    if (!this.map.hasLayer(this.layers[name])) this.map.addLayer(this.layers[name]);
    this.map.fitBounds(area.getBounds(), { maxZoom: 17, padding: [20, 20] });
    area.setStyle({ weight: 5 });
    setTimeout(() => this.layers[name].resetStyle(area), 2500);
    if (name === 'deserts') area.openPopup(); else area.openTooltip(area.getBounds().getCenter());
    return true;
  }

  /** The language changed: the open popup is worded again (the others are built when they open). */
  reword() { if (this.openPopup) this.openPopup.update(); }
}

export function fmt(n) {
  return n == null ? '—' : Number(n).toLocaleString(currentLang() === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 });
}
