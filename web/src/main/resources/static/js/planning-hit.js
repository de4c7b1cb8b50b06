// Which grid a click fell in, tested against the grids' outlines (GeoJSON, lon/lat) rather than against what is drawn:
// canvases of the layers above the grids (routes, sectors) would otherwise catch the click first.

const boxes = new WeakMap();

/** The feature whose (Multi)Polygon contains the point, or null. Boxes are computed once per feature. */
export function gridAt(features, latlng) {
  const x = latlng.lng, y = latlng.lat;
  for (const f of features) {
    const b = box(f);
    if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
    const polygons = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
    if (polygons.some(rings => inPolygon(rings, x, y))) return f;
  }
  return null;
}

function box(f) {
  let b = boxes.get(f);
  if (b) return b;
  b = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
  for (const rings of polygons) for (const [px, py] of rings[0]) {
    b = [Math.min(b[0], px), Math.min(b[1], py), Math.max(b[2], px), Math.max(b[3], py)];
  }
  boxes.set(f, b);
  return b;
}

/** Even-odd rule over the outer ring and its holes. */
function inPolygon(rings, x, y) {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
