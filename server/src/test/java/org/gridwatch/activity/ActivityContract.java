package org.gridwatch.activity;

import org.gridwatch.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.security.Accounts;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Roster;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Activities and volunteer hours through the API, as organisers and volunteers use them: sign-in then sign-out credits
 * hours by the published rounding rule at its boundaries (time moved by the application's clock); sign-out before
 * sign-in, a second sign-in, one 2 km away and one outside the sign-in window are refused with nothing stored; two
 * sign-ins at once store one; a volunteer signs only themselves, with the QR code's code; an organiser's correction
 * is audited; the QR code reads back as the sign-in link.
 */
abstract class ActivityContract {
  @Autowired AreaCatalog areas;
  @Autowired Roster roster;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Accounts accounts;
  @Autowired MovableClock clock;
  @Autowired org.gridwatch.area.DistrictProfile district;
  @LocalServerPort int port;
  Http http;
  ActivityFixtures fixtures;
  String[] admin, community;

  @org.junit.jupiter.api.AfterEach
  void realTimeAgain() { clock.reset(); }

  @BeforeEach
  void client() {
    http = new Http(port);
    admin = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
    community = Http.basic("community", TestEnvironment.DEMO_PASSWORD);
    fixtures = new ActivityFixtures(jdbc, tx, accounts);
  }

  /** A grid of the community staff account's community. */
  AreaView grid() {
    String community = roster.scopeOf("community").orElseThrow().unitCode();
    return areas.now().children(community).stream().filter(a -> a.level() == AreaLevel.GRID).min(java.util.Comparator.comparing(AreaView::code))
        .orElseThrow();
  }

  static Point inside(AreaView grid) { return grid.boundary().getInteriorPoint(); }

  /** A point {@code north} metres north of {@code p}. */
  static double[] north(Point p, double metres) {
    double[] xy = MetricProjection.project(p.getX(), p.getY());
    return MetricProjection.unproject(xy[0], xy[1] + metres);
  }

  JsonNode create(Point at, Instant starts, Duration length, String[] who) {
    String body = String.format(Locale.ROOT, """
        {"title": "邻居节（测试）", "kind": "NEIGHBOUR_FESTIVAL", "starts": "%s", "ends": "%s", "lon": %.7f, "lat": %.7f,
         "skills": ["文艺"]}""", starts, starts.plus(length), at.getX(), at.getY());
    Http.Response r = http.postJson("/api/v1/activities", body, who);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  JsonNode startedNow(String[] who) { return create(inside(grid()), clock.instant(), Duration.ofHours(3), who); }

  static String presence(long volunteer, double lon, double lat) {
    return String.format(Locale.ROOT, "{\"volunteer\": %d, \"lon\": %.7f, \"lat\": %.7f}", volunteer, lon, lat);
  }

  Http.Response signIn(JsonNode activity, long volunteer, String[] who) {
    return http.postJson("/api/v1/activities/" + activity.get("id").asLong() + "/sign-in",
        presence(volunteer, activity.get("lon").asDouble(), activity.get("lat").asDouble()), who);
  }

  Http.Response signOut(JsonNode activity, long volunteer, String[] who) {
    return http.postJson("/api/v1/activities/" + activity.get("id").asLong() + "/sign-out",
        presence(volunteer, activity.get("lon").asDouble(), activity.get("lat").asDouble()), who);
  }

  JsonNode attendance(JsonNode activity) {
    Http.Response r = http.get("/api/v1/activities/" + activity.get("id").asLong(), admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("attendance");
  }

  static List<String> fields(Http.Response r) {
    List<String> out = new ArrayList<>();
    r.json().get("errors").forEach(e -> out.add(e.get("field").asString()));
    return out;
  }

  /** The published rule: whole hours count; the rest counts 0 up to 15 min, half an hour up to 45, an hour above. */
  @Test
  void signingInThenOutCreditsHoursByTheRoundingRuleAtItsBoundaries() {
    int[] minutes = {14, 15, 16, 44, 45, 46, 75};
    double[] expected = {0, 0, 0.5, 0.5, 0.5, 1, 1};
    JsonNode activity = startedNow(community);
    List<Long> volunteers = new ArrayList<>();
    for (int m : minutes) volunteers.add(fixtures.volunteer("测试志愿者" + m, grid().code()));
    // All sign in now; each signs out after their minutes (the clock moves forward in steps).
    for (long v : volunteers) assertThat(signIn(activity, v, community).status()).isEqualTo(200);
    int elapsed = 0;
    for (int i = 0; i < minutes.length; i++) {
      clock.advance(Duration.ofMinutes(minutes[i] - elapsed));
      elapsed = minutes[i];
      Http.Response out = signOut(activity, volunteers.get(i), community);
      assertThat(out.status()).as(out.body()).isEqualTo(200);
      assertThat(out.json().get("minutes").asInt()).isEqualTo(minutes[i]);
      assertThat(out.json().get("hours").decimalValue()).as(minutes[i] + " min").isEqualByComparingTo(BigDecimal.valueOf(expected[i]));
    }
    JsonNode rows = attendance(activity);
    assertThat(rows).hasSize(minutes.length);
    for (int i = 0; i < minutes.length; i++) {
      long v = volunteers.get(i);
      Http.Response hours = http.get("/api/v1/volunteer-hours?volunteer=" + v, admin);
      assertThat(hours.status()).as(hours.body()).isEqualTo(200);
      assertThat(hours.json().get("hours").decimalValue()).as("the volunteer's record shows what the sign-out credited")
          .isEqualByComparingTo(BigDecimal.valueOf(expected[i]));
    }
  }

  @Test
  void signingOutBeforeSigningInOrTwiceIsAConflictAndChangesNothing() {
    JsonNode activity = startedNow(community);
    long v = fixtures.volunteer("测试志愿者甲", grid().code());
    Http.Response early = signOut(activity, v, community);
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(fields(early)).containsExactly("volunteer");
    assertThat(attendance(activity)).isEmpty();
    assertThat(signIn(activity, v, community).status()).isEqualTo(200);
    Http.Response again = signIn(activity, v, community);
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(fields(again)).containsExactly("volunteer");
    clock.advance(Duration.ofMinutes(30));
    assertThat(signOut(activity, v, community).status()).isEqualTo(200);
    Http.Response outAgain = signOut(activity, v, community);
    assertThat(outAgain.status()).isEqualTo(409);
    assertThat(attendance(activity).get(0).get("hours").decimalValue()).isEqualByComparingTo("0.5");
  }

  @Test
  void aSignInTwoKilometresAwayIsRefusedWithTheDistanceAndNothingIsStored() {
    JsonNode activity = startedNow(community);
    long v = fixtures.volunteer("测试志愿者乙", grid().code());
    double[] far = north(inside(grid()), 2000);
    Http.Response r = http.postJson("/api/v1/activities/" + activity.get("id").asLong() + "/sign-in", presence(v, far[0], far[1]), community);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("type").asString()).endsWith("/problems/too-far-from-activity");
    assertThat(fields(r)).contains("lon");
    assertThat(r.json().get("distance").asDouble()).isCloseTo(2000, within(10.0));
    assertThat(r.json().get("radius").asDouble()).isEqualTo(200);
    assertThat(attendance(activity)).isEmpty();
    double[] near = north(inside(grid()), 150);
    assertThat(http.postJson("/api/v1/activities/" + activity.get("id").asLong() + "/sign-in", presence(v, near[0], near[1]), community)
        .status()).as("150 m away lies within the default 200 m").isEqualTo(200);
  }

  @Test
  void signInOpensAnHourBeforeTheStartAndClosesAnHourAfterTheEnd() {
    JsonNode later = create(inside(grid()), clock.instant().plus(Duration.ofHours(2)), Duration.ofHours(1), community);
    long v = fixtures.volunteer("测试志愿者丙", grid().code());
    Http.Response early = signIn(later, v, community);
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(early.json().get("type").asString()).endsWith("/problems/sign-in-closed");
    assertThat(attendance(later)).isEmpty();
    clock.advance(Duration.ofMinutes(61));
    assertThat(signIn(later, v, community).status()).as("59 minutes before the start").isEqualTo(200);
  }

  @Test
  void twoSignInsOfOneVolunteerAtOnceStoreOne() throws Exception {
    JsonNode activity = startedNow(community);
    long v = fixtures.volunteer("测试志愿者丁", grid().code());
    CyclicBarrier together = new CyclicBarrier(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      Callable<Integer> call = () -> {
        together.await();
        return signIn(activity, v, community).status();
      };
      for (int i = 0; i < 4; i++) answers.add(pool.submit(call));
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : answers) statuses.add(f.get());
      assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attendance WHERE activity_id = ? AND volunteer_id = ?", Integer.class,
        activity.get("id").asLong(), v)).isEqualTo(1);
  }

  @Test
  void aVolunteerSignsOnlyThemselvesAndOnlyWithTheCodeTheQrCodeCarries() {
    JsonNode activity = startedNow(community);
    String user = fixtures.account("vol", Role.VOLUNTEER);
    long me = fixtures.volunteer("测试志愿者戊", grid().code(), user, List.of(), List.of());
    long other = fixtures.volunteer("测试志愿者己", grid().code());
    String[] volunteer = Http.basic(user, TestEnvironment.DEMO_PASSWORD);
    String code = activity.get("signInUrl").asString().replaceAll(".*code=", "");
    long id = activity.get("id").asLong();
    double lon = activity.get("lon").asDouble(), lat = activity.get("lat").asDouble();
    Http.Response noCode = http.postJson("/api/v1/activities/" + id + "/sign-in", presence(me, lon, lat), volunteer);
    assertThat(noCode.status()).as(noCode.body()).isEqualTo(400);
    assertThat(fields(noCode)).containsExactly("code");
    String withCode = String.format(Locale.ROOT, "{\"volunteer\": %d, \"lon\": %.7f, \"lat\": %.7f, \"code\": \"%s\"}", other, lon, lat, code);
    assertThat(http.postJson("/api/v1/activities/" + id + "/sign-in", withCode, volunteer).status()).as("not themselves").isEqualTo(403);
    Http.Response own = http.postJson("/api/v1/activities/" + id + "/sign-in", withCode.replace(" " + other + ",", " " + me + ","), volunteer);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    Http.Response seen = http.get("/api/v1/activities/" + id, volunteer);
    assertThat(seen.json().get("attendance")).as("a volunteer sees their own row").hasSize(1);
    assertThat(seen.json().get("signInUrl").isNull()).as("and not the sign-in link").isTrue();
    assertThat(http.get("/api/v1/activities/" + id + "/qr.svg", volunteer).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/volunteer-hours?volunteer=" + other, volunteer).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/volunteer-hours", volunteer).json().get("volunteer").asLong()).isEqualTo(me);
  }

  @Test
  void anOrganisersCorrectionSetsTheHoursAndIsAudited() {
    Instant starts = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JsonNode activity = create(inside(grid()), starts, Duration.ofHours(4), community);
    long v = fixtures.volunteer("测试志愿者庚", grid().code());
    assertThat(signIn(activity, v, community).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(10));
    assertThat(signOut(activity, v, community).json().get("hours").decimalValue()).isEqualByComparingTo("0");
    String path = "/api/v1/activities/" + activity.get("id").asLong() + "/attendance/" + v + "/corrections";
    String body = "{\"signedIn\": \"" + starts + "\", \"signedOut\": \"" + starts.plus(Duration.ofMinutes(130)) + "\", \"reason\": \"忘记签退\"}";
    String[] outsider = Http.basic(fixtures.account("org", Role.ORGANISATION_STAFF), TestEnvironment.DEMO_PASSWORD);
    assertThat(http.postJson(path, body, outsider).status()).as("staff of an organisation that does not organise it").isEqualTo(403);
    assertThat(http.postJson(path, body, Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    Http.Response bad = http.postJson(path, "{\"signedIn\": \"" + starts + "\", \"signedOut\": \"" + starts.minusSeconds(60)
        + "\", \"reason\": \"x\"}", community);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactly("signedOut");
    Http.Response fixed = http.postJson(path, body, community);
    assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
    JsonNode row = attendance(activity).get(0);
    assertThat(row.get("minutes").asInt()).isEqualTo(130);
    assertThat(row.get("hours").decimalValue()).as("2 h 10 min").isEqualByComparingTo("2");
    JsonNode trail = http.get(path, community).json();
    assertThat(trail).hasSize(1);
    assertThat(trail.get(0).get("beforeHours").decimalValue()).isEqualByComparingTo("0");
    assertThat(trail.get(0).get("hours").decimalValue()).isEqualByComparingTo("2");
    assertThat(trail.get(0).get("correctedBy").asString()).isEqualTo("community");
    assertThat(trail.get(0).get("reason").asString()).isEqualTo("忘记签退");
  }

  @Test
  void organisationStaffOrganiseTheirOwnOrganisationsActivities() {
    long org = fixtures.organisation("测试社会组织", "SOCIAL_ORGANISATION");
    String user = fixtures.account("org", Role.ORGANISATION_STAFF);
    fixtures.staffOf(user, org);
    String[] staff = Http.basic(user, TestEnvironment.DEMO_PASSWORD);
    Point at = inside(grid());
    String body = String.format(Locale.ROOT, """
        {"title": "便民服务大集（测试）", "kind": "SERVICE_FAIR", "starts": "%s", "ends": "%s", "lon": %.7f, "lat": %.7f,
         "organisers": {"organisations": [%d]}}""", clock.instant(), clock.instant().plusSeconds(7200), at.getX(), at.getY(), org);
    Http.Response r = http.postJson("/api/v1/activities", body, staff);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("grid").asString()).isEqualTo(grid().code());
    assertThat(r.json().get("organisers").get("organisations").get(0).asLong()).isEqualTo(org);
    Http.Response notOurs = http.postJson("/api/v1/activities", body.replace("\"organisations\": [" + org + "]", "\"organisations\": []"), staff);
    assertThat(notOurs.status()).isEqualTo(403);
  }

  @Test
  void badActivitiesAreRefusedNamingTheField() {
    Point at = inside(grid());
    Instant now = clock.instant();
    String template = "{\"title\": \"t\", \"kind\": \"TRAINING\", \"starts\": \"%s\", \"ends\": \"%s\", \"lon\": %s, \"lat\": %s}";
    Http.Response backwards = http.postJson("/api/v1/activities", String.format(Locale.ROOT, template, now, now.minusSeconds(60), at.getX(), at.getY()), admin);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(fields(backwards)).containsExactly("ends");
    Http.Response nowhere = http.postJson("/api/v1/activities", String.format(Locale.ROOT, template, now, now.plusSeconds(60), 0.5, 0.5), admin);
    assertThat(nowhere.status()).isEqualTo(400);
    assertThat(fields(nowhere)).containsExactly("lon");
    Http.Response kind = http.postJson("/api/v1/activities", String.format(Locale.ROOT, template, now, now.plusSeconds(60), at.getX(), at.getY())
        .replace("TRAINING", "PARTY"), admin);
    assertThat(kind.status()).isEqualTo(400);
    assertThat(fields(kind)).containsExactly("kind");
  }

  @Test
  void theQrCodeReadsBackAsTheSignInLink() throws Exception {
    JsonNode activity = startedNow(community);
    Http.Response svg = http.get(activity.get("qr").asString(), community);
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.contentType()).startsWith("image/svg+xml");
    assertThat(QrReading.decode(svg.body())).isEqualTo(activity.get("signInUrl").asString());
    assertThat(activity.get("signInUrl").asString()).startsWith("http://localhost:" + port + "/checkin.html?activity=" + activity.get("id").asLong());
  }

  @Test
  void perAreaFiguresAddUpTheHoursOfTheActivitiesHeldThere() {
    AreaView grid = grid();
    JsonNode activity = startedNow(community);
    long v = fixtures.volunteer("测试志愿者辛", grid.code());
    assertThat(signIn(activity, v, community).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(100));
    assertThat(signOut(activity, v, community).status()).isEqualTo(200);
    java.time.LocalDate day = Instant.parse(activity.get("starts").asString()).atZone(district.timeZone()).toLocalDate();
    String from = day.minusDays(1).toString(), to = day.plusDays(1).toString();
    // Everything recorded at activities in the grid in those days, read from the activities themselves.
    BigDecimal expected = BigDecimal.ZERO;
    int held = 0;
    for (JsonNode a : http.get("/api/v1/activities?area=" + grid.code() + "&from=" + from + "&to=" + to, admin).json()) {
      held++;
      for (JsonNode row : a.get("attendance")) if (!row.get("hours").isNull()) expected = expected.add(row.get("hours").decimalValue());
    }
    Http.Response r = http.get("/api/v1/activities/measures?level=grid&from=" + from + "&to=" + to, community);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode mine = null;
    for (JsonNode a : r.json().get("areas")) if (a.get("code").asString().equals(grid.code())) mine = a;
    assertThat(mine).isNotNull();
    assertThat(mine.get("volunteerHours").decimalValue()).isEqualByComparingTo(expected).isGreaterThanOrEqualTo(new BigDecimal("1.5"));
    assertThat(mine.get("activities").asInt()).isEqualTo(held);
    assertThat(mine.get("residents").asInt()).isEqualTo(grid.residents());
    assertThat(mine.get("activeVolunteers").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(r.json().get("areas")).hasSize(areas.now().level(AreaLevel.GRID).size());
    Http.Response bad = http.get("/api/v1/activities/measures?level=street", community);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactly("level");
  }

  @Test
  void communityStaffAndSocialWorkersOrganiseOnlyInTheirOwnCommunity() {
    AreaView home = grid();
    AreaView elsewhere = areas.now().level(AreaLevel.GRID).stream().filter(g -> !g.parentCode().equals(home.parentCode()))
        .findFirst().orElseThrow();
    String user = fixtures.account("sw", Role.SOCIAL_WORKER);
    fixtures.volunteer("测试社工", home.code(), user, List.of(), List.of());
    String[] socialWorker = Http.basic(user, TestEnvironment.DEMO_PASSWORD);
    Instant now = clock.instant();
    for (String[] who : List.of(community, socialWorker)) {
      JsonNode ours = create(inside(home), now, Duration.ofHours(1), who);
      assertThat(ours.get("community").asString()).isEqualTo(home.parentCode());
      String body = String.format(Locale.ROOT, "{\"title\": \"t\", \"kind\": \"OTHER\", \"starts\": \"%s\", \"ends\": \"%s\", "
          + "\"lon\": %.7f, \"lat\": %.7f}", now, now.plusSeconds(3600), inside(elsewhere).getX(), inside(elsewhere).getY());
      Http.Response theirs = http.postJson("/api/v1/activities", body, who);
      assertThat(theirs.status()).as("another community's activity").isEqualTo(403);
    }
    assertThat(http.postJson("/api/v1/activities", "{}", Http.basic("resident", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
  }
}
