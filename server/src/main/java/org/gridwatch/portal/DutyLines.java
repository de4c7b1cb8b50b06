package org.gridwatch.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.portal.PortalAnswer.ContactRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The public duty lines (值班电话) of grids and community offices: phones that belong to a role in an area, printed on
 * the grid's board, unlike a person's own phone, which stays private in the roster.
 */
@Service
class DutyLines {
  private final JdbcTemplate jdbc;

  DutyLines(JdbcTemplate jdbc) { this.jdbc = jdbc; }

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
