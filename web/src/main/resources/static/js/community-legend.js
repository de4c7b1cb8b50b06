// The workbench map's colours and its legend: one entry per layer, each saying when its data is unavailable.
import { t, areaName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { drawFoldable } from './legend-fold.js';
import { word, fill } from './community-text.js';

const L = window.L;

export const SERVICE_POINT_COLOUR = { COMMUNITY_SERVICE_CENTRE: '#1565c0', PARTY_SERVICE_CENTRE: '#c62828',
  PARTY_MEMBER_STUDIO: '#ad1457', MEDIATION_ROOM: '#6a1b9a', POLICE_ROOM: '#263238', LEGAL_SERVICE_POINT: '#00838f',
  ELDERLY_CARE_STATION: '#2e7d32' };
export const ORG_COLOUR = { SOCIAL_ORGANISATION: '#8e24aa', PROPERTY_COMPANY: '#e65100', SERVICE_PROVIDER: '#00897b',
  LAW_FIRM: '#3949ab', RESIDENT_UNIT: '#6d4c41' };
export const ACTIVITY_COLOUR = { upcoming: '#f9a825', recent: '#78909c' };
export const BOOKING_COLOUR = { open: '#fb8c00', fulfilled: '#43a047', notFulfilled: '#c62828' };
export const PROPERTY_COLOUR = '#e65100';
export const DESERT_COLOUR = '#d73027';
/** Volunteers per 1,000 residents: upper bounds of the choropleth's classes. */
export const DENSITY_BINS = [[0.001, '#f2f0f7'], [5, '#cbc9e2'], [10, '#9e9ac8'], [20, '#756bb1'], [Infinity, '#54278f']];

export function densityColour(per1000) {
  if (per1000 == null) return '#ffffff';
  return DENSITY_BINS.find(([max]) => per1000 < max)[1];
}

export function colourOf(table, code) { return table[code] || '#607d8b'; }

let div = null;

/** Adds the legend to the map, bottom left (the base-map switch is top right); {@code store} is the page's state. */
export function addLegend(map, store) {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    div = L.DomUtil.create('div', 'legend community-legend');
    div.id = 'map-legend';
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    drawLegend(store);
    return div;
  };
  control.addTo(map);
}

/** Draws the legend in the current language, with each layer's state (loading, unavailable). */
export function drawLegend(store) {
  if (!div) return;
  const state = name => {
    const s = store.sources[name]?.status;
    if (s === 'unavailable') return ` <em class="unavailable" data-unavailable="${name}">(${t('unavailable')})</em>`;
    return s === 'loading' ? ` <em class="loading">${t('loadingLayer')}</em>` : '';
  };
  const dot = c => `<i class="dot" style="background:${c}"></i>`;
  const swatch = (fillColour, border, dash = '') => `<i style="background:${fillColour};border:2px ${dash ? 'dashed' : 'solid'} ${border}"></i>`;
  const kinds = (table, prefix, draw) => Object.entries(table)
    .map(([code, c]) => `<div data-legend="${prefix}-${code}">${draw(c)}${escapeHtml(word(prefix, code))}</div>`).join('');
  const density = DENSITY_BINS.map(([max, c], i) => {
    const lo = i === 0 ? 0 : DENSITY_BINS[i - 1][0];
    const label = i === 0 ? '0' : max === Infinity ? `≥ ${lo}` : `${Math.round(lo)}–${max}`;
    return `<span>${swatch(c, '#888')}${label}</span>`;
  }).join('');
  const desert = store.service
    ? fill('desertLegend', { service: word('svc', store.service), distance: store.distance })
    : `${t('layerDeserts')} <small>(${t('desertChoose')})</small>`;
  drawFoldable(div, null, t('legendTitle'), `
    <div data-legend="community"><i style="border-top:3px solid #1f5fbf;height:0"></i>${t('layerCommunity')}
      ${store.community ? escapeHtml(areaName(store.community)) : ''}</div>
    <div data-legend="grids"><i style="border-top:1px solid #555;height:0"></i>${t('layerGrids')}</div>
    <div class="legend-group">${t('layerServicePoints')}${state('servicePoints')}</div>
    <div class="legend-kinds">${kinds(SERVICE_POINT_COLOUR, 'sp', dot)}</div>
    <div class="legend-group">${t('layerOrgAreas')}${state('orgAreas')}</div>
    <div class="legend-kinds">${kinds(ORG_COLOUR, 'org', c => swatch('transparent', c, 'dashed'))}</div>
    <div data-legend="property">${swatch('rgba(230,81,0,.25)', PROPERTY_COLOUR)}${t('layerPropertyAreas')}${state('propertyAreas')}</div>
    <div class="legend-group">${t('layerActivities')}${state('activities')}</div>
    <div class="legend-kinds"><div data-legend="activity-upcoming"><i class="diamond" style="background:${ACTIVITY_COLOUR.upcoming}"></i>${t('upcoming')}</div>
      <div data-legend="activity-recent"><i class="diamond" style="background:${ACTIVITY_COLOUR.recent}"></i>${t('recent')}</div></div>
    <div class="legend-group">${t('layerBookings')}${state('bookings')}</div>
    <div class="legend-kinds">${[['open', 'bookingOpen'], ['fulfilled', 'bookingFulfilled'], ['notFulfilled', 'bookingNotFulfilled']]
      .map(([k, label]) => `<div data-legend="booking-${k}"><i class="square" style="background:${BOOKING_COLOUR[k]}"></i>${t(label)}</div>`).join('')}</div>
    <div class="legend-group">${t('layerDensity')}${state('density')}</div>
    <div class="legend-density">${density}</div>
    <div data-legend="deserts">${swatch('rgba(215,48,39,.45)', DESERT_COLOUR, 'dashed')}${desert}${state('deserts')}</div>`);
}
