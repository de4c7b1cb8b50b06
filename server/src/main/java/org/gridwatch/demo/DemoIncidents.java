package org.gridwatch.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.LocateService;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Crs;
import org.gridwatch.incident.CaseHistoryImport;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.Category;
import org.gridwatch.incident.Kind;
import org.gridwatch.incident.Level;
import org.gridwatch.incident.Stage;
import org.gridwatch.incident.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A year of synthetic case history for the demo ({@code gridwatch.demo-data.incidents}, default 50,000), made
 * once into an empty database: reports cluster at hot spots and near housing, the category mix is realistic,
 * most cases close on time at their first level, some escalate (a few up to the department), a few are
 * rejected or reopened, and the last days leave open cases in every status, some of them overdue. Seeded, so
 * every install gets the same history (relative to its first start). Rows follow {@link CaseHistoryImport}'s columns.
 */
@Component
@DemoDataEnabled
class DemoIncidents {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** Category codes with their share of reports (per mille). */
  private static final String[] MIX = {"SANITATION:220", "ROAD_NOT_CLEAN:100", "PROPERTY_MANAGEMENT:150",
      "NEIGHBOUR_DISPUTE:120", "MUNICIPAL_FACILITY:100", "PUBLIC_SECURITY:60", "ILLEGAL_CONSTRUCTION:40",
      "ELDERLY_CARE:80", "HOUSEKEEPING:40", "DELIVERY:50", "LEGAL_ADVICE:40"};
  private static final String[] NOTES = {"已处理完毕", "已协调物业解决", "已现场调解，双方达成一致", "已联系相关单位修复", "已清理干净"};

  private final CaseHistoryImport history;
  private final AreaCatalog areas;
  private final LocateService locate;
  private final Categories categories;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final int count;

  DemoIncidents(CaseHistoryImport history, AreaCatalog areas, LocateService locate, Categories categories,
      WorkingCalendar calendar, Clock clock, @Value("${gridwatch.demo-data.incidents:50000}") int count) {
    this.history = history;
    this.areas = areas;
    this.locate = locate;
    this.categories = categories;
    this.calendar = calendar;
    this.clock = clock;
    this.count = count;
  }

  /** Makes the history into an empty case table; answers what it did. */
  String seed() {
    if (count <= 0) return "none wanted (gridwatch.demo-data.incidents=0)";
    if (!history.isEmpty()) return "already there";
    History h = generate();
    history.write(h.incidents, h.events, h.eventId);
    return h.incidents.size() + " cases, " + h.events.size() + " events";
  }

  private History generate() {
    SplittableRandom r = new SplittableRandom(20260101);
    List<BuildingView> buildings = areas.now().buildings();
    List<BuildingView> hotSpots = new ArrayList<>();
    for (int i = 0; i < 40; i++) hotSpots.add(buildings.get(r.nextInt(buildings.size())));
    Instant now = clock.instant();
    History h = new History();
    long id = 0;
    while (h.incidents.size() < count) {
      BuildingView near = r.nextDouble() < 0.3 ? hotSpots.get(r.nextInt(hotSpots.size())) : buildings.get(r.nextInt(buildings.size()));
      double lon = near.location().getX() + r.nextDouble(-0.0009, 0.0009), lat = near.location().getY() + r.nextDouble(-0.0007, 0.0007);
      Placement p = locate.place(lon, lat, Crs.WGS84).orElse(null);
      if (p == null) continue;
      Category c = categories.find(pick(r)).orElseThrow();
      // Reports over the last year, a little more often recently.
      double age = Math.pow(r.nextDouble(), 1.15);
      Instant reported = now.minusSeconds((long) (age * 365 * 86400));
      h.add(++id, c, p, reported, now, r, calendar);
    }
    return h;
  }

  private static String pick(SplittableRandom r) {
    int x = r.nextInt(1000), acc = 0;
    for (String m : MIX) {
      String[] kv = m.split(":");
      acc += Integer.parseInt(kv[1]);
      if (x < acc) return kv[0];
    }
    return "SANITATION";
  }

  /** The generated rows, in insertion order. */
  private static final class History {
    final List<Object[]> incidents = new ArrayList<>();
    final List<Object[]> events = new ArrayList<>();
    long eventId;

