package org.gridwatch.activity;

import org.gridwatch.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.security.Accounts;
import org.gridwatch.staff.Roster;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Suggested volunteers against a brute-force order: every volunteer in the database, kept when their home grid is
 * the place's grid or touches it (tested against every grid) and they hold every asked skill, sorted by whole metres
 * to their home grid, availability at the time, hours in the last 30 days, id. Also who took a request.
 */
abstract class MatchingContract {
  @Autowired AreaCatalog areas;
  @Autowired Roster roster;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Accounts accounts;
  @Autowired MovableClock clock;
  @Autowired DistrictProfile district;
  @LocalServerPort int port;
  Http http;
  ActivityFixtures fixtures;
  String[] community;

  @org.junit.jupiter.api.AfterEach
  void realTimeAgain() { clock.reset(); }

  @BeforeEach
  void client() {
    http = new Http(port);
    community = Http.basic("community", TestEnvironment.DEMO_PASSWORD);
    fixtures = new ActivityFixtures(jdbc, tx, accounts);
  }

  record Expected(long id, long distance, boolean available, BigDecimal hours) {}

  @Test
  void suggestionsComeInTheOrderABruteForceGives() {
    String communityCode = roster.scopeOf("community").orElseThrow().unitCode();
    AreaView grid = areas.now().children(communityCode).stream().filter(a -> a.level() == AreaLevel.GRID)
        .max(Comparator.comparing(AreaView::code)).orElseThrow();
    List<AreaView> touching = areas.now().level(AreaLevel.GRID).stream()
        .filter(g -> !g.code().equals(grid.code()) && g.boundary().intersects(grid.boundary())).toList();
    assertThat(touching).as("a grid of the demo has neighbours").isNotEmpty();
    AreaView far = areas.now().level(AreaLevel.GRID).stream()
        .filter(g -> !g.code().equals(grid.code()) && g.boundary().distance(grid.boundary()) > 0.01).findFirst().orElseThrow();
    String run = Long.toString(System.nanoTime(), 36);
    String skillA = "测试助餐" + run, skillB = "测试探访" + run;
    // Next Wednesday 10:00 in the district: windows on Wednesday morning hold it, others do not.
    ZonedDateTime at = clock.instant().atZone(district.timeZone()).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
        .withHour(10).withMinute(0).withSecond(0).withNano(0);
    List<ActivityFixtures.Window> holds = List.of(new ActivityFixtures.Window(3, LocalTime.of(9, 0), LocalTime.of(12, 0)));
    List<ActivityFixtures.Window> misses = List.of(new ActivityFixtures.Window(3, LocalTime.of(10, 30), LocalTime.of(17, 0)),
        new ActivityFixtures.Window(5, LocalTime.of(9, 0), LocalTime.of(12, 0)));
    List<AreaView> homes = new ArrayList<>(List.of(grid));
    homes.addAll(touching);
    homes.add(far);
    SplittableRandom r = new SplittableRandom(14);
    JsonNode activity = http.postJson("/api/v1/activities", String.format(Locale.ROOT,
        "{\"title\": \"t\", \"kind\": \"VOLUNTEER_SERVICE\", \"starts\": \"%s\", \"ends\": \"%s\", \"lon\": %.7f, \"lat\": %.7f}",
        clock.instant(), clock.instant().plusSeconds(3600), grid.boundary().getInteriorPoint().getX(),
        grid.boundary().getInteriorPoint().getY()), community).json();
    for (int i = 0; i < 24; i++) {
      AreaView home = homes.get(i % homes.size());
      List<String> skills = switch (r.nextInt(4)) { case 0 -> List.of(skillA); case 1 -> List.of(skillB); default -> List.of(skillA, skillB); };
      long v = fixtures.volunteer("测试匹配" + i, home.code(), null, skills, r.nextBoolean() ? holds : misses);
      int halves = r.nextInt(4) * 3; // 0, 1.5, 3 or 4.5 hours a day ago
      if (halves > 0) {
        Instant in = clock.instant().minus(Duration.ofDays(1));
        jdbc.update("INSERT INTO attendance (activity_id, volunteer_id, signed_in, signed_out, signed_in_by, minutes, hours) VALUES (?, ?, ?, ?, 't', ?, ?)",
            activity.get("id").asLong(), v, ActivityStore.ts(in), ActivityStore.ts(in.plus(Duration.ofMinutes(halves * 30L))), halves * 30,
            BigDecimal.valueOf(halves).divide(BigDecimal.valueOf(2)));
      }
    }
    Point place = grid.boundary().getInteriorPoint();
    String query = String.format(Locale.ROOT, "/api/v1/matches/suggestions?lon=%.7f&lat=%.7f&at=%s&limit=200&skills=%s", place.getX(),
        place.getY(), URLEncoder.encode(at.toInstant().toString(), StandardCharsets.UTF_8),
        URLEncoder.encode(skillA + "," + skillB, StandardCharsets.UTF_8));
    Http.Response got = http.get(query, community);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    got.json().forEach(s -> ids.add(s.get("volunteer").asLong()));

    List<Expected> expected = bruteForce(place, at, grid, touching, Set.of(skillA, skillB));
    assertThat(ids).isEqualTo(expected.stream().map(Expected::id).toList());
    assertThat(expected).as("the case is not trivial").hasSizeGreaterThan(5);
    assertThat(expected.stream().map(Expected::distance).distinct().count()).isGreaterThan(1);
    assertThat(expected.stream().map(Expected::available).distinct().count()).isEqualTo(2);
    JsonNode first = got.json().get(0);
    assertThat(first.get("distance").asLong()).isEqualTo(expected.get(0).distance());
    assertThat(first.get("recentHours").decimalValue()).isEqualByComparingTo(expected.get(0).hours());

    // Recording who took it.
    long taker = ids.get(0);
    Http.Response took = http.postJson("/api/v1/matches", "{\"subject\": \"CASE\", \"subjectId\": 4242, \"volunteer\": " + taker + "}", community);
    assertThat(took.status()).as(took.body()).isEqualTo(201);
    assertThat(http.postJson("/api/v1/matches", "{\"subject\": \"CASE\", \"subjectId\": 4242, \"volunteer\": " + taker + "}", community).status())
        .isEqualTo(409);
    JsonNode listed = http.get("/api/v1/matches?subject=CASE&subjectId=4242", community).json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("volunteer").asLong()).isEqualTo(taker);
    assertThat(listed.get(0).get("recordedBy").asString()).isEqualTo("community");
    assertThat(http.get("/api/v1/matches/suggestions?lon=0.5&lat=0.5", community).status()).isEqualTo(400);
  }

  private List<Expected> bruteForce(Point place, ZonedDateTime at, AreaView grid, List<AreaView> touching, Set<String> skills) {
    Set<String> grids = new HashSet<>(List.of(grid.code()));
    touching.forEach(g -> grids.add(g.code()));
    Geometry p = MetricProjection.toMetres(Geometries.point(place.getX(), place.getY()));
    Instant now = clock.instant();
    List<Expected> out = new ArrayList<>();
    jdbc.query("SELECT id, home_grid FROM volunteer WHERE home_grid IS NOT NULL", rs -> {
      long id = rs.getLong(1);
      String home = rs.getString(2);
      if (!grids.contains(home)) return;
      Set<String> held = new HashSet<>(jdbc.queryForList("SELECT skill FROM volunteer_skill WHERE volunteer_id = ?", String.class, id));
      if (!held.containsAll(skills)) return;
      long distance = Math.round(MetricProjection.toMetres(areas.now().find(home).orElseThrow().boundary()).distance(p));
      boolean available = jdbc.queryForList("SELECT weekday, starts, ends FROM volunteer_availability WHERE volunteer_id = ?", id).stream()
          .anyMatch(w -> ((Number) w.get("weekday")).intValue() == at.getDayOfWeek().getValue()
              && !LocalTime.parse(w.get("starts").toString()).isAfter(at.toLocalTime())
              && LocalTime.parse(w.get("ends").toString()).isAfter(at.toLocalTime()));
      BigDecimal hours = jdbc.queryForList("SELECT hours, signed_in FROM attendance WHERE volunteer_id = ? AND hours IS NOT NULL", id).stream()
          .filter(a -> {
            Instant in = a.get("signed_in") instanceof java.sql.Timestamp ts ? ts.toInstant() : ((java.time.OffsetDateTime) a.get("signed_in")).toInstant();
            return !in.isBefore(now.minus(Duration.ofDays(30))) && in.isBefore(now);
          })
          .map(a -> (BigDecimal) a.get("hours")).reduce(BigDecimal.ZERO, BigDecimal::add);
      out.add(new Expected(id, distance, available, hours));
    });
    out.sort(Comparator.comparingLong(Expected::distance).thenComparing(e -> !e.available()).thenComparing(Expected::hours)
        .thenComparingLong(Expected::id));
    return out;
  }
}
