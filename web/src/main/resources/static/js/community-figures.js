// The figures strip over the workbench: the chosen community's figures over the chosen period, from each capability's
// measures path (organisations, volunteers, activities, bookings, the property tier of cases). Each path is asked on
// its own; a figure whose path fails shows "—" and says why in its title.
import { getJson } from './api.js';
import { t, areaName } from './i18n.js';
import { areaFigures } from './community-sources.js';
import { fill } from './community-text.js';
import { fmt } from './community-map.js';
import { nextDay } from './community-period.js';

const GROUPS = {
  organisations: s => areaFigures('/api/v1/organisations/measures', 'community', s.community.code, s.period),
  volunteers: s => areaFigures('/api/v1/volunteers/density', 'community', s.community.code, null),
  activities: s => areaFigures('/api/v1/activities/measures', 'community', s.community.code, s.period),
  bookings: s => areaFigures('/api/v1/bookings/measures', 'community', s.community.code, s.period),
  property: async s => (await getJson(`/api/v1/measures?level=community&code=${encodeURIComponent(s.community.code)}`
    + `&from=${s.period.from}&to=${nextDay(s.period.to)}`)).propertyTier ?? null, // its `to` is the first moment of that day
};

/** Each figure: its group, its member in the group's answer, its label, and how it is shown. */
const FIGURES = [
  ['organisations', 'organisations', 'figOrganisations'], ['organisations', 'incubated', 'figIncubated'],
  ['organisations', 'graduated', 'figGraduated'],
  ['volunteers', 'volunteers', 'figVolunteers'], ['volunteers', 'per1000', 'figVolunteersPer1000'],
  ['activities', 'activities', 'figActivities'], ['activities', 'volunteerHours', 'figVolunteerHours'],
  ['activities', 'activeVolunteersPer1000', 'figActivePer1000'],
  ['bookings', 'bookings', 'figBookings'], ['bookings', 'fulfilled', 'figFulfilled'],
  ['property', 'cases', 'figPropertyCases'], ['property', 'onTimeRate', 'figPropertyOnTime', 'rate'],
  ['property', 'closedShare', 'figPropertyClosedShare', 'rate'],
];

let last = { values: {}, failed: new Set() }, seq = 0;

/** Asks every measures path again for the store's community and period, drawing the strip as answers arrive. */
export async function refreshFigures(store) {
  const mine = ++seq;
  last = { values: {}, failed: new Set(), store };
  drawFigures();
  await Promise.all(Object.entries(GROUPS).map(async ([group, ask]) => {
    try {
      const answer = await ask(store);
      if (mine !== seq) return;
      last.values[group] = answer || {};
    } catch (err) {
      if (mine !== seq) return;
      console.warn('figures', group, err);
      last.failed.add(group);
    }
    drawFigures();
  }));
}

/** Draws the strip in the current language. */
export function drawFigures() {
  const strip = document.getElementById('figures');
  const s = last.store;
  if (!s?.community) { strip.innerHTML = ''; return; }
  const cell = ([group, member, label, kind]) => {
    const failed = last.failed.has(group), answer = last.values[group];
    const raw = answer ? answer[member] : undefined;
    const shown = failed || raw == null ? '—' : kind === 'rate' ? `${(raw * 100).toFixed(1)} %` : fmt(raw);
    return `<span class="figure${failed ? ' unavailable' : ''}" data-group="${group}"${failed ? ` title="${t('figureUnavailable')}"` : ''}>
      <small>${t(label)}</small> <b data-figure="${member}" data-value="${raw ?? ''}">${shown}</b></span>`;
  };
  strip.innerHTML = `<span class="figure-title">${fill('figuresOf', { name: areaName(s.community), from: s.period.from, to: s.period.to })}</span>`
    + `<span class="figure-row">${FIGURES.map(cell).join('')}</span>`;
}
