package org.gridwatch.redistrict;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature of an imported layer: its position in the layer ({@code index}, the {@code i} of
 * {@code features[i]} in refusals; row order for a GeoPackage), and code, name and parent code (each may be null).
 */
record AreaFeature(int index, String code, String name, String parent, Geometry geometry) {
  Retile.Piece piece() { return new Retile.Piece(index, code, name, geometry); }
}
