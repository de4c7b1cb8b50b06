package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Checks a new set of children for one parent and works out their outlines, by the rules of {@link Reshape}:
 * every outline a valid, non-empty (Multi)Polygon; none reaching more than the sliver limit outside the parent
 * (less is clipped); no overlap and no gap inside the parent above {@link #DUST_M2} (smaller ones, rounding left
 * by snapping to the common 1e-7° grid, go to the piece that changed); one piece per area unless the parent is in
 * pieces; no piece under the sliver limit; each code a current child of this parent, at most once. A piece whose
 * outline did not change ({@link Reshape#changed}) is kept exactly as stored, and gaps or overlaps that were
 * already there are not blamed on anyone, so sending the current children back is a no-op.
 *
 * <p>Pure: WGS84 geometries in, WGS84 geometries out. Refusals name the feature ({@code features[i].geometry},
 * {@code features[i].properties.code}) and, for geometry, a place and an area in m².
 */
final class Retiling {
  /** Overlaps and gaps up to this size are snapping dust, not territory (as in Reshape). */
  static final double DUST_M2 = 0.01;

  /** What becomes of a piece. */
  enum Fate { KEPT, RESHAPED, CREATED }

  /** One piece as worked out: its fate and final outline. */
  record Outline(Retile.Piece piece, Fate fate, MultiPolygon outline) {}

  /** The outcome: outlines in piece order and the current children left out; if refused, no outlines. */
  record Result(List<Outline> outlines, List<String> retired, List<FieldError> errors) {
    boolean ok() { return errors.isEmpty(); }

    boolean changesNothing() { return retired.isEmpty() && outlines.stream().allMatch(o -> o.fate() == Fate.KEPT); }
  }

  private Retiling() {}

  /** A piece during the check: its outline so far, and its outline before (null for a new area). */
  private static final class Candidate {
    final Retile.Piece piece;
    final Geometry before;
    Geometry outline;

    Candidate(Retile.Piece piece, Geometry before, Geometry outline) {
      this.piece = piece;
      this.before = before;
      this.outline = outline;
    }

    boolean changed() { return outline != before; }
    String field() { return Retiling.field(piece) + ".geometry"; }
    String name() { return Retiling.field(piece) + (piece.code() == null ? "" : " (" + piece.code() + ")"); }
  }

  /**
   * @param parentCode the parent, for messages
   * @param parent     its outline
   * @param current    its current children, code to outline
   * @param pieces     the new children
   * @param find       any current area by code (to say where a foreign code belongs)
   */
  static Result check(String parentCode, Geometry parent, Map<String, ? extends Geometry> current, List<Retile.Piece> pieces,
      Function<String, Optional<AreaView>> find, double minPieceM2) {
    List<FieldError> errors = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean complete = true;
    for (Retile.Piece p : pieces) {
      if (p.code() != null) codeError(p, seen, parentCode, current, find).ifPresent(errors::add);
      Candidate c = candidate(p, parent, p.code() == null ? null : current.get(p.code()), minPieceM2, errors);
      if (c == null) complete = false; else candidates.add(c);
    }
    List<String> retired = current.keySet().stream().filter(code -> !seen.containsKey(code)).toList();
    if (errors.isEmpty() && retired.isEmpty() && candidates.stream().noneMatch(Candidate::changed)) {
      return result(candidates, retired, errors);
    }
    overlaps(candidates, errors);
    if (complete) gaps(parent, current, candidates, errors);
    boolean parentInPieces = parent.getNumGeometries() > 1;
    for (Candidate c : candidates) if (c.changed()) pieceErrors(c, parentInPieces, minPieceM2, errors);
    if (errors.isEmpty()) {
      for (TilingCheck.Violation v : TilingCheck.check(Map.of(parentCode, parent),
          Map.of(parentCode, candidates.stream().map(c -> c.outline).toList()))) {
        errors.add(new FieldError("features", Text.of("redistrict.would-not-stay-tiled", parentCode, v.problem(), m2(v.areaM2()))));
      }
    }
    return result(candidates, retired, errors);
  }

  static String field(Retile.Piece p) { return "features[" + p.feature() + "]"; }

  private static Optional<FieldError> codeError(Retile.Piece p, Map<String, Integer> seen, String parentCode,
      Map<String, ? extends Geometry> current, Function<String, Optional<AreaView>> find) {
    String field = field(p) + ".properties.code";
    Integer first = seen.putIfAbsent(p.code(), p.feature());
    if (first != null) return Optional.of(new FieldError(field, Text.of("redistrict.x-also-code-features-x", p.code(), first)));
    if (current.containsKey(p.code())) return Optional.empty();
    Optional<AreaView> elsewhere = find.apply(p.code());
    if (elsewhere.isEmpty()) return Optional.of(new FieldError(field, Text.of("redistrict.there-no-current-area-x", p.code())));
    AreaView a = elsewhere.get();
    return Optional.of(new FieldError(field, Text.of("redistrict.x-x-x-not-child", p.code(), a.level().name().toLowerCase(Locale.ROOT), a.parentCode() == null ? Text.of("redistrict.no-parent") : Text.plain(a.parentCode()), parentCode)));
  }

  /** The piece clipped to the parent, its stored outline if unchanged, or null (with the refusal) if unusable. */
  private static Candidate candidate(Retile.Piece p, Geometry parent, Geometry before, double minPieceM2, List<FieldError> errors) {
    String field = field(p) + ".geometry";
    Geometry g = p.outline();
    if (!(g instanceof Polygon || g instanceof MultiPolygon) || g.isEmpty()) {
      errors.add(new FieldError(field, Text.of("redistrict.must-non-empty-polygon-or")));
      return null;
    }
    IsValidOp valid = new IsValidOp(g);
    if (!valid.isValid()) {
      errors.add(new FieldError(field, at(Text.of("redistrict.not-valid-polygon", valid.getValidationError().getMessage()),
          valid.getValidationError().getCoordinate())));
      return null;
    }
    if (before != null && (sameVertices(before, g) || !Reshape.changed(before, g))) return new Candidate(p, before, before);
    Geometry outside = Reshape.overlay(g, parent, OverlayNG.DIFFERENCE);
    double outsideM2 = MetricProjection.areaM2(outside);
    if (outsideM2 > minPieceM2) {
      errors.add(new FieldError(field, at(Text.of("redistrict.reaches-outside-parent", m2(outsideM2)),
          outside.getInteriorPoint().getCoordinate())));
      return null;
    }
    return new Candidate(p, before, Reshape.overlay(g, parent, OverlayNG.INTERSECTION));
  }

  /** Overlaps involving a changed piece: refused above dust, otherwise cut from the changed piece. */
  private static void overlaps(List<Candidate> candidates, List<FieldError> errors) {
    for (int j = 0; j < candidates.size(); j++) {
      Candidate b = candidates.get(j);
      for (int i = 0; i < j; i++) {
        Candidate a = candidates.get(i);
        if (!a.changed() && !b.changed()) continue;
        if (!a.outline.getEnvelopeInternal().intersects(b.outline.getEnvelopeInternal())) continue;
        Geometry shared = Reshape.overlay(a.outline, b.outline, OverlayNG.INTERSECTION);
        if (shared.isEmpty()) continue;
        double m2 = MetricProjection.areaM2(shared);
        Candidate blamed = b.changed() ? b : a, other = blamed == b ? a : b;
        if (m2 > DUST_M2) {
          errors.add(new FieldError(blamed.field(), at(Text.of("redistrict.overlaps-by", other.name(), m2(m2)),
              shared.getInteriorPoint().getCoordinate())));
        } else {
          blamed.outline = Reshape.overlay(blamed.outline, shared, OverlayNG.DIFFERENCE);
        }
      }
    }
  }

  /** Parts of the parent no piece covers (and none covered before): refused above dust, otherwise given to a changed neighbour. */
  private static void gaps(Geometry parent, Map<String, ? extends Geometry> current, List<Candidate> candidates, List<FieldError> errors) {
    Geometry gap = Reshape.overlay(parent, union(candidates.stream().map(c -> c.outline).toList()), OverlayNG.DIFFERENCE);
    if (gap.isEmpty()) return;
    if (MetricProjection.areaM2(gap) > DUST_M2 && !current.isEmpty()) {
      Geometry before = Reshape.overlay(parent, union(List.copyOf(current.values())), OverlayNG.DIFFERENCE);
      if (!before.isEmpty()) gap = Reshape.overlay(gap, before, OverlayNG.DIFFERENCE);
    }
    Map<String, Geometry> all = new LinkedHashMap<>(), changed = new LinkedHashMap<>();
    Map<String, Candidate> candidateOf = new HashMap<>();
    for (Candidate c : candidates) {
      all.put(c.field(), c.outline);
      if (c.changed()) changed.put(c.field(), c.outline);
      candidateOf.put(c.field(), c);
    }
    for (int k = 0; k < gap.getNumGeometries(); k++) {
      Geometry hole = gap.getGeometryN(k);
      double m2 = MetricProjection.areaM2(hole);
      String next = Reshape.longestBorder(hole, changed); // the piece that changed made the gap
      if (next == null) next = Reshape.longestBorder(hole, all);
      Candidate neighbour = next == null ? null : candidateOf.get(next);
      if (m2 > DUST_M2) {
        errors.add(new FieldError(next == null ? "features" : next, at(neighbour == null ? Text.of("redistrict.leaves-gap", m2(m2))
            : Text.of("redistrict.leaves-gap-next-to", m2(m2), neighbour.name()),
            hole.getInteriorPoint().getCoordinate())));
      } else if (neighbour != null && neighbour.changed()) {
        neighbour.outline = Reshape.overlay(neighbour.outline, hole, OverlayNG.UNION);
      }
    }
  }

  /** Slivers and pieces of a changed outline. */
  private static void pieceErrors(Candidate c, boolean parentInPieces, double minPieceM2, List<FieldError> errors) {
    Geometry g = Geometries.polygonal(c.outline);
    if (g.isEmpty()) {
      errors.add(new FieldError(c.field(), Text.of("redistrict.has-no-area-inside-parent")));
      return;
    }
    for (int i = 0; i < g.getNumGeometries(); i++) {
      double m2 = MetricProjection.areaM2(g.getGeometryN(i));
      if (m2 < minPieceM2) {
        errors.add(new FieldError(c.field(), at(Text.of("redistrict.has-sliver", m2(m2), String.format(Locale.ROOT, "%.0f", minPieceM2)),
            g.getGeometryN(i).getInteriorPoint().getCoordinate())));
      }
    }
    if (g.getNumGeometries() > 1 && !parentInPieces) {
      errors.add(new FieldError(c.field(), at(Text.of("redistrict.in-pieces", g.getNumGeometries()),
          g.getGeometryN(1).getInteriorPoint().getCoordinate())));
    }
  }

  /** The same rings, whatever their orientation or starting point: an exported outline sent back (no overlay needed). */
  private static boolean sameVertices(Geometry before, Geometry after) {
    if (before.getNumPoints() != after.getNumPoints()) return false;
    return Geometries.asMultiPolygon(before).norm().equalsExact(Geometries.asMultiPolygon(after).norm());
  }

  private static Geometry union(List<Geometry> parts) {
    Geometry u = parts.isEmpty() ? Geometries.FACTORY.createPolygon() : UnaryUnionNG.union(parts, Reshape.GRID);
    return Geometries.polygonal(u);
  }

  private static Result result(List<Candidate> candidates, List<String> retired, List<FieldError> errors) {
    if (!errors.isEmpty()) return new Result(List.of(), retired, List.copyOf(errors));
    List<Outline> out = new ArrayList<>();
    for (Candidate c : candidates) {
      Fate fate = c.before == null ? Fate.CREATED : c.changed() ? Fate.RESHAPED : Fate.KEPT;
      out.add(new Outline(c.piece, fate, Geometries.asMultiPolygon(c.outline)));
    }
    return new Result(out, retired, List.of());
  }

  private static Text at(Text reason, Coordinate where) {
    return where == null ? reason : Text.of("redistrict.reason-at", reason, String.format(Locale.ROOT, "%.7f", where.x),
        String.format(Locale.ROOT, "%.7f", where.y));
  }

  /** Square metres as the refusals print them: one decimal, whatever the reader's locale. */
  private static String m2(double m2) { return String.format(Locale.ROOT, "%.1f", m2); }
}
