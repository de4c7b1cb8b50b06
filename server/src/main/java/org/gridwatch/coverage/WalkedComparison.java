package org.gridwatch.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.patrol.WalkedTrack;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan beside the walk, for the planning view: the tracks walked in a period; each planned route's line minus the
 * walked strips (what was planned and not walked); and each track minus the planned routes' strips (walked where no
 * route plans it). Lines, not strips, so the map stays light. The last answer is kept while neither the tracks nor the
 * ground net change.
 */
@Component
class WalkedComparison {
  /** A walked track. */
  record Walked(long patrol, String route, Instant endedAt, long lengthM, JsonNode geometry) {}

  /**
   * A planned route and the part of its line not walked. {@code geometry} is given only for a route walked in part:
   * a route walked nowhere ({@code notWalkedM == plannedM}) is its own line, as the routes layer has it, and a route
   * walked all along has nothing left.
   */
  record NotWalked(String route, String name, long plannedM, long notWalkedM, JsonNode geometry) {}

  /** The part of a track that no planned route's strip covers. */
  record Unplanned(long patrol, long lengthM, JsonNode geometry) {}

  /** The comparison over the tracks that ended in (from, to]. */
  record Answer(Instant from, Instant to, int days, List<Walked> walked, List<NotWalked> notWalked, List<Unplanned> unplanned,
      long plannedM, long notWalkedM, long unplannedM) {}

  private record Kept(long version, List<Long> tracks, Answer answer) {}

  private final CoverageEngine engine;
  private final WalkedCoverage walked;
  private final JsonMapper json;
  private volatile Kept kept;

  WalkedComparison(CoverageEngine engine, WalkedCoverage walked, JsonMapper json) {
    this.engine = engine;
    this.walked = walked;
    this.json = json;
  }

  Answer compare(Instant to, int days) {
    CoverageEngine.State state = engine.state();
    List<WalkedTrack> tracks = walked.tracks(to, days);
    List<Long> ids = tracks.stream().map(WalkedTrack::id).toList();
    Kept k = kept;
    if (k != null && k.version() == state.version() && k.tracks().equals(ids) && k.answer().days() == days) {
      return new Answer(to.minus(java.time.Duration.ofDays(days)), to, days, k.answer().walked(), k.answer().notWalked(),
          k.answer().unplanned(), k.answer().plannedM(), k.answer().notWalkedM(), k.answer().unplannedM());
    }
    List<Walked> walkedOut = new ArrayList<>();
    List<Geometry> strips = new ArrayList<>();
    List<Unplanned> unplanned = new ArrayList<>();
    long unplannedM = 0;
    for (WalkedTrack t : tracks) {
      Geometry line = MetricProjection.toMetres(t.track());
      walkedOut.add(new Walked(t.id(), t.routeCode(), t.endedAt(), Math.round(line.getLength()), geo(t.track())));
      strips.add(org.gridwatch.geo.RouteBuffer.metres(t.track(), t.widthM()));
      List<Geometry> planned = new ArrayList<>();
      for (Object o : state.bufferIndex.query(line.getEnvelopeInternal())) planned.add((Geometry) o);
      Geometry outside = planned.isEmpty() ? line : lineal(OverlayNGRobust.overlay(line, UnaryUnionOp.union(planned), OverlayNG.DIFFERENCE));
      if (outside.getLength() >= 1) {
        unplanned.add(new Unplanned(t.id(), Math.round(outside.getLength()), geo(MetricProjection.toWgs84(outside))));
        unplannedM += Math.round(outside.getLength());
      }
    }
    Geometry walkedArea = strips.isEmpty() ? null : UnaryUnionOp.union(strips);
    PreparedGeometry prepared = walkedArea == null ? null : PreparedGeometryFactory.prepare(walkedArea);
    List<NotWalked> notWalked = new ArrayList<>();
    long plannedM = 0, notWalkedM = 0;
    for (RouteView r : state.routeViews.values().stream().sorted(java.util.Comparator.comparing(RouteView::code)).toList()) {
      Geometry line = MetricProjection.toMetres(r.line());
      Geometry rest = prepared == null || !prepared.intersects(line) ? line
          : lineal(OverlayNGRobust.overlay(line, walkedArea, OverlayNG.DIFFERENCE));
      plannedM += Math.round(line.getLength());
      notWalkedM += Math.round(rest.getLength());
      notWalked.add(new NotWalked(r.code(), r.name(), Math.round(line.getLength()), Math.round(rest.getLength()),
          rest == line || rest.isEmpty() ? null : geo(MetricProjection.toWgs84(rest))));
    }
    Answer a = new Answer(to.minus(java.time.Duration.ofDays(days)), to, days, walkedOut, notWalked, unplanned, plannedM,
        notWalkedM, unplannedM);
    kept = new Kept(state.version(), ids, a);
    return a;
  }

  private static Geometry lineal(Geometry g) {
    List<Geometry> lines = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) if (g.getGeometryN(i).getDimension() == 1) lines.add(g.getGeometryN(i));
    return lines.isEmpty() ? g.getFactory().createMultiLineString() : g.getFactory().buildGeometry(lines);
  }

  private JsonNode geo(Geometry wgs84) {
    Geometry g = wgs84.getSRID() == 0 ? Geometries.FACTORY.createGeometry(wgs84) : wgs84;
    return json.readTree(GeoJson.toJson(g));
  }
}