    void add(long id, Category c, Placement p, Instant reported, Instant now, SplittableRandom r, WorkingCalendar cal) {
      Case k = new Case(id, c, p, reported, channel(r, c));
      k.event(reported, "REPORTED", null, "REPORTED", "resident", "RESIDENT", null);
      Instant t = reported.plus(minutes(r, 5, 50));
      if (t.isAfter(now)) { k.open("REPORTED", reported, cal.add(reported, c.limit(Stage.REGISTER)), null); finish(k); return; }
      if (r.nextDouble() < 0.02) {
        k.event(t, "REJECTED", "REPORTED", "REJECTED", "operator", "OPERATOR", "重复或无效上报");
        k.status = "REJECTED";
        k.stageStart = t;
        finish(k);
        return;
      }
      k.registered = t;
      k.event(t, "REGISTERED", "REPORTED", "REGISTERED", "operator", "OPERATOR", null);
      t = t.plus(minutes(r, 5, 45));
      if (t.isAfter(now)) { k.open("REGISTERED", k.registered, cal.add(k.registered, c.limit(Stage.DISPATCH)), null); finish(k); return; }
      Level level = c.getFirstLevel();
      k.dispatch(t, level, cal, "DISPATCHED", "operator", "OPERATOR");
      // How this case goes: most close on time at the first level; some climb once or twice.
      double fate = r.nextDouble();
      int climbs = fate < 0.80 ? 0 : fate < 0.94 ? 1 : fate < 0.985 ? 2 : 3;
      for (int i = 0; i < climbs && k.level != Level.DEPARTMENT; i++) {
        Instant due = k.deadline;
        if (due.isAfter(now)) break;
        k.breached = true;
        k.escalations++;
        k.dispatch(due, k.level.next(), cal, "ESCALATED", "system", "SYSTEM");
      }
      double share = 0.2 + 0.75 * r.nextDouble();
      Instant resolved = k.levelStart.plusSeconds((long) (Duration.between(k.levelStart, k.deadline).toSeconds() * share));
      if (climbs == 3 && k.level == Level.DEPARTMENT) resolved = k.deadline.plus(Duration.ofHours(r.nextInt(2, 48)));
      if (resolved.isAfter(now)) {
        boolean started = r.nextBoolean();
        if (started) k.event(k.levelStart.plus(minutes(r, 10, 60)).isAfter(now) ? now : k.levelStart.plus(minutes(r, 10, 60)),
            "STARTED", "DISPATCHED", "IN_PROGRESS", "gridworker", "GRID_WORKER", null);
        k.open(started ? "IN_PROGRESS" : "DISPATCHED", k.levelStart, k.deadline, k.warnAt);
        finish(k);
        return;
      }
      if (resolved.isAfter(k.deadline)) k.breached = true;
      k.event(resolved, "RESOLVED", "IN_PROGRESS", "RESOLVED", "gridworker", "GRID_WORKER", NOTES[r.nextInt(NOTES.length)]);
      k.resolved = resolved;
      Instant closed = resolved.plus(minutes(r, 30, 600));
      if (closed.isAfter(now)) { k.open("RESOLVED", resolved, cal.add(resolved, c.limit(Stage.VERIFY)), null); finish(k); return; }
      k.event(closed.minusSeconds(60), "VERIFIED", "RESOLVED", "VERIFIED", "operator", "OPERATOR", null);
      k.event(closed, "CLOSED", "VERIFIED", "CLOSED", "operator", "OPERATOR", null);
      k.closed = closed;
      k.status = "CLOSED";
      k.stageStart = closed;
      if (r.nextDouble() < 0.03) {
        Instant again = closed.plus(Duration.ofHours(r.nextInt(2, 72)));
        if (again.isBefore(now)) {
          k.reopenings = 1;
          k.closed = null;
          k.dispatch(again, k.level, cal, "REOPENED", "operator", "OPERATOR");
          Instant fixed = again.plus(Duration.ofHours(r.nextInt(1, 20)));
          if (fixed.isBefore(now)) {
            k.event(fixed, "RESOLVED", "IN_PROGRESS", "RESOLVED", "gridworker", "GRID_WORKER", "返工处理完毕");
            k.event(fixed.plusSeconds(3600), "CLOSED", "VERIFIED", "CLOSED", "operator", "OPERATOR", null);
            k.resolved = fixed;
            k.closed = fixed.plusSeconds(3600);
            k.status = "CLOSED";
            k.stageStart = k.closed;
            k.deadline = null;
            k.warnAt = null;
          }
        }
      }
      finish(k);
    }

