package org.gridwatch.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Bulk copies of the demo's cases in PostGIS (new ids and public ids), for benchmarks at scale. */
public final class CaseCopies {
  private CaseCopies() {}

  /**
   * Copies cases until {@code where} matches {@code target} rows; {@code open} makes every copy a dispatched,
   * grid-level case due within days, otherwise copies keep their status.
   */
  public static void topUp(Statement s, String where, long target, boolean open) throws SQLException {
    ResultSet rs = s.executeQuery("select count(*) from incident where " + where);
    rs.next();
    long have = rs.getLong(1);
    String status = open ? "'DISPATCHED'" : "status", level = open ? "'GRID'" : "level", unit = open ? "grid_code" : "unit_code";
    while (have < target) {
      long add = Math.min(target - have, 50_000);
      have += s.executeUpdate("insert into incident (id, public_id, kind, category_code, channel, status, priority, location, input_lon, "
          + "input_lat, input_crs, address, description, grid_code, community_code, subdistrict_code, district_code, "
          + "boundary_version, level, unit_code, stage_started_at, deadline, warn_at, warned, reported_at, closed_at, escalations, "
          + "reopenings, left_grid, breached, overdue_notified, version, updated_at) "
          + "select m.top + row_number() over (), 'GB-' || (m.top + row_number() over ()), "
          + "kind, category_code, channel, " + status + ", priority, location, input_lon, input_lat, input_crs, address, "
          + "description, grid_code, community_code, subdistrict_code, district_code, boundary_version, " + level + ", " + unit + ", "
          + "now(), now() + (random() * interval '5 days'), now() + interval '1 day', false, now() - (random() * interval '3 days'), "
          + (open ? "null" : "closed_at") + ", 0, 0, false, false, false, 0, now() "
          + "from incident, (select max(id) as top from incident) m where " + where + " limit " + add);
    }
    s.execute("select setval('incident_seq', (select max(id) from incident) + 1000)");
    s.execute("analyze incident");
  }
}
