package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases for the operators' map, sized for a million of them: below {@link #POINT_ZOOM} the database counts open
 * and overdue cases per grid (one GROUP BY, a choropleth on the client); from that zoom on it sends the points
 * in view, capped at {@link #MAX_POINTS}.
 */
@Service
public class IncidentMap {
  public static final int POINT_ZOOM = 15;
  public static final int MAX_POINTS = 3000;
  private static final String OPEN = Arrays.stream(Status.values()).filter(Status::open)
      .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

  private final EntityManager em;
  private final Clock clock;

  IncidentMap(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Open and overdue cases per grid code. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> perGrid(String category) {
    var q = em.createNativeQuery("select grid_code, count(*), sum(case when deadline < ?1 then 1 else 0 end) from incident "
        + "where status in (" + OPEN + ")" + (category == null ? "" : " and category_code = ?2") + " group by grid_code")
        .setParameter(1, clock.instant());
    if (category != null) q.setParameter(2, category);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("gridCode", r[0]);
      m.put("open", ((Number) r[1]).longValue());
      m.put("overdue", ((Number) r[2]).longValue());
      out.add(m);
    }
    return out;
  }

  /** Open cases inside a lon/lat box, most urgent first. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> points(double west, double south, double east, double north, String category) {
    Instant now = clock.instant();
    var q = em.createNativeQuery("select public_id, ST_X(location), ST_Y(location), status, category_code, deadline from incident "
        + "where status in (" + OPEN + ") and location && ST_MakeEnvelope(?1, ?2, ?3, ?4, 4326)"
        + (category == null ? "" : " and category_code = ?5") + " order by deadline")
        .setParameter(1, west).setParameter(2, south).setParameter(3, east).setParameter(4, north).setMaxResults(MAX_POINTS);
    if (category != null) q.setParameter(5, category);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      Instant deadline = toInstant(r[5]);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r[0]);
      m.put("lon", ((Number) r[1]).doubleValue());
      m.put("lat", ((Number) r[2]).doubleValue());
      m.put("status", r[3]);
      m.put("category", r[4]);
      m.put("overdue", deadline != null && deadline.isBefore(now));
      out.add(m);
    }
    return out;
  }

  private static Instant toInstant(Object o) {
    if (o == null) return null;
    if (o instanceof Instant i) return i;
    if (o instanceof java.sql.Timestamp t) return t.toInstant();
    if (o instanceof java.time.OffsetDateTime t) return t.toInstant();
    return Instant.parse(o.toString());
  }
}
