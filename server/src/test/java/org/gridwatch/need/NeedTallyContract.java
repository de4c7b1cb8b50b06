package org.gridwatch.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The needs layer read through the tallies (the need tally of migration V25_2 per month and grid, the case tally per day
 * and subdistrict) against the direct count it replaces, on each store: after a seeded random mix of writes through the
 * HTTP API (report — some become duplicates —, merge, reject) and through SQL (a case's grid moved, a case marked a
 * duplicate or freed from it, a history import's insert of an older case, a report time moved, a delete), and a
 * redistricting that re-places open cases in another grid of another community and subdistrict ({@link Rehoming}), the
 * layer over HTTP at every level and the rates for periods with mid-month and mid-day ends equal a direct count; and a
 * case moved to another grid by plain SQL moves its figure on the map.
 */
abstract class NeedTallyContract {
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  static final List<String> CATEGORIES = List.of("SANITATION", "LEGAL_ADVICE", "ELDERLY_CARE");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog catalog;
  @Autowired DistrictProfile district;
  @Autowired NeedRates rates;
  @Autowired Rehoming rehoming;
  @Autowired PlatformTransactionManager transactions;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  /** Two grids with room for many cases, in different subdistricts, from the middle of the list (other tests use its ends). */
  List<AreaView> twoGrids() {
    List<AreaView> grids = catalog.now().level(AreaLevel.GRID).stream()
        .filter(g -> g.residents() > 0 && NeedFixtures.spots(g).size() >= 20).toList();
    AreaView a = grids.get(grids.size() / 2);
    AreaView b = grids.stream().filter(g -> !g.code().startsWith(a.code().substring(0, 9))).skip(grids.size() / 4).findFirst().orElseThrow();
    return List.of(a, b);
  }

  @Test
  void afterARandomMixOfWritesAndARedistrictingTheLayerThroughTheTalliesEqualsADirectCount() {
    Random random = new Random(2518);
    List<AreaView> two = twoGrids();
    AreaView a = two.get(0), b = two.get(1);
    ZoneId zone = district.timeZone();
    List<String> mine = new ArrayList<>();
    List<Long> inserted = new ArrayList<>();
    for (int step = 0; step < 40; step++) {
      int r = random.nextInt(10);
      if (mine.size() < 4 || r < 4) {
        // a spot reused with an open case of the category nearby becomes its duplicate: not counted
        mine.add(NeedFixtures.report(http, a, random.nextInt(20), CATEGORIES.get(random.nextInt(3)), ADMIN));
        continue;
      }
      String c = mine.get(random.nextInt(mine.size())), other = mine.get(random.nextInt(mine.size()));
      switch (r) {
        case 4 -> { if (!c.equals(other)) http.postJson("/api/v1/incidents/" + c + "/merge", "{\"into\":\"" + other + "\"}", ADMIN); }
        case 5 -> http.postJson("/api/v1/incidents/" + c + "/reject", "{\"note\":\"测试（合成）\"}", ADMIN);
        case 6 -> jdbc.update("update incident set grid_code = ?, community_code = ?, subdistrict_code = ? where public_id = ?",
            b.code(), b.code().substring(0, 12), b.code().substring(0, 9), c);
        case 7 -> jdbc.update("update incident set duplicate_of = (case when duplicate_of is null then (select min(id) from incident)"
            + " else null end) where public_id = ?", c);
        case 8 -> inserted.add(copyCase(c, Instant.now().minusSeconds(86400L * (20 + random.nextInt(500)) + random.nextInt(86400))));
        default -> jdbc.update("update incident set reported_at = ? where public_id = ?",
            Timestamp.from(Instant.now().minusSeconds(86400L * random.nextInt(400) + random.nextInt(86400))), c);
      }
    }
    if (!inserted.isEmpty()) jdbc.update("delete from incident where id = ?", inserted.remove(0));
    // the redistricting: open cases of grid a on the west half of it are re-placed in grid b (another community and
    // subdistrict), through the code a boundary commit runs
    double middle = a.boundary().getCentroid().getX();
    List<Rehoming.Moved> moved = new TransactionTemplate(transactions).execute(s -> rehoming.apply(List.of(a.code()),
        p -> p.getX() < middle ? b.code() : a.code(), g -> 1, "planner", "PLANNER", Instant.now()));
    assertThat(moved).as("the redistricting moved cases").isNotEmpty();
    Set<String> movedIds = new HashSet<>(moved.stream().map(Rehoming.Moved::publicId).toList());

    assertThat(jdbc.queryForObject("select count(*) from need_tally", Long.class)).as("the need tally holds rows").isGreaterThan(0);
    tallyEqualsDirectCount();
    LocalDate today = LocalDate.now(zone);
    List<LocalDate[]> days = List.of(new LocalDate[] {today.minusDays(364), today}, new LocalDate[] {today.minusDays(500), today.minusDays(17)},
        new LocalDate[] {today.withDayOfMonth(1).minusMonths(3).plusDays(14), today.withDayOfMonth(1).minusMonths(1).plusDays(9)},
        new LocalDate[] {today.withDayOfMonth(1).minusMonths(2), today.withDayOfMonth(1).minusDays(1)},
        new LocalDate[] {today.minusDays(3), today});
    for (LocalDate[] d : days) {
      for (String level : List.of("grid", "community", "subdistrict")) sameOverHttp(level, d[0], d[1]);
    }
    Instant now = Instant.now();
    List<Instant[]> periods = new ArrayList<>(List.of(new Instant[] {now.minusSeconds(365L * 86400), now},
        new Instant[] {now.minusSeconds(40L * 86400), now.minusSeconds(3 * 3600)}));
    for (int i = 0; i < 6; i++) {
      Instant from = now.minusSeconds(random.nextLong(2L * 365 * 86400));
      periods.add(new Instant[] {from, from.plusSeconds(1 + random.nextLong(400L * 86400))});
    }
    for (Instant[] p : periods) {
      for (AreaLevel level : List.of(AreaLevel.GRID, AreaLevel.COMMUNITY, AreaLevel.SUBDISTRICT)) {
        for (String category : new String[] {null, "SANITATION"}) {
          String what = level + " " + category + " " + p[0] + " – " + p[1];
          assertThat(rates.countsBy(level, category, p[0], p[1]).cases()).as(what)
              .isEqualTo(rates.casesCounted(level, category == null ? List.of() : List.of(category), p[0], p[1]));
        }
      }
    }
    // put back what the redistricting moved (the suite's other tests share these cases), the same way
    new TransactionTemplate(transactions).executeWithoutResult(s -> {
      Set<Point> back = new HashSet<>(rehoming.open(List.of(b.code())).stream().filter(o -> movedIds.contains(o.publicId()))
          .map(Rehoming.Open::location).toList());
      rehoming.apply(List.of(b.code()), p -> back.contains(p) ? a.code() : b.code(), g -> 1, "planner", "PLANNER", Instant.now());
    });
    for (long id : inserted) jdbc.update("delete from incident where id = ?", id);
    tallyEqualsDirectCount();
    sameOverHttp("grid", LocalDate.now(zone).minusDays(364), LocalDate.now(zone));
  }

  @Test
  void aCaseMovedToAnotherGridBySqlMovesItsFigureOnTheMap() {
    AreaView a = twoGrids().get(0);
    // a grid of the same community if there is one: only grid_code changes, the column the case tally does not read
    List<AreaView> grids = catalog.now().level(AreaLevel.GRID);
    AreaView b = grids.stream().filter(g -> !g.code().equals(a.code()) && g.code().startsWith(a.code().substring(0, 12))).findFirst()
        .orElseGet(() -> grids.stream().filter(g -> !g.code().equals(a.code()) && g.code().startsWith(a.code().substring(0, 9))).findFirst().orElseThrow());
    String id = NeedFixtures.report(http, a, 19, "HOUSEKEEPING", ADMIN);
    // three months ago, mid-month: inside a whole month of the default period, which the need tally answers
    LocalDate day = LocalDate.now(district.timeZone()).withDayOfMonth(15).minusMonths(3);
    jdbc.update("update incident set reported_at = ?, duplicate_of = null where public_id = ?",
        Timestamp.from(day.atTime(10, 0).atZone(district.timeZone()).toInstant()), id);
    Map<String, JsonNode> before = byCode(needs("level=grid"));
    jdbc.update("update incident set grid_code = ?, community_code = ? where public_id = ?", b.code(), b.code().substring(0, 12), id);
    Map<String, JsonNode> after = byCode(needs("level=grid"));
    assertThat(after.get(a.code()).get("cases").asLong()).as("the grid it left").isEqualTo(before.get(a.code()).get("cases").asLong() - 1);
    assertThat(after.get(b.code()).get("cases").asLong()).as("the grid it joined").isEqualTo(before.get(b.code()).get("cases").asLong() + 1);
    LocalDate today = LocalDate.now(district.timeZone());
    sameOverHttp("grid", today.minusDays(364), today);
    sameOverHttp("community", today.minusDays(364), today);
    jdbc.update("update incident set grid_code = ?, community_code = ? where public_id = ?", a.code(), a.code().substring(0, 12), id);
    Map<String, JsonNode> back = byCode(needs("level=grid"));
    assertThat(back.get(a.code()).get("cases").asLong()).isEqualTo(before.get(a.code()).get("cases").asLong());
    assertThat(back.get(b.code()).get("cases").asLong()).isEqualTo(before.get(b.code()).get("cases").asLong());
  }

  /** Every row of the need tally (summed over slots) equals the direct count of its month and codes. */
  void tallyEqualsDirectCount() {
    ZoneId zone = district.timeZone();
    Map<String, Long> tallied = new HashMap<>();
    jdbc.query("select in_month, grid_code, community_code, subdistrict_code, district_code, sum(counted) from need_tally"
        + " group by in_month, grid_code, community_code, subdistrict_code, district_code", rs -> {
          if (rs.getLong(6) != 0) tallied.put(rs.getObject(1, LocalDate.class) + " " + rs.getString(2) + " " + rs.getString(3) + " "
              + rs.getString(4) + " " + rs.getString(5), rs.getLong(6));
        });
    Map<String, Long> counted = new HashMap<>();
    jdbc.query("select reported_at, grid_code, community_code, subdistrict_code, district_code from incident"
        + " where duplicate_of is null and merged_into is null", rs -> {
          LocalDate month = rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate().withDayOfMonth(1);
          counted.merge(month + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5), 1L, Long::sum);
        });
    assertThat(tallied).isEqualTo(counted);
  }

  /** The layer's cases per area over HTTP equal the direct count, for the level and the dates (inclusive). */
  void sameOverHttp(String level, LocalDate from, LocalDate to) {
    JsonNode answer = needs("level=" + level + "&from=" + from + "&to=" + to);
    Map<String, Long> served = new HashMap<>();
    answer.get("areas").forEach(x -> { if (x.get("cases").asLong() != 0) served.put(x.get("code").asString(), x.get("cases").asLong()); });
    Map<String, Long> direct = direct(level + "_code", from, to);
    // the layer lists the current areas; a case recorded under a code no current area has is counted but not shown
    Set<String> current = new HashSet<>(byCode(answer).keySet());
    direct.keySet().retainAll(current);
    assertThat(served).as(level + " " + from + " – " + to).isEqualTo(direct);
  }

  Map<String, Long> direct(String column, LocalDate from, LocalDate to) {
    ZoneId zone = district.timeZone();
    Map<String, Long> out = new HashMap<>();
    jdbc.query("select " + column + ", count(*) from incident where reported_at >= ? and reported_at < ?"
        + " and duplicate_of is null and merged_into is null group by " + column,
        rs -> { out.put(rs.getString(1), rs.getLong(2)); }, Timestamp.from(from.atStartOfDay(zone).toInstant()),
        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    return out;
  }

  JsonNode needs(String query) {
    Http.Response r = http.get("/api/v1/needs?" + query, ADMIN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static Map<String, JsonNode> byCode(JsonNode answer) {
    Map<String, JsonNode> out = new HashMap<>();
    answer.get("areas").forEach(a -> out.put(a.get("code").asString(), a));
    return out;
  }

  /** Inserts a copy of a case reported at another time, with plain SQL (as a history import does): its id. */
  long copyCase(String publicId, Instant reportedAt) {
    return org.gridwatch.support.CaseCopies.copy(jdbc, publicId, reportedAt, "GW-N-");
  }
}
