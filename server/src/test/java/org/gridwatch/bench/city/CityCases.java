package org.gridwatch.bench.city;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.Category;
import org.gridwatch.incident.Kind;
import org.gridwatch.incident.Level;
import org.gridwatch.incident.Stage;
import org.gridwatch.incident.WorkingCalendar;

/**
 * Ten years of cases and their history events, as the workflow writes them (the same statuses, event types,
 * levels, units, deadlines from the category's limits on the working calendar, SLA flags), streamed with COPY into
 * {@code incident} and {@code incident_event} at once on two connections. The mix follows the demo's
 * (DemoIncidents): reports near buildings, a third at hot spots; most cases close on time at their first level, some
 * escalate, a few are rejected or reopened; reports grow by about 8 % a year, so the last weeks hold the open cases.
 */
final class CityCases {
  private static final String[] MIX = {"SANITATION:220", "ROAD_NOT_CLEAN:100", "PROPERTY_MANAGEMENT:150",
      "NEIGHBOUR_DISPUTE:120", "MUNICIPAL_FACILITY:100", "PUBLIC_SECURITY:60", "ILLEGAL_CONSTRUCTION:40",
      "ELDERLY_CARE:80", "HOUSEKEEPING:40", "DELIVERY:50", "LEGAL_ADVICE:40"};
  private static final String[] NOTES = {"已处理完毕", "已协调物业解决", "已现场调解，双方达成一致", "已联系相关单位修复", "已清理干净"};
  static final String CASE_COLUMNS = "id, public_id, kind, category_code, channel, status, priority, location, input_lon, "
      + "input_lat, input_crs, description, grid_code, community_code, subdistrict_code, district_code, boundary_version, "
      + "level, unit_code, stage_started_at, deadline, warn_at, warned, reported_at, registered_at, dispatched_at, "
      + "resolved_at, closed_at, escalations, reopenings, left_grid, breached, overdue_notified, closed_on_time, version, updated_at";
  static final String EVENT_COLUMNS = "id, incident_id, at, type, from_status, to_status, actor, actor_role, level, unit_code, note";

  private final CityPlaces places;
  private final Category[] byShare = new Category[1000];
  private final WorkingCalendar calendar;
  private final ZoneId zone;
  private final Instant now;
  private long eventId;

  CityCases(CityPlaces places, Categories categories, WorkingCalendar calendar, Instant now) {
    this.places = places;
    this.calendar = calendar;
    this.zone = calendar.getZone();
    this.now = now;
    int at = 0;
    for (String m : MIX) {
      String[] kv = m.split(":");
      Category c = categories.find(kv[0]).orElseThrow(() -> new IllegalStateException("no category " + kv[0]));
      for (int i = 0; i < Integer.parseInt(kv[1]); i++) byShare[at++] = c;
    }
  }

  /** Answers the number of events written. */
  long load(DataSource db, long count, Timings timings) throws Exception {
    SplittableRandom r = new SplittableRandom(10_000_000);
    int[] hotSpots = new int[400];
    for (int i = 0; i < hotSpots.length; i++) hotSpots[i] = r.nextInt(places.lon.length);
    double years = 10, growth = Math.log(1.08);
    long t = System.nanoTime();
    try (Connection a = db.getConnection(); Connection b = db.getConnection()) {
      TableLoad cases = new TableLoad(a, "incident").strip(), events = new TableLoad(b, "incident_event").strip();
      try (Connection ca = db.getConnection(); Connection cb = db.getConnection();
          CopyRows caseRows = new CopyRows(ca, "incident", CASE_COLUMNS);
          CopyRows eventRows = new CopyRows(cb, "incident_event", EVENT_COLUMNS)) {
        // Reports grow by 8 % a year: ages drawn from an exponential density cut at ten years, then numbered oldest
        // first, as the server numbers them, so the table's physical order follows time as it does in production.
        double[] ages = new double[Math.toIntExact(count)];
        for (int i = 0; i < ages.length; i++) ages[i] = -Math.log(1 - r.nextDouble() * (1 - Math.exp(-growth * years))) / growth;
        java.util.Arrays.sort(ages);
        for (long id = 1; id <= count; id++) {
          int bld = r.nextDouble() < 0.3 ? hotSpots[r.nextInt(hotSpots.length)] : r.nextInt(places.lon.length);
          Instant reported = now.minusSeconds((long) (ages[(int) (count - id)] * 365.25 * 86400) + 60);
          new Case(id, byShare[r.nextInt(1000)], bld, reported, r).write(caseRows, eventRows);
          if (id % 1_000_000 == 0) System.out.printf("  %,d cases, %,d events, %.0f s%n", id, eventId, (System.nanoTime() - t) / 1e9);
        }
      }
      timings.copied("incident", count, t);
      timings.copied("incident_event (same COPY pass)", eventId, t);
      timings.indexed("incident", cases.rebuild());
      timings.indexed("incident_event", events.rebuild());
    }
    try (Connection c = db.getConnection(); var s = c.createStatement()) {
      s.execute("SELECT setval('incident_seq', " + (count + 1000) + ")");
      s.execute("SELECT setval('incident_number_seq', " + (count + 1) + ")");
      s.execute("SELECT setval('incident_event_seq', " + (eventId + 1000) + ")");
    }
    return eventId;
  }

