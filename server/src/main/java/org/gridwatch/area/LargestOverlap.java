package org.gridwatch.area;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The area an outline belongs to when it straddles several: the one it overlaps most. Areas compared in degrees²
 * (a compound spans a few hundred metres, so the metric scale is the same for every candidate); ties go to the
 * lower code (the list is in code order). Null when it overlaps none.
 */
final class LargestOverlap {
  private LargestOverlap() {}

  static String of(Geometry outline, List<AreaView> areas) {
    String best = null;
    double most = 0;
    for (AreaView a : areas) {
      if (!a.boundary().getEnvelopeInternal().intersects(outline.getEnvelopeInternal())) continue;
      double shared = OverlayNGRobust.overlay(outline, a.boundary(), org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION).getArea();
      if (shared > most) {
        most = shared;
        best = a.code();
      }
    }
    return best;
  }
}
