// What the community workbench reads, one source per layer or list, each fetched on its own: a source whose endpoint
// fails is marked unavailable and the rest of the page goes on. Every source reads the store the page keeps:
// {community: {code, bbox}, grids: [grid features], period: {from, to}, service, distance}.
import { getJson, allItems } from './api.js';
import { startOf, nextDay } from './community-period.js';

/** A list answer as an array, whether the endpoint answers a bare array or wraps it ({items} or {features}). */
export function listOf(answer) {
  if (Array.isArray(answer)) return answer;
  return answer?.items || answer?.features || answer?.content || [];
}

const q = params => new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')).toString();
const bbox = s => s.community.bbox.map(v => v.toFixed(6)).join(',');
const inCommunity = s => new Set(s.grids.map(g => g.properties.code));

/** How many activities get their attendance read one by one when the list does not carry it. */
const ATTENDANCE_READS = 40;

export const SOURCES = {
  organisations: s => getJson(`/api/v1/organisations?${q({ area: s.community.code })}`).then(listOf),
  orgAreas: s => allItems('organisations', `&bbox=${bbox(s)}`).then(fc => fc.features),
  propertyAreas: s => allItems('property-areas', `&bbox=${bbox(s)}`).then(fc => fc.features),
  servicePoints: s => getJson(`/api/v1/service-points?${q({ area: s.community.code })}`).then(listOf),
  activities: async s => withAttendance(listOf(await getJson(`/api/v1/activities?${q({ area: s.community.code,
    from: s.period.from, to: activitiesUntil(s.period.to) })}`))),
  density: async s => {
    const grids = inCommunity(s);
    return listOf((await getJson(`/api/v1/volunteers/density?level=grid`)).areas).filter(a => grids.has(a.code));
  },
  volunteers: async s => (await Promise.all(s.grids.map(g => getJson(`/api/v1/volunteers?${q({ grid: g.properties.code })}`)
    .then(listOf)))).flat(),
  bookings: s => getJson(`/api/v1/bookings?${q({ area: s.community.code, from: startOf(s.period.from),
    to: startOf(nextDay(s.period.to)) })}`).then(listOf),
  deserts: async s => {
    if (!s.service) return null;
    const answer = await getJson(`/api/v1/services/deserts?${q({ service: s.service, distance: s.distance })}`);
    const grids = inCommunity(s);
    return { ...answer, grids: listOf(answer.grids).filter(g => grids.has(g.code)) };
  },
};

/** Upcoming activities too: the list runs a month past the period's end. */
function activitiesUntil(to) {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
}

/** Each activity with {@code signedIn}, the number of volunteers who signed in, read from its view when the list lacks it. */
async function withAttendance(activities) {
  const counted = a => ({ ...a, signedIn: a.attendance ? a.attendance.length : a.attendanceCount ?? a.signedIn ?? null });
  const out = activities.map(counted);
  const missing = out.filter(a => a.signedIn == null).slice(0, ATTENDANCE_READS);
  await Promise.all(missing.map(a => getJson(`/api/v1/activities/${encodeURIComponent(a.id)}`)
    .then(full => { a.signedIn = (full.attendance || []).length; }).catch(() => {})));
  return out;
}

/** Per-area figures of a measures path for one area (the shared {level, from, to, areas: [...]} answer). */
export async function areaFigures(path, level, code, period) {
  const answer = await getJson(`${path}?${q({ level, from: period?.from, to: period?.to })}`);
  return listOf(answer.areas).find(a => a.code === code) || null;
}
