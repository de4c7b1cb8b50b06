package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * When a community or subdistrict is reshaped, what lies inside it follows, level by level down to the grids:
 * each child keeps what of it stays inside the new outline, and every piece the area takes from a neighbour goes
 * to its own child sharing the longest border with that piece. So the whole hierarchy stays exactly tiled: no grid
 * is left straddling a community border. Refused (with the place) when a child would vanish, fall in pieces or
 * leave a sliver, or when a taken piece borders none of the area's children. Pure: outlines in, edits out.
 */
final class Cascade {
  /** The edits of the levels below, top down, or the refusals. */
  record Result(List<Edit> edits, List<Reshape.Refusal> refusals) {}

  private Cascade() {}

  /**
   * @param edit       a reshape of communities or subdistricts
   * @param childrenOf the current children of an area, by code
   * @param neighbours an area's children together with the same-level areas across its border (for placing points)
   */
  static Result below(Edit edit, Function<String, Map<String, Geometry>> childrenOf,
      java.util.function.BiFunction<String, Map<String, Geometry>, Map<String, Geometry>> neighbours, double minPieceM2) {
    List<Edit> out = new ArrayList<>();
    List<Reshape.Refusal> refusals = new ArrayList<>();
    List<Edit> level = List.of(edit);
    while (!level.isEmpty() && level.get(0).level() != AreaLevel.GRID) {
      List<Edit> next = new ArrayList<>();
      for (Edit e : level) {
        for (var changed : e.after().entrySet()) {
          String code = changed.getKey();
          Map<String, Geometry> kids = childrenOf.apply(code);
          Map<String, MultiPolygon> after = follow(code, e.before().get(code), changed.getValue(), kids, minPieceM2, refusals);
          if (after == null) continue;
          Edit child = Edit.reshape(code, code, e.level().child(), neighbours.apply(code, kids), after);
          if (!child.after().isEmpty()) next.add(child);
        }
      }
      out.addAll(next);
      level = next;
    }
    return new Result(refusals.isEmpty() ? out : List.of(), refusals);
  }

  /** The children of {@code code} made to tile its new outline, or null (with refusals added). */
  static Map<String, MultiPolygon> follow(String code, Geometry before, Geometry after, Map<String, Geometry> kids, double minPieceM2,
      List<Reshape.Refusal> refusals) {
    Map<String, Geometry> clipped = new LinkedHashMap<>();
    kids.forEach((k, g) -> clipped.put(k, Reshape.overlay(g, after, OverlayNG.INTERSECTION)));
    Map<String, Geometry> holders = new LinkedHashMap<>();
    clipped.forEach((k, g) -> { if (!g.isEmpty()) holders.put(k, g); });
    Geometry gained = Reshape.overlay(after, before, OverlayNG.DIFFERENCE);
    int before0 = refusals.size();
    for (int i = 0; i < gained.getNumGeometries(); i++) {
      Geometry piece = gained.getGeometryN(i);
      if (MetricProjection.areaM2(piece) < 0.01) continue; // snapping dust
      String to = Reshape.longestBorder(piece, holders);
      if (to == null) {
        refusals.add(new Reshape.Refusal("geometry", "takes a piece that borders none of " + code + "'s areas",
            piece.getInteriorPoint().getCoordinate()));
        continue;
      }
      holders.put(to, Reshape.overlay(holders.get(to), piece, OverlayNG.UNION));
    }
    Map<String, MultiPolygon> out = new LinkedHashMap<>();
    for (var k : kids.entrySet()) {
      Geometry g = Geometries.polygonal(holders.getOrDefault(k.getKey(), Geometries.FACTORY.createPolygon()));
      if (g.isEmpty() || MetricProjection.areaM2(g) < minPieceM2) {
        refusals.add(new Reshape.Refusal("geometry", "leaves nothing (or a sliver) of " + k.getKey() + "; merge or move it first",
            k.getValue().getInteriorPoint().getCoordinate()));
        continue;
      }
      if (g.getNumGeometries() > 1 && k.getValue().getNumGeometries() == 1) {
        refusals.add(new Reshape.Refusal("geometry", String.format(Locale.ROOT, "cuts %s in %d pieces", k.getKey(), g.getNumGeometries()),
            g.getGeometryN(1).getInteriorPoint().getCoordinate()));
        continue;
      }
      out.put(k.getKey(), Geometries.asMultiPolygon(g));
    }
    return refusals.size() > before0 ? null : out;
  }

  /**
   * When areas above grid level are merged or split, what was inside them is re-created inside the new areas,
   * level by level down to the grids: same outlines and names, new codes (a code carries its parent's), the old
   * ones retired. For a merge a new area takes every child of the areas it replaces; for a split, each child goes
   * to the new area that holds most of it. {@code nextCodes} answers the codes the next areas under a parent will get.
   */
  static List<Edit> recode(Edit top, Function<String, Map<String, Geometry>> childrenOf,
      java.util.function.BiFunction<String, Integer, List<String>> nextCodes) {
    List<Edit> out = new ArrayList<>();
    if (top.level() != AreaLevel.GRID) recode(top, nextCodes.apply(top.parentCode(), top.created().size()), childrenOf, nextCodes, out);
    return out;
  }

  /** How many digits a child's code adds to {@code parent}'s (codes nest: 6, 9, 12, 15 digits). */
  static int digitsUnder(String parent) {
    AreaLevel level = AreaLevel.ofCode(parent).orElseThrow();
    return level.child().codeLength() - level.codeLength();
  }

  private static void recode(Edit edit, List<String> codes, Function<String, Map<String, Geometry>> childrenOf,
      java.util.function.BiFunction<String, Integer, List<String>> nextCodes, List<Edit> out) {
    if (edit.level() == AreaLevel.GRID) return;
    List<String> created = edit.created();
    for (int i = 0; i < created.size(); i++) {
      String key = created.get(i), code = codes.get(i);
      Map<String, Geometry> kids = new LinkedHashMap<>();
      for (String old : edit.successors().get(key)) {
        childrenOf.apply(old).forEach((c, g) -> { if (key.equals(holderOf(g, edit.after()))) kids.put(c, g); });
      }
      Map<String, MultiPolygon> after = new LinkedHashMap<>();
      Map<String, List<String>> successors = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      int n = 0;
      for (var k : kids.entrySet()) {
        String next = Edit.NEW + (++n);
        after.put(next, Geometries.asMultiPolygon(k.getValue()));
        successors.put(next, List.of(k.getKey()));
        names.put(next, null);
      }
      Edit child = new Edit(edit.kind(), code, code, edit.level().child(), kids, kids, after, successors, names);
      out.add(child);
      recode(child, nextCodes.apply(code, after.size()), childrenOf, nextCodes, out);
    }
  }

  /** The key of the area holding most of {@code g}. */
  static String holderOf(Geometry g, Map<String, ? extends Geometry> areas) {
    String best = null;
    double most = -1;
    for (var e : areas.entrySet()) {
      if (!e.getValue().getEnvelopeInternal().intersects(g.getEnvelopeInternal())) continue;
      double m2 = MetricProjection.areaM2(Reshape.overlay(g, e.getValue(), OverlayNG.INTERSECTION));
      if (m2 > most) {
        most = m2;
        best = e.getKey();
      }
    }
    return best;
  }
}
