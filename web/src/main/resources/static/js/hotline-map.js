// The hotline page's map: the areas for orientation (buildings from zoom 16, to find a caller's building), the place
// an operator picks for a ticket to be located (a click, or an address found by the geocoder), and the open ticket's
// case where it has one.
import { t, onLanguageChange } from './i18n.js';
import { escapeHtml as e, AreaLayers } from './layers.js';

const L = window.L;

export class HotlineMap {
  constructor(shell, store) {
    this.map = shell.map;
    this.store = store;
    this.areas = new AreaLayers(this.map);
    this.areas.load().catch(err => console.warn('areas', err));
    shell.setOverlays(() => this.areas.overlays());
    this.onPick = () => {};
    this.map.on('click', ev => {
      if (!this.store.locating?.()) return;
      this.pick(ev.latlng.lng, ev.latlng.lat, null);
    });
    onLanguageChange(() => this.retitle());
  }

  /** A place chosen for the ticket being located: a ringed pin, and the panel told. */
  pick(lon, lat, label) {
    const place = { lon, lat, label };
    if (!this.pin) {
      this.pin = L.marker([lat, lon], { keyboard: false, icon: L.divIcon({ className: 'gw-hotline-pick', html: '<span></span>',
        iconSize: [22, 22], iconAnchor: [11, 11] }) }).addTo(this.map);
    } else this.pin.setLatLng([lat, lon]);
    this.pin.bindTooltip(t('hLegendLocate'));
    if (label) this.map.setView([lat, lon], Math.max(this.map.getZoom(), 17));
    this.onPick(place);
  }

  clearPick() {
    if (this.pin) { this.pin.remove(); this.pin = null; }
  }

  /** The open ticket's case on the map (when the answer carries its place), or none. */
  showTicket(ticket) {
    if (this.ticketMark) { this.ticketMark.remove(); this.ticketMark = null; }
    const c = ticket?.incident;
    const xy = c && c.lon !== null && c.lon !== undefined ? [c.lon, c.lat] : null;
    if (!xy) return;
    this.ticketMark = L.marker([xy[1], xy[0]], { keyboard: false, icon: L.divIcon({ className: 'gw-hotline-ticket', html: '<span></span>',
      iconSize: [16, 16], iconAnchor: [8, 8] }) }).addTo(this.map).bindTooltip(e(ticket.ticketNumber));
    this.map.setView([xy[1], xy[0]], Math.max(this.map.getZoom(), 16));
  }

  retitle() {
    if (this.pin) this.pin.setTooltipContent(t('hLegendLocate'));
  }
}
