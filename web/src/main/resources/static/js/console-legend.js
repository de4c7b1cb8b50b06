// The console map's legend: every layer the console draws (case points by status, overdue and selected cases, the
// grids' open cases as circles when zoomed out, boundaries, the cameras that see the selected case, every camera from
// the tiles, coverage per grid when shown, the hotline pin).
import { t } from './i18n.js';
import './console-text.js';
import { drawFoldable } from './legend-fold.js';

const L = window.L;
/** Colour of a case point by status; overdue cases are red whatever their status. */
export const STATUS_COLOUR = { REPORTED: '#8e24aa', REGISTERED: '#5e35b1', DISPATCHED: '#1e88e5', IN_PROGRESS: '#00897b',
  RESOLVED: '#7cb342', VERIFIED: '#43a047', RETURNED: '#f4511e', PARKED: '#6d4c41',
  IN_CONSULTATION: '#f9a825' };
export const OVERDUE_COLOUR = '#c62828';
export const SELECTED_COLOUR = '#ffb000';
export const CAMERA_COLOUR = '#6a1b9a';

let div = null;
let shownOn = null; // the map the legend is on

/** Adds the legend to the map (bottom left: the base-map switch is top right, the zoom and follow buttons top left). */
export function addConsoleLegend(map) {
  shownOn = map;
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    div = L.DomUtil.create('div', 'legend console-legend');
    div.id = 'map-legend';
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    drawLegend();
    return div;
  };
  control.addTo(map);
}

/** Draws the legend in the current language. */
export function drawLegend() {
  if (!div) return;
  const dot = (colour, extra = '') => `<i class="dot" style="background:${colour};${extra}"></i>`;
  const statuses = Object.entries(STATUS_COLOUR)
    .map(([s, c]) => `<div data-legend="status-${s}">${dot(c)}${t(s)}</div>`).join('');
  drawFoldable(div, shownOn, t('legendTitle'), `
    <div class="legend-group">${t('legendCases')}</div><div class="legend-statuses">${statuses}</div>
    <div data-legend="overdue">${dot(OVERDUE_COLOUR)}${t('legendCaseOverdue')}</div>
    <div data-legend="selected">${dot('transparent', `border:3px solid ${SELECTED_COLOUR}`)}${t('legendSelectedCase')}</div>
    <div data-legend="grid-load">${dot('#1e88e5', 'width:14px;height:14px')}${t('legendGridLoad')}</div>
    <div data-legend="grid-overdue">${dot(OVERDUE_COLOUR, 'width:14px;height:14px')}${t('legendGridOverdue')}</div>
    <div data-legend="grid"><i style="border-top:1px solid #777;height:0"></i>${t('legendGridLine')}</div>
    <div data-legend="subdistrict"><i style="border-top:2px solid #b22222;height:0"></i>${t('legendSubdistrictLine')}</div>
    <div data-legend="camera">${dot(CAMERA_COLOUR)}${t('legendCameras')}</div>
    <div data-legend="sector"><i style="background:rgba(106,27,154,.18);border:1px dashed ${CAMERA_COLOUR}"></i>${t('legendCameraSector')}</div>
    <div data-legend="camera-tiles">${dot('#546e7a')}${t('legendCameraTiles')}</div>
    <div data-legend="coverage"><i style="background:rgba(67,160,71,.45)"></i>${t('legendCoverageMet')}</div>
    <div data-legend="coverage-low"><i style="background:rgba(229,57,53,.45)"></i>${t('legendCoverageLow')}</div>
    <div data-legend="pin"><img class="pin" src="/webjars/leaflet/dist/images/marker-icon.png" alt="">${t('legendNewCasePin')}</div>`);
}
