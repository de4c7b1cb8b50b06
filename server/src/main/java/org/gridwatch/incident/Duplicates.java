package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * Finds the open case a new report probably repeats: same category, reported within {@link #WINDOW}, within
 * {@link #RADIUS_M} metres (measured in the district's Gauss–Krüger zone). The database narrows by category, time and bounding box
 * (the {@code &&} operator and ST_MakeEnvelope exist in PostGIS and H2GIS alike); the distance is measured here.
 */
@Component
class Duplicates {
  static final double RADIUS_M = 50;
  static final Duration WINDOW = Duration.ofDays(7);
  private static final String OPEN_SQL = java.util.Arrays.stream(Status.values()).filter(Status::open)
      .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));

  private final EntityManager em;

  Duplicates(EntityManager em) { this.em = em; }

  /** A nearby open case: its row id and public number. */
  record Near(long id, String publicId) {}

  /** A new report to check: its category and point. */
  record Probe(String category, Point point) {}

  /** An open case near a probe, at {@code metres} from it. */
  record Candidate(Near near, double metres) {}

  /**
   * The likely duplicate of each probe among the open cases stored now (one query for them all), nearest first, in
   * the probes' order. The cases of a batch not yet stored are the caller's to compare (see {@link #nearer}).
   */
  List<Optional<Candidate>> likelyDuplicates(List<Probe> probes, Instant now) {
    if (probes.isEmpty()) return List.of();
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (int k = 0; k < probes.size(); k++) {
      Point p = probes.get(k).point();
      // 50 m is about 0.00056° of longitude and 0.00045° of latitude here; the box is a little larger.
      Envelope box = new Envelope(p.getX() - 0.0007, p.getX() + 0.0007, p.getY() - 0.0006, p.getY() + 0.0006);
      if (k > 0) sql.append(" union all ");
      int n = params.size();
      sql.append("select * from (select ").append(k).append(" as probe, id, public_id, ST_X(location) as x, ST_Y(location) as y")
          .append(" from incident where category_code = ?").append(n + 1).append(" and status in (").append(OPEN_SQL)
          .append(") and reported_at >= ?").append(n + 2).append(" and merged_into is null and location && ST_MakeEnvelope(?")
          .append(n + 3).append(", ?").append(n + 4).append(", ?").append(n + 5).append(", ?").append(n + 6)
          .append(", 4326) order by id limit 200) p").append(k);
      params.addAll(List.of(probes.get(k).category(), now.minus(WINDOW), box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()));
    }
    var q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) q.setParameter(i + 1, params.get(i));
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    List<Optional<Candidate>> best = new ArrayList<>(java.util.Collections.nCopies(probes.size(), Optional.empty()));
    for (Object[] r : rows) {
      int k = ((Number) r[0]).intValue();
      Point p = probes.get(k).point();
      Optional<Candidate> c = nearer(best.get(k), p, ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue(),
          new Near(((Number) r[1]).longValue(), (String) r[2]));
      best.set(k, c);
    }
    return best;
  }

  /** {@code best}, or the case at (lon, lat) if it is within {@link #RADIUS_M} of {@code p} and not farther. */
  static Optional<Candidate> nearer(Optional<Candidate> best, Point p, double lon, double lat, Near near) {
    double[] at = MetricProjection.project(p.getX(), p.getY());
    double[] q = MetricProjection.project(lon, lat);
    double d = Math.hypot(q[0] - at[0], q[1] - at[1]);
    if (d > RADIUS_M || (best.isPresent() && d > best.get().metres())) return best;
    return Optional.of(new Candidate(near, d));
  }
}
