package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
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

  Optional<Near> likelyDuplicate(String category, Point p, Instant now) {
    // 50 m is about 0.00056° of longitude and 0.00045° of latitude here; the box is a little larger.
    Envelope box = new Envelope(p.getX() - 0.0007, p.getX() + 0.0007, p.getY() - 0.0006, p.getY() + 0.0006);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select id, public_id, ST_X(location), ST_Y(location) from incident "
            + "where category_code = ?1 and status in (" + OPEN_SQL + ") and reported_at >= ?2 and merged_into is null "
            + "and location && ST_MakeEnvelope(?3, ?4, ?5, ?6, 4326)")
        .setParameter(1, category).setParameter(2, now.minus(WINDOW))
        .setParameter(3, box.getMinX()).setParameter(4, box.getMinY()).setParameter(5, box.getMaxX())
        .setParameter(6, box.getMaxY()).setMaxResults(200).getResultList();
    double[] at = MetricProjection.project(p.getX(), p.getY());
    Near best = null;
    double bestD = RADIUS_M;
    for (Object[] r : rows) {
      double[] q = MetricProjection.project(((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue());
      double d = Math.hypot(q[0] - at[0], q[1] - at[1]);
      if (d <= bestD) {
        bestD = d;
        best = new Near(((Number) r[0]).longValue(), (String) r[1]);
      }
    }
    return Optional.ofNullable(best);
  }
}
