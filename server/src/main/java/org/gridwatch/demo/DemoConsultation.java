package org.gridwatch.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.privacy.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's consultation and self-governance (issue 16), all synthetic: the bodies and party organisation of every
 * community ({@link DemoBodies}), a year of meetings, decisions, tasks and supervision ({@link DemoMeetings}), the
 * mediation of the demo's closed neighbour disputes ({@link DemoMediations}: settled at the grid for most, so the
 * dispute measure shows a real share), and a few open cases convened into consultation now, each in a topic on a
 * meeting planned for the coming days. Read from the areas, service points, organisations, needs and cases the steps
 * before made; written in one transaction with plain SQL batches ({@link DemoConsultationRows}); skipped when the
 * demo's bodies are there.
 */
@Component
@DemoDataEnabled
class DemoConsultation {
  /** How many open cases are put into consultation, at most. */
  static final int CONVENED = 8;

  /** A service point where a body meets or a dispute is mediated. */
  record Place(long id, String name, double lon, double lat, String grid) {}

  /** A closed case a topic may come from (once). */
  static final class PastCase {
    final long id;
    final double lon, lat;
    final Instant closedAt;
    boolean taken;

    PastCase(long id, double lon, double lat, Instant closedAt) {
      this.id = id;
      this.lon = lon;
      this.lat = lat;
      this.closedAt = closedAt;
    }
  }

  /** An open case to convene (or, for a dispute, to mediate now). */
  static final class OpenCase {
    long id;
    String publicId, status, community, grid, categoryName, level, unit;
    double lon, lat;
    Instant convenedAt, dispatchedAt, reportedAt;
  }

  /** What the steps before made, as the planners need it. */
  record Ground(AreaCatalog.Snapshot areas, ZoneId zone, Instant now, Map<String, Place> pointsByGrid, Map<String, Place> pointsByCommunity,
      Map<String, Place> mediationRooms, Map<String, Long> propertyCompanies, Map<String, Long> lawFirms, Map<Long, String> organisationNames,
      Map<String, List<Long>> needsByCommunity, Map<String, List<PastCase>> closedCases) {

    String gridAt(double lon, double lat) { return areas.gridAt(lon, lat).map(AreaView::code).orElse(null); }
  }

  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final PersonalData personal;
  private final TransactionTemplate tx;

  DemoConsultation(AreaCatalog catalog, DistrictProfile district, JdbcTemplate jdbc, Clock clock, PersonalData personal,
      PlatformTransactionManager transactions) {
    this.catalog = catalog;
    this.district = district;
    this.jdbc = jdbc;
    this.clock = clock;
    this.personal = personal;
    this.tx = new TransactionTemplate(transactions);
  }

  String seed() {
    if (jdbc.queryForObject("SELECT count(*) FROM body WHERE synthetic", Long.class) > 0) return "already there";
    long started = System.nanoTime();
    Ground g = ground();
    LocalDate today = LocalDate.ofInstant(g.now(), g.zone());
    SplittableRandom r = new SplittableRandom(16_2026);
    DemoBodies bodies = new DemoBodies(r, today);
    bodies.plan(g.areas());
    if (bodies.bodies.isEmpty()) return "no communities";
    DemoMeetings meetings = new DemoMeetings(g, bodies, r);
    meetings.plan();
    List<OpenCase> open = openCases();
    List<OpenCase> convened = new ArrayList<>();
    List<OpenCase> mediating = new ArrayList<>();
    for (OpenCase k : open) { // a few of each, spread over the communities
      boolean dispute = k.categoryName.startsWith("NEIGHBOUR_DISPUTE:");
      if (dispute && mediating.size() < CONVENED && mediating.stream().noneMatch(x -> x.community.equals(k.community))) mediating.add(k);
      else if (!dispute && convened.size() < CONVENED && convened.stream().noneMatch(x -> x.community.equals(k.community))) convened.add(k);
    }
    for (OpenCase k : open) k.categoryName = k.categoryName.substring(k.categoryName.indexOf(':') + 1);
    for (OpenCase k : convened) { // some hours ago, after it was dispatched
      Instant after = (k.dispatchedAt != null ? k.dispatchedAt : k.reportedAt).plusSeconds(600);
      Instant at = g.now().minusSeconds(3_600L * (4 + r.nextInt(60)));
      k.convenedAt = at.isAfter(after) ? at : after.isBefore(g.now()) ? after : g.now().minusSeconds(60);
    }
    meetings.convene(convened);
    DemoMediations mediations = new DemoMediations(g, bodies, r);
    mediations.plan(closedDisputes(), mediating);
    long planned = System.nanoTime();
    String parts = tx.execute(s -> new DemoConsultationRows(jdbc, personal).write(bodies, meetings, mediations, convened, g.now()));
    long written = System.nanoTime();
    long settledInGrid = mediations.all.stream().filter(m -> "SETTLED".equals(m.status) && "GRID".equals(m.level)).count();
    return bodies.bodies.size() + " bodies, " + meetings.meetings.size() + " meetings, " + meetings.topics.size() + " topics, "
        + meetings.decisions.size() + " decisions, " + mediations.all.size() + " mediations (" + settledInGrid + " settled in the grid), "
        + convened.size() + " cases in consultation (planned in " + (planned - started) / 1_000_000 + " ms, written in "
        + (written - planned) / 1_000_000 + " ms: " + parts + ")";
  }

