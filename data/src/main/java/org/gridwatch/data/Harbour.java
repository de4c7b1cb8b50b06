package org.gridwatch.data;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The land and water inside the district outline but outside every subdistrict (about 1.7 km², mostly the
 * piers around 大港). Pieces that touch 大港街道 go to it; any other piece goes to the subdistrict that shares
 * the longest border with it. Pieces of 大港 larger than {@link #PORT_MIN_M2} become port grids.
 */
record Harbour(List<Piece> pieces) {
  static final String DAGANG = "370203019";
  static final double PORT_MIN_M2 = 20_000;

  record Piece(Geometry outline, String subdistrictCode, double areaM2) {
    boolean port() { return subdistrictCode.equals(DAGANG) && areaM2 >= PORT_MIN_M2; }
  }

  static Harbour between(OsmOutlines outlines, GeometryFactory factory) {
    List<Geometry> subs = outlines.subdistricts().stream().map(OsmOutlines.Subdistrict::outline).toList();
    Geometry gap = outlines.district().difference(factory.buildGeometry(new ArrayList<>(subs)).union());
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < gap.getNumGeometries(); i++) {
      Geometry piece = gap.getGeometryN(i);
      if (piece.isEmpty() || piece.getArea() == 0) continue;
      pieces.add(new Piece(piece, owner(piece, outlines), LocalPlane.areaM2(piece)));
    }
    return new Harbour(pieces);
  }

  private static String owner(Geometry piece, OsmOutlines outlines) {
    String best = null;
    double bestLength = -1;
    Geometry ring = piece.getBoundary();
    for (var s : outlines.subdistricts()) {
      double shared = ring.intersection(s.outline().buffer(1e-7)).getLength();
      if (s.code().equals(DAGANG) && shared > 0) return DAGANG;
      if (shared > bestLength) { bestLength = shared; best = s.code(); }
    }
    return best;
  }

  Geometry portUnion(GeometryFactory factory) {
    return factory.buildGeometry(pieces.stream().filter(Piece::port).map(Piece::outline).toList()).union();
  }
}
