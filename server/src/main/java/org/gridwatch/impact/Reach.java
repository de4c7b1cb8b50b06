package org.gridwatch.impact;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many people some projects' activities inside their service areas reached: each known person once (by their keyed
 * hash, across all the projects), plus the participants of activities that named nobody, summed. The basis says which.
 */
@Component
class Reach {
  enum Basis { UNIQUE, SUMMED, MIXED }

  record Count(int people, int sessions, int outside, Basis basis) {}

  private final NamedParameterJdbcTemplate jdbc;

  Reach(JdbcTemplate jdbc) { this.jdbc = new NamedParameterJdbcTemplate(jdbc); }

  Count of(Collection<Long> projects) {
    if (projects.isEmpty()) return new Count(0, 0, 0, Basis.UNIQUE);
    MapSqlParameterSource p = new MapSqlParameterSource("projects", List.copyOf(projects));
    Integer unique = jdbc.queryForObject("SELECT count(DISTINCT k.person_key) FROM project_activity_person k"
        + " JOIN project_activity a ON a.id = k.activity_id WHERE a.project_id IN (:projects) AND a.inside_service_area = TRUE", p, Integer.class);
    record Sums(int named, int unnamed, long unnamedParticipants, int outside) {}
    Sums s = jdbc.queryForObject("SELECT"
        + " COALESCE(SUM(CASE WHEN a.inside_service_area AND EXISTS (SELECT 1 FROM project_activity_person k WHERE k.activity_id = a.id) THEN 1 ELSE 0 END), 0),"
        + " COALESCE(SUM(CASE WHEN a.inside_service_area AND NOT EXISTS (SELECT 1 FROM project_activity_person k WHERE k.activity_id = a.id) THEN 1 ELSE 0 END), 0),"
        + " COALESCE(SUM(CASE WHEN a.inside_service_area AND NOT EXISTS (SELECT 1 FROM project_activity_person k WHERE k.activity_id = a.id) THEN a.participants ELSE 0 END), 0),"
        + " COALESCE(SUM(CASE WHEN a.inside_service_area THEN 0 ELSE 1 END), 0)"
        + " FROM project_activity a WHERE a.project_id IN (:projects)", p,
        (rs, i) -> new Sums(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getInt(4)));
    Basis basis = s.unnamed() == 0 ? Basis.UNIQUE : s.named() == 0 ? Basis.SUMMED : Basis.MIXED;
    return new Count((int) Math.min(Integer.MAX_VALUE, (unique == null ? 0 : unique) + s.unnamedParticipants()),
        s.named() + s.unnamed(), s.outside(), basis);
  }

  /** The grids where activities inside the service areas were held. */
  java.util.Set<String> gridsReached(long project) {
    return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT grid_code FROM project_activity WHERE project_id = :p"
        + " AND inside_service_area = TRUE AND grid_code IS NOT NULL", new MapSqlParameterSource("p", project), String.class));
  }
}
