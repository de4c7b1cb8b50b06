// The areas of a level by name, without outlines (GET /api/v1/areas/labels over the district's extent): what pages
// that draw their maps from vector tiles still need to name areas, fill choosers and join figures by code.
import { getJson } from './api.js';

let extent = null;
const byLevel = new Map();

/** [{code, name, nameEn, parent, kind, households, residents, at}] of a level ('grids', 'communities', 'subdistricts'), read once. */
export function areaLabels(level) {
  if (!byLevel.has(level)) {
    byLevel.set(level, (async () => {
      extent = extent || getJson('/api/v1/district').then(d => d.extent);
      return (await getJson(`/api/v1/areas/labels?level=${level}&bbox=${(await extent).join(',')}`)).areas;
    })());
    byLevel.get(level).catch(() => byLevel.delete(level)); // a failed read is asked again next time
  }
  return byLevel.get(level);
}

/** Forgets what was read (boundaries were committed): the next call reads the level again. */
export function forgetAreaLabels() { byLevel.clear(); }