    private void finish(Case k) {
      incidents.add(k.row());
      for (Object[] e : k.events) {
        e[0] = ++eventId;
        events.add(e);
      }
    }
  }

  /** Who reports what: residents and the hotline for requests; grid members, patrols and cameras too for incidents. */
  private static String channel(SplittableRandom r, Category c) {
    double x = r.nextDouble();
    if (c.getKind() == Kind.REQUEST) return x < 0.55 ? "RESIDENT_WEB" : x < 0.9 ? "HOTLINE" : "OPEN311";
    if (c.getCode().equals("PUBLIC_SECURITY")) return x < 0.4 ? "POLICE" : x < 0.7 ? "CAMERA" : "HOTLINE";
    return x < 0.3 ? "RESIDENT_WEB" : x < 0.5 ? "HOTLINE" : x < 0.8 ? "GRID_MEMBER" : x < 0.92 ? "PATROL" : x < 0.97 ? "CAMERA" : "OPEN311";
  }

  private static Duration minutes(SplittableRandom r, int lo, int hi) { return Duration.ofMinutes(r.nextInt(lo, hi)); }

  /** One case being made up, with the same bookkeeping the workflow does. */
  private static final class Case {
    final long id;
    final Category c;
    final Placement p;
    final Instant reported;
    final List<Object[]> events = new ArrayList<>();
    String status;
    Level level;
    Instant registered, dispatched, resolved, closed, stageStart, levelStart, deadline, warnAt;
    int escalations, reopenings;
    boolean breached, leftGrid;

    final String channel;

    Case(long id, Category c, Placement p, Instant reported, String channel) {
      this.channel = channel;
      this.id = id;
      this.c = c;
      this.p = p;
      this.reported = reported;
    }

    void dispatch(Instant at, Level to, WorkingCalendar cal, String type, String actor, String role) {
      String from = status == null ? "REGISTERED" : status;
      level = to;
      if (to != Level.GRID) leftGrid = true;
      if (dispatched == null) dispatched = at;
      levelStart = at;
      deadline = cal.add(at, c.limit(Stage.HANDLE));
      warnAt = cal.add(at, c.limit(Stage.HANDLE), 0.8);
      status = "DISPATCHED";
      stageStart = at;
      event(at, type, from, "DISPATCHED", actor, role, null);
    }

    void open(String status, Instant stageStart, Instant deadline, Instant warnAt) {
      this.status = status;
      this.stageStart = stageStart;
      this.deadline = deadline;
      this.warnAt = warnAt;
    }

    void event(Instant at, String type, String from, String to, String actor, String role, String note) {
      events.add(new Object[] {0L, id, ts(at), type, from, to, actor, role, level == null ? null : level.name(), unit(), note});
    }

    String unit() {
      if (level == null) return null;
      return switch (level) {
        case PROPERTY -> null; // the generated history climbs from the grid; property-tier cases come live (DemoPropertyFirst)
        case GRID -> p.grid().code();
        case COMMUNITY -> p.community().code();
        case SUBDISTRICT -> p.subdistrict().code();
        case DEPARTMENT -> c.getDepartmentCode();
      };
    }

    Object[] row() {
      boolean clockRuns = !status.equals("CLOSED") && !status.equals("REJECTED");
      return new Object[] {id, String.format("GW-%d-%06d", reported.atZone(CHINA).getYear(), id), c.getKind().name(),
          c.getCode(), channel, status, c.getDefaultPriority().name(), p.lon(), p.lat(), p.lon(), p.lat(),
          null, "示例：" + c.getName() + "问题（合成数据）", p.grid().code(), p.community().code(), p.subdistrict().code(),
          p.district().code(), p.grid().version(), level == null ? null : level.name(), unit(),
          ts(stageStart == null ? reported : stageStart), clockRuns ? ts(deadline) : null, clockRuns ? ts(warnAt) : null,
          false, ts(reported), ts(registered), ts(dispatched), ts(resolved), ts(closed), escalations, reopenings, leftGrid,
          breached, false, closed == null ? null : !breached, ts(closed != null ? closed : stageStart == null ? reported : stageStart)};
    }

    private static Timestamp ts(Instant i) { return i == null ? null : Timestamp.from(i); }
  }
}