  private String channel(SplittableRandom r, Category c) {
    double x = r.nextDouble();
    if (c.getKind() == Kind.REQUEST) return x < 0.55 ? "RESIDENT_WEB" : x < 0.9 ? "HOTLINE" : "OPEN311";
    if (c.getCode().equals("PUBLIC_SECURITY")) return x < 0.4 ? "POLICE" : x < 0.7 ? "CAMERA" : "HOTLINE";
    return x < 0.3 ? "RESIDENT_WEB" : x < 0.5 ? "HOTLINE" : x < 0.8 ? "GRID_MEMBER" : x < 0.92 ? "PATROL" : x < 0.97 ? "CAMERA" : "OPEN311";
  }

  private static Duration minutes(SplittableRandom r, int lo, int hi) { return Duration.ofMinutes(r.nextInt(lo, hi)); }

  /** One case being made up, with the workflow's bookkeeping (after DemoIncidents). */
  private final class Case {
    final long id;
    final Category c;
    final String grid, community, subdistrict;
    final double lon, lat;
    final Instant reported;
    final String channel, priority;
    final List<Object[]> events = new ArrayList<>(8);
    String status;
    Level level;
    Instant registered, dispatched, resolved, closed, stageStart, levelStart, deadline, warnAt;
    int escalations, reopenings;
    boolean breached, leftGrid;

    Case(long id, Category c, int building, Instant reported, SplittableRandom r) {
      this.id = id;
      this.c = c;
      this.grid = places.areas.grids.get(places.gridOf[building]).code();
      this.community = grid.substring(0, 12);
      this.subdistrict = grid.substring(0, 9);
      this.lon = places.lon[building];
      this.lat = places.lat[building];
      this.reported = reported;
      this.channel = channel(r, c);
      double p = r.nextDouble();
      this.priority = p < 0.02 ? "URGENT" : p < 0.12 ? "HIGH" : p < 0.2 ? "LOW" : c.getDefaultPriority().name();
      run(r);
    }

