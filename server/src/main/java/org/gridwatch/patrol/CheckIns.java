package org.gridwatch.patrol;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.patrol.PatrolAnswers.CheckpointState;
import org.springframework.stereotype.Component;

/**
 * Check-ins (签到) of a patrol at its route's key points: automatic when an accepted fix lies within a key point's
 * radius, or asked for explicitly from a position. The first check-in at a key point counts; later ones change nothing.
 * Runs inside the caller's transaction.
 */
@Component
class CheckIns {
  private final EntityManager em;
  private final Checkpoints checkpoints;

  CheckIns(EntityManager em, Checkpoints checkpoints) {
    this.em = em;
    this.checkpoints = checkpoints;
  }

  /** The patrol's route's key points with when this patrol checked in at each (none without a route). */
  List<CheckpointState> states(Patrol p) {
    if (p.getRouteCode() == null) return List.of();
    Map<String, Instant> done = checkedIn(p.getId());
    return checkpoints.of(p.getRouteCode()).stream().map(c -> new CheckpointState(c.code(), c.name(), c.lon(), c.lat(),
        c.radiusM(), done.get(c.code()))).toList();
  }

  /** Checks in at every key point not yet reached that one of the accepted fixes lies within. */
  void fromFixes(Patrol p, List<Fix> accepted) {
    if (p.getRouteCode() == null || accepted.isEmpty()) return;
    Map<String, Instant> done = checkedIn(p.getId());
    for (CheckpointView c : checkpoints.of(p.getRouteCode())) {
      if (done.containsKey(c.code())) continue;
      for (Fix f : accepted) {
        if (distanceM(c, f.lon(), f.lat()) <= c.radiusM()) {
          insert(p.getId(), c.code(), f.at(), f.lon(), f.lat(), false);
          break;
        }
      }
    }
  }

  /** An explicit check-in, already checked to lie within the radius; answers when it counts from. */
  Instant explicit(Patrol p, CheckpointView c, double lon, double lat, Instant now) {
    Instant earlier = checkedIn(p.getId()).get(c.code());
    if (earlier != null) return earlier;
    insert(p.getId(), c.code(), now, lon, lat, true);
    return now;
  }

  static double distanceM(CheckpointView c, double lon, double lat) {
    return MetricProjection.distanceM(Geometries.point(c.lon(), c.lat()), Geometries.point(lon, lat));
  }

  private Map<String, Instant> checkedIn(long patrolId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select checkpoint_code, checked_at from patrol_checkin where patrol_id = ?1")
        .setParameter(1, patrolId).getResultList();
    Map<String, Instant> out = new HashMap<>();
    for (Object[] r : new ArrayList<>(rows)) out.put((String) r[0], instant(r[1]));
    return out;
  }

  static Instant instant(Object value) {
    if (value instanceof Instant i) return i;
    if (value instanceof java.time.OffsetDateTime o) return o.toInstant();
    if (value instanceof java.sql.Timestamp t) return t.toInstant();
    throw new IllegalStateException("unexpected timestamp " + value.getClass());
  }

  private void insert(long patrolId, String code, Instant at, double lon, double lat, boolean explicit) {
    em.createNativeQuery("insert into patrol_checkin (patrol_id, checkpoint_code, checked_at, lon, lat, explicit_request) "
        + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, patrolId).setParameter(2, code).setParameter(3, at)
        .setParameter(4, lon).setParameter(5, lat).setParameter(6, explicit).executeUpdate();
  }
}
