// The workbench's period: ISO dates in the district's time zone, and the instants that bound them for the paths
// that take instants (bookings) or read a date as its first moment (/api/v1/measures).
import { districtZone } from './i18n.js';

const DAY = 86400000;

/** A moment's date (YYYY-MM-DD) in the district's time zone. */
export function dateIn(moment) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: districtZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

/** The last 30 days up to today. */
export function defaultPeriod(now = new Date()) { return { from: dateIn(new Date(now.getTime() - 29 * DAY)), to: dateIn(now) }; }

/** The day after a date. */
export function nextDay(date) { return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10); }

/** The first moment of a date in the district's time zone, as an ISO instant. */
export function startOf(date) {
  const utc = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at that moment: how its wall clock there differs from UTC (two passes settle a DST change).
  let guess = utc;
  for (let i = 0; i < 2; i++) guess = utc - (wallClock(guess) - guess);
  return new Date(guess).toISOString();
}

function wallClock(ms) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: districtZone(), hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(ms).map(x => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}
