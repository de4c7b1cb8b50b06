package org.gridwatch.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.portal.PortalAnswer.ContactRole;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public duty lines (值班电话) of grids and community offices: phones that belong to a role in an area, printed on
 * the grid's board, unlike a person's own phone, which stays private in the roster.
 */
@Service
class DutyLines {
  private final JdbcTemplate jdbc;
  private final AreaCatalog areas;
  private final Clock clock;

  DutyLines(JdbcTemplate jdbc, AreaCatalog areas, Clock clock) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.clock = clock;
  }

  /**
   * Sets (or with no phone removes) the line of a role in an area: a grid's GRID_MEMBER or POLICE_OFFICER, a community's
   * COMMUNITY_OFFICE; any other area is 422 naming {@code area}. Committed before the answer.
   */
  @Transactional
  DutyLineRequest.Answer set(String areaCode, ContactRole role, String phone, String by) {
    AreaView area = areas.now().find(areaCode).orElseThrow(() -> badArea(Text.of("portal.unknown-area-x", areaCode)));
    AreaLevel needed = role == ContactRole.COMMUNITY_OFFICE ? AreaLevel.COMMUNITY : AreaLevel.GRID;
    if (area.level() != needed) throw badArea(Text.of("portal.duty-line-area-x-x", areaCode, needed.name()));
    jdbc.update("DELETE FROM duty_line WHERE area_code = ? AND role = ?", areaCode, role.name());
    if (phone != null && !phone.isEmpty()) {
      jdbc.update("INSERT INTO duty_line (area_code, role, phone, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)", areaCode, role.name(),
          phone, Timestamp.from(clock.instant()), by);
    }
    return new DutyLineRequest.Answer(areaCode, role, phone == null || phone.isEmpty() ? null : phone);
  }

  private static ProblemException badArea(Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", (Text) null,
        List.of(new FieldError("area", reason)));
  }

  /** The duty lines set for these areas, by area code and role. */
  Map<String, String> of(List<String> areaCodes) {
    Map<String, String> out = new HashMap<>();
    if (areaCodes.isEmpty()) return out;
    String marks = String.join(",", java.util.Collections.nCopies(areaCodes.size(), "?"));
    jdbc.query("SELECT area_code, role, phone FROM duty_line WHERE area_code IN (" + marks + ")",
        rs -> { out.put(key(rs.getString(1), ContactRole.valueOf(rs.getString(2))), rs.getString(3)); }, areaCodes.toArray());
    return out;
  }

  static String key(String areaCode, ContactRole role) { return areaCode + "|" + role.name(); }
}
