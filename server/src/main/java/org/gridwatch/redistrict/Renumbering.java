package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.Point;

/**
 * Renumbering, only when a planner asks for it: an area's children get new codes in reading order (north to
 * south in rows of about 100 m, west to east within a row), outlines and names unchanged. Codes are never reused,
 * so every child becomes a new area and the old ones are retired with their history; open cases move to the new
 * codes and staff go with them, as in any re-tiling. Grids only: re-coding a community would re-code its grids too.
 */
final class Renumbering {
  /** Rows of about 100 m (in degrees of latitude). */
  static final double ROW = 0.0009;

  private Renumbering() {}

  /** The children as new pieces (no codes), in the order they will be numbered. */
  static List<Retile.Piece> pieces(AreaView parent, List<AreaView> children) {
    if (parent.level() != AreaLevel.COMMUNITY) throw ProblemException.badInput("code", Text.of("redistrict.x-not-community-only-grids", parent.code()));
    List<AreaView> ordered = new ArrayList<>(children);
    ordered.sort(Comparator.<AreaView>comparingLong(a -> -Math.round(at(a).getY() / ROW)).thenComparingDouble(a -> at(a).getX()));
    List<Retile.Piece> out = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) out.add(new Retile.Piece(i, null, ordered.get(i).name(), ordered.get(i).boundary()));
    return out;
  }

  private static Point at(AreaView a) { return a.boundary().getInteriorPoint(); }
}
