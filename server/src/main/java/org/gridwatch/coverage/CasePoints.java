package org.gridwatch.coverage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.incident.IncidentSearch;
import org.locationtech.jts.geom.Coordinate;

/**
 * The places of recent cases in metres, per grid, kept in memory so that a new time window counts its cases without a
 * query: the cases since a little more than 90 days before now are read once and kept until a case is reported or moved
 * (the count of such changes is given by the caller). A window asking further back than what is kept is read from the
 * database, as before. Thread-safe.
 */
final class CasePoints {
  /** Today's time-of-day windows start at most a day before now; two days leave room for a date change. */
  private static final Duration MARGIN = Duration.ofDays(2);

  private record Point(Instant reportedAt, String gridCode, Coordinate metric) {}

  private record Kept(long casePlaces, Instant floor, List<Point> points) {}

  private final IncidentSearch incidents;
  private final Clock clock;
  private volatile Kept kept;

  CasePoints(IncidentSearch incidents, Clock clock) {
    this.incidents = incidents;
    this.clock = clock;
  }

  /** The cases reported since {@code since}, their places in metres, per grid code. */
  Map<String, List<Coordinate>> byGrid(Instant since, long casePlaces, Duration window) {
    Kept k = kept;
    if (k == null || k.casePlaces() != casePlaces || since.isBefore(k.floor())) {
      Instant floor = clock.instant().minus(window).minus(MARGIN);
      if (since.isBefore(floor)) return group(read(since), since); // an old window: not worth keeping
      k = new Kept(casePlaces, floor, read(floor));
      kept = k;
    }
    return group(k.points(), since);
  }

  private List<Point> read(Instant since) {
    List<Point> out = new ArrayList<>();
    for (IncidentSearch.DatedWhere w : incidents.reportedSinceDated(since)) {
      double[] xy = MetricProjection.project(w.lon(), w.lat());
      out.add(new Point(w.reportedAt(), w.gridCode(), new Coordinate(xy[0], xy[1])));
    }
    return List.copyOf(out);
  }

  private static Map<String, List<Coordinate>> group(List<Point> points, Instant since) {
    Map<String, List<Coordinate>> out = new HashMap<>();
    for (Point p : points) {
      if (!p.reportedAt().isBefore(since)) out.computeIfAbsent(p.gridCode(), g -> new ArrayList<>()).add(p.metric());
    }
    return out;
  }
}