    private void run(SplittableRandom r) {
      event(reported, "REPORTED", null, "REPORTED", "resident", "RESIDENT", null);
      Instant t = reported.plus(minutes(r, 5, 50));
      if (t.isAfter(now)) { open("REPORTED", reported, calendar.add(reported, c.limit(Stage.REGISTER)), null); return; }
      if (r.nextDouble() < 0.02) {
        event(t, "REJECTED", "REPORTED", "REJECTED", "operator", "OPERATOR", "重复或无效上报");
        status = "REJECTED";
        stageStart = t;
        return;
      }
      registered = t;
      event(t, "REGISTERED", "REPORTED", "REGISTERED", "operator", "OPERATOR", null);
      t = t.plus(minutes(r, 5, 45));
      if (t.isAfter(now)) { open("REGISTERED", registered, calendar.add(registered, c.limit(Stage.DISPATCH)), null); return; }
      dispatch(t, c.getFirstLevel(), "DISPATCHED", "operator", "OPERATOR");
      double fate = r.nextDouble();
      int climbs = fate < 0.80 ? 0 : fate < 0.94 ? 1 : fate < 0.985 ? 2 : 3;
      for (int i = 0; i < climbs && level != Level.DEPARTMENT; i++) {
        Instant due = deadline;
        if (due.isAfter(now)) break;
        breached = true;
        escalations++;
        dispatch(due, level.next(), "ESCALATED", "system", "SYSTEM");
      }
      double share = 0.2 + 0.75 * r.nextDouble();
      Instant done = levelStart.plusSeconds((long) (Duration.between(levelStart, deadline).toSeconds() * share));
      if (climbs == 3 && level == Level.DEPARTMENT) done = deadline.plus(Duration.ofHours(r.nextInt(2, 48)));
      if (done.isAfter(now)) {
        boolean started = r.nextBoolean();
        Instant at = levelStart.plus(minutes(r, 10, 60));
        if (started) event(at.isAfter(now) ? now : at, "STARTED", "DISPATCHED", "IN_PROGRESS", "gridworker", "GRID_WORKER", null);
        open(started ? "IN_PROGRESS" : "DISPATCHED", levelStart, deadline, warnAt);
        return;
      }
      if (done.isAfter(deadline)) breached = true;
      event(done, "RESOLVED", "IN_PROGRESS", "RESOLVED", "gridworker", "GRID_WORKER", NOTES[r.nextInt(NOTES.length)]);
      resolved = done;
      Instant closing = done.plus(minutes(r, 30, 600));
      if (closing.isAfter(now)) { open("RESOLVED", done, calendar.add(done, c.limit(Stage.VERIFY)), null); return; }
      event(closing.minusSeconds(60), "VERIFIED", "RESOLVED", "VERIFIED", "operator", "OPERATOR", null);
      event(closing, "CLOSED", "VERIFIED", "CLOSED", "operator", "OPERATOR", null);
      close(closing);
      if (r.nextDouble() < 0.03) {
        Instant again = closing.plus(Duration.ofHours(r.nextInt(2, 72)));
        if (again.isBefore(now)) {
          reopenings = 1;
          closed = null;
          dispatch(again, level, "REOPENED", "operator", "OPERATOR");
          Instant fixed = again.plus(Duration.ofHours(r.nextInt(1, 20)));
          if (fixed.isBefore(now)) {
            event(fixed, "RESOLVED", "IN_PROGRESS", "RESOLVED", "gridworker", "GRID_WORKER", "返工处理完毕");
            event(fixed.plusSeconds(3600), "CLOSED", "VERIFIED", "CLOSED", "operator", "OPERATOR", null);
            resolved = fixed;
            close(fixed.plusSeconds(3600));
          }
        }
      }
    }

    private void close(Instant at) {
      closed = at;
      status = "CLOSED";
      stageStart = at;
      deadline = null;
      warnAt = null;
    }

    private void dispatch(Instant at, Level to, String type, String actor, String role) {
      String from = status == null ? "REGISTERED" : status;
      level = to;
      if (to != Level.GRID) leftGrid = true;
      if (dispatched == null) dispatched = at;
      levelStart = at;
      deadline = calendar.add(at, c.limit(Stage.HANDLE));
      warnAt = calendar.add(at, c.limit(Stage.HANDLE), 0.8);
      status = "DISPATCHED";
      stageStart = at;
      event(at, type, from, "DISPATCHED", actor, role, null);
    }

    private void open(String status, Instant stageStart, Instant deadline, Instant warnAt) {
      this.status = status;
      this.stageStart = stageStart;
      this.deadline = deadline;
      this.warnAt = warnAt;
    }

    private void event(Instant at, String type, String from, String to, String actor, String role, String note) {
      events.add(new Object[] {0L, id, at, type, from, to, actor, role, level == null ? null : level.name(), unit(), note});
    }

    private String unit() {
      if (level == null) return null;
      return switch (level) {
        case PROPERTY -> null;
        case GRID -> grid;
        case COMMUNITY -> community;
        case SUBDISTRICT -> subdistrict;
        case DEPARTMENT -> c.getDepartmentCode();
      };
    }

    void write(CopyRows cases, CopyRows eventRows) throws IOException {
      boolean clockRuns = !status.equals("CLOSED") && !status.equals("REJECTED");
      Instant stage = stageStart == null ? reported : stageStart;
      cases.row(id, String.format("GW-%d-%06d", reported.atZone(zone).getYear(), id), c.getKind().name(), c.getCode(), channel,
          status, priority, CityPlaces.point(lon, lat), lon, lat, "WGS84", "示例：" + c.getName() + "问题（合成数据）",
          grid, community, subdistrict, CityAreas.DISTRICT, 1, level == null ? null : level.name(), unit(), stage,
          clockRuns ? deadline : null, clockRuns ? warnAt : null, false, reported, registered, dispatched, resolved, closed,
          escalations, reopenings, leftGrid, breached, false, closed == null ? null : !breached, 0, closed != null ? closed : stage);
      for (Object[] e : events) {
        e[0] = ++eventId;
        eventRows.row(e);
      }
    }
  }
}