  private Ground ground() {
    AreaCatalog.Snapshot s = catalog.now();
    Map<String, Place> byGrid = new HashMap<>(), byCommunity = new HashMap<>(), rooms = new HashMap<>();
    jdbc.query("SELECT id, name, kind, lon, lat, grid_code, community_code FROM service_point WHERE synthetic ORDER BY id", rs -> {
      Place p = new Place(rs.getLong(1), rs.getString(2), rs.getDouble(4), rs.getDouble(5), rs.getString(6));
      String community = rs.getString(7);
      switch (rs.getString(3)) {
        case "COMMUNITY_SERVICE_CENTRE" -> {
          byCommunity.putIfAbsent(community, p);
          byGrid.putIfAbsent(p.grid(), p);
        }
        case "PARTY_SERVICE_CENTRE", "PARTY_MEMBER_STUDIO" -> byCommunity.putIfAbsent(community + ":PARTY", p);
        case "MEDIATION_ROOM" -> rooms.putIfAbsent(community, p);
        default -> { }
      }
    });
    Map<String, Long> companies = new HashMap<>(), lawFirms = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    jdbc.query("""
        SELECT o.id, o.name, o.kind, a.area_kind, a.area_code FROM organisation o JOIN organisation_service_area a ON a.organisation_id = o.id
         WHERE o.kind IN ('PROPERTY_COMPANY', 'LAW_FIRM') AND a.valid_to IS NULL ORDER BY o.id""", rs -> {
      names.put(rs.getLong(1), rs.getString(2));
      String area = rs.getString(5);
      if (rs.getString(3).equals("LAW_FIRM")) {
        lawFirms.putIfAbsent(area, rs.getLong(1));
        return;
      }
      long company = rs.getLong(1);
      companies.putIfAbsent(area, company);
      // a company serving a compound serves its grid too, for the councils' invitations
      if (rs.getString(4).equals("COMPOUND")) {
        s.compounds().stream().filter(k -> k.name().equals(area) && k.grid() != null).findFirst()
            .ifPresent(k -> companies.putIfAbsent(k.grid(), company));
      }
    });
    Map<String, List<Long>> needs = new HashMap<>();
    jdbc.query("SELECT id, area_code FROM need_record WHERE area_level = 'COMMUNITY' ORDER BY id",
        rs -> { needs.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1)); });
    Map<String, List<PastCase>> closed = new HashMap<>();
    jdbc.query("SELECT id, community_code, input_lon, input_lat, closed_at FROM incident WHERE status = 'CLOSED'"
        + " AND category_code <> 'NEIGHBOUR_DISPUTE' AND merged_into IS NULL ORDER BY closed_at, id", rs -> {
      closed.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
          .add(new PastCase(rs.getLong(1), rs.getDouble(3), rs.getDouble(4), rs.getTimestamp(5).toInstant()));
    });
    return new Ground(s, district.timeZone(), clock.instant(), byGrid, byCommunity, rooms, companies, lawFirms, names, needs, closed);
  }

  /**
   * Open cases in handling, the most recently reported first (the oldest, overdue ones stay as they are for the
   * console's overdue list), their category's code and name as "CODE:name".
   */
  private List<OpenCase> openCases() {
    return jdbc.query("""
        SELECT i.id, i.public_id, i.status, i.community_code, i.grid_code, i.category_code, c.name, i.input_lon, i.input_lat,
               i.dispatched_at, i.reported_at, i.level, i.unit_code
          FROM incident i JOIN category c ON c.code = i.category_code
         WHERE i.status IN ('DISPATCHED', 'IN_PROGRESS') AND i.merged_into IS NULL AND i.duplicate_of IS NULL AND i.paused_at IS NULL
         ORDER BY i.reported_at DESC, i.id""", (rs, n) -> {
      OpenCase k = new OpenCase();
      k.id = rs.getLong(1);
      k.publicId = rs.getString(2);
      k.status = rs.getString(3);
      k.community = rs.getString(4);
      k.grid = rs.getString(5);
      k.categoryName = rs.getString(6) + ":" + rs.getString(7);
      k.lon = rs.getDouble(8);
      k.lat = rs.getDouble(9);
      k.dispatchedAt = rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant();
      k.reportedAt = rs.getTimestamp(11).toInstant();
      k.level = rs.getString(12);
      k.unit = rs.getString(13);
      return k;
    });
  }

  /** The closed neighbour disputes, oldest first, with the level that handled them (the grid unless they left it). */
  private List<DemoMediations.Dispute> closedDisputes() {
    return jdbc.query("""
        SELECT id, grid_code, community_code,
               CASE WHEN NOT left_grid THEN 'GRID' WHEN level IN ('SUBDISTRICT', 'DEPARTMENT') THEN 'SUBDISTRICT' ELSE 'COMMUNITY' END,
               dispatched_at, reported_at, resolved_at, closed_at FROM incident
         WHERE category_code = 'NEIGHBOUR_DISPUTE' AND status = 'CLOSED' AND settled_in_grid IS NULL ORDER BY closed_at, id""",
        (rs, n) -> new DemoMediations.Dispute(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            (rs.getTimestamp(5) != null ? rs.getTimestamp(5) : rs.getTimestamp(6)).toInstant(),
            (rs.getTimestamp(7) != null ? rs.getTimestamp(7) : rs.getTimestamp(8)).toInstant()));
  }
}
