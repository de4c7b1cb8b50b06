// Loads the vendored Leaflet.VectorGrid (1.3.0, written for Leaflet 1.0–1.7) once, and mends what Leaflet 1.8+ broke:
// - L.DomEvent.fakeStop was removed in Leaflet 1.8 (Leaflet.VectorGrid#274, fixed upstream in #288 but never
//   released); the canvas renderer's click handler calls it. Stopping propagation is what it stood for.
// - Leaflet 1.8+ takes a hovered or clicked layer with getLatLng and a radius ≤ 10 for a marker and asks its
//   latlng; VectorGrid's point symbols have none (#148, #267: "Cannot read properties of undefined (reading 'lat')").
//   Our point symbols drop getLatLng, so Leaflet takes the mouse position as for any path.
// Pages keep answering clicks from the API: tile features are drawn and hovered, never asked for their data.
const SCRIPT = '/vendor/leaflet.vectorgrid-1.3.0/Leaflet.VectorGrid.bundled.min.js';
let loading = null;

/** Resolves with window.L once L.vectorGrid is there and mended. */
export function loadVectorGrid() {
  if (!loading) loading = (window.L.vectorGrid ? Promise.resolve() : addScript(SCRIPT)).then(mend);
  return loading;
}

function addScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}

function mend() {
  const L = window.L;
  if (!L.DomEvent.fakeStop) L.DomEvent.fakeStop = e => L.DomEvent.stopPropagation(e);
  if (!L.VectorGrid.prototype._gwMended) {
    const createLayer = L.VectorGrid.prototype._createLayer;
    L.VectorGrid.prototype._createLayer = function (feat, pxPerExtent, layerStyle) {
      const layer = createLayer.call(this, feat, pxPerExtent, layerStyle);
      if (feat.type === 1) layer.getLatLng = null;
      layer.mvtId = feat.id; // the MVT feature id, which VectorGrid does not keep (our hover styles by it)
      return layer;
    };
    L.VectorGrid.prototype._gwMended = true;
  }
  return L;
}
