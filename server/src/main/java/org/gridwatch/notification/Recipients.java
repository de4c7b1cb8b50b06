package org.gridwatch.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentSearch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who a message reaches: the accounts behind a unit (its staff with an account, or the grid's current members for a
 * grid), a case's or an area's subscribers (an area's: of the area and every area inside it), a case's reporter
 * (their account when they reported signed in), and each person's preferences.
 */
@Component
class Recipients {
  /** A case's reporter as a recipient: their account, or only a contact with no channel we can reach (SMS/e-mail). */
  record Reporter(String account, boolean hasContact) {}

  private final JdbcTemplate jdbc;
  private final AreaCatalog areas;
  private final IncidentSearch cases;

  Recipients(JdbcTemplate jdbc, AreaCatalog areas, IncidentSearch cases) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.cases = cases;
  }

  /** Accounts of a unit (community, subdistrict, department code), of a person by code, or a grid's current members. */
  Set<String> ofUnit(String unitCode, Instant now) {
    Set<String> people = new LinkedHashSet<>(jdbc.queryForList("SELECT username FROM person WHERE username IS NOT NULL"
        + " AND (unit_code = ? OR code = ?) ORDER BY username", String.class, unitCode, unitCode));
    Timestamp at = Timestamp.from(now);
    people.addAll(jdbc.queryForList("SELECT p.username FROM grid_assignment g JOIN person p ON p.id = g.person_id"
        + " WHERE g.grid_code = ? AND p.username IS NOT NULL AND g.valid_from <= ? AND (g.valid_to IS NULL OR g.valid_to > ?)"
        + " ORDER BY p.username", String.class, unitCode, at, at));
    return people;
  }

  Set<String> ofCase(String publicId) {
    return new LinkedHashSet<>(jdbc.queryForList("SELECT username FROM subscription WHERE kind = 'CASE' AND target = ?"
        + " ORDER BY username", String.class, publicId));
  }

  /** Subscribers of the area or of any area inside it (a district notice reaches everyone subscribed anywhere). */
  Set<String> ofArea(String areaCode) {
    Set<String> inside = inside(areaCode);
    Set<String> people = new LinkedHashSet<>();
    jdbc.query("SELECT username, target FROM subscription WHERE kind = 'AREA' ORDER BY username", rs -> {
      if (inside.contains(rs.getString("target"))) people.add(rs.getString("username"));
    });
    return people;
  }

  private Set<String> inside(String areaCode) {
    AreaCatalog.Snapshot now = areas.now();
    Set<String> codes = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(areaCode));
    while (!todo.isEmpty()) {
      String code = todo.pop();
      if (codes.add(code)) now.children(code).stream().map(AreaView::code).forEach(todo::push);
    }
    return codes;
  }

  Optional<Reporter> reporterOf(String publicId) {
    return cases.byPublicId(publicId).map(Recipients::reporter);
  }

  static Reporter reporter(Incident i) {
    boolean contact = i.getReporterPhone() != null || i.getReporterEmail() != null;
    return new Reporter(i.getReporterAccount(), contact || i.getReporterAccount() != null);
  }

  Preference preferenceOf(String username) {
    List<Preference> found = jdbc.query("SELECT language, channel, webhook_url, opt_out, quiet_hours FROM notification_preference"
        + " WHERE username = ?", (rs, n) -> new Preference(rs.getString(1), rs.getString(2), rs.getString(3),
        Arrays.stream(rs.getString(4).split(",")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet()),
        QuietHours.parse(rs.getString(5))), username);
    return found.isEmpty() ? Preference.DEFAULT : found.get(0);
  }
}
