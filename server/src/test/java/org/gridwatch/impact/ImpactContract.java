package org.gridwatch.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridwatch.impact.ImpactFixtures.evaluation;
import static org.gridwatch.impact.ImpactFixtures.reportCase;
import static org.gridwatch.impact.ImpactFixtures.tranche;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the money did, as the funder, a provider and the public read it: activities placed and checked against the
 * service area (outside: accepted with a warning, not counted), known persons counted once, photos; a project's money,
 * beneficiaries, reach and the difference-in-differences of its category's request rate, each checked against what the
 * test set up; a round's and a year's figures; bad input refused with nothing stored; no person on a public read.
 */
abstract class ImpactContract {
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  static final String[] FUNDER = Http.basic("funder", TestEnvironment.DEMO_PASSWORD);
  static final String[] PROVIDER = Http.basic("organisation", TestEnvironment.DEMO_PASSWORD);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog areas;
  @Autowired DistrictProfile district;
  @Autowired Clock clock;
  Http http;
  ZoneId zone;
  LocalDate today;

  @BeforeEach
  void client() {
    http = new Http(port);
    zone = district.timeZone();
    today = LocalDate.now(clock.withZone(zone));
  }

  /** Grids with residents, grouped so that the first two share a community; then grids of other communities. */
  record Grids(AreaView a, AreaView b, AreaView served, AreaView comparison, AreaView far) {}

  Grids grids() {
    AreaCatalog.Snapshot s = areas.now();
    List<AreaView> peopled = s.level(AreaLevel.GRID).stream().filter(g -> g.residents() > 0)
        .sorted(Comparator.comparing(AreaView::code)).toList();
    for (AreaView c : s.level(AreaLevel.COMMUNITY)) {
      List<AreaView> in = peopled.stream().filter(g -> c.code().equals(g.parentCode())).toList();
      if (in.size() < 2) continue;
      List<AreaView> others = new ArrayList<>(peopled.stream().filter(g -> !c.code().equals(g.parentCode())).toList());
      java.util.Collections.shuffle(others);
      AreaView far = others.stream().filter(g -> !g.code().substring(0, 9).equals(c.code().substring(0, 9))).findFirst().orElseThrow();
      others.remove(far);
      return new Grids(in.get(0), in.get(1), others.get(0), others.get(1), far);
    }
    throw new IllegalStateException("no community with two peopled grids");
  }

  String[] chain(AreaView grid) {
    String community = grid.parentCode();
    String subdistrict = areas.now().find(community).orElseThrow().parentCode();
    String district = areas.now().find(subdistrict).orElseThrow().parentCode();
    return new String[] {community, subdistrict, district};
  }

  long caseIn(AreaView grid, String category, LocalDate day) {
    String[] c = chain(grid);
    return reportCase(jdbc, grid, c[0], c[1], c[2], category, day, zone, null);
  }

  long providerOfDemoAccount() {
    return jdbc.queryForObject("SELECT organisation_id FROM organisation_staff WHERE username = 'organisation'", Long.class);
  }

  static String activity(Point at, LocalDate day, int participants, String persons) {
    return String.format(Locale.ROOT, "{\"title\":\"长者茶话会（合成）\",\"heldOn\":\"%s\",\"place\":\"社区活动室\",\"lon\":%.7f,\"lat\":%.7f,"
        + "\"participants\":%d,\"volunteers\":2%s}", day, at.getX(), at.getY(), participants, persons == null ? "" : ",\"persons\":" + persons);
  }

  static double perThousandPerYear(long count, long residents, long days) { return count * 1000.0 / residents * 365.0 / days; }

  static BigDecimal two(double v) { return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP); }

  int activities() { return jdbc.queryForObject("SELECT count(*) FROM project_activity", Integer.class); }

  int personKeys() { return jdbc.queryForObject("SELECT count(*) FROM project_activity_person", Integer.class); }

  @Test
  void aRunningProjectsOutcomesMatchWhatItDidAndTheCasesAroundIt() {
    Grids g = grids();
    String category = ImpactFixtures.category(jdbc);
    LocalDate started = today.minusDays(100);
    long round = ImpactFixtures.round(jdbc, today.getYear(), new BigDecimal("500000.00"), started.minusDays(5));
    long project = ImpactFixtures.project(jdbc, round, providerOfDemoAccount(), "RUNNING", new BigDecimal("100000.00"), started, null,
        List.of(g.a(), g.b()), category, 40, 10);
    tranche(jdbc, project, 1, "30000.00", "CONTRACT", "RELEASED");
    tranche(jdbc, project, 2, "50000.00", "MIDTERM", "PENDING");
    tranche(jdbc, project, 3, "20000.00", "FINAL", "STOPPED");
    // Another project of the category serves grid "served" throughout: its cases are in no comparison.
    long other = ImpactFixtures.project(jdbc, round, ImpactFixtures.organisation(jdbc), "RUNNING", new BigDecimal("10000.00"),
        started.minusDays(200), null, List.of(g.served()), category, 10, 2);

    // Cases: 6 in the target grids before the start, 2 after (a duplicate and one before the before-period do not count).
    for (int i = 0; i < 4; i++) caseIn(g.a(), category, started.minusDays(50));
    for (int i = 0; i < 2; i++) caseIn(g.b(), category, started.minusDays(10));
    long first = caseIn(g.a(), category, started.plusDays(5));
    caseIn(g.b(), category, today.minusDays(1));
    String[] ca = chain(g.a());
    reportCase(jdbc, g.a(), ca[0], ca[1], ca[2], category, started.plusDays(6), zone, first);
    caseIn(g.a(), category, started.minusDays(150));
    // Comparison: 4 before, 5 after; the served grid's cases are left out.
    for (int i = 0; i < 4; i++) caseIn(g.comparison(), category, started.minusDays(30));
    for (int i = 0; i < 5; i++) caseIn(g.comparison(), category, started.plusDays(30));
    for (int i = 0; i < 3; i++) caseIn(g.served(), category, started.minusDays(30));

    // What it did: three activities in grid a (two naming persons, who overlap), one outside the service area.
    Point inA = g.a().boundary().getInteriorPoint();
    Http.Response one = http.postJson("/api/v1/projects/" + project + "/activities", activity(inA, today.minusDays(3), 5,
        "[\"P-001\",\"P-002\",\"P-003\"]"), PROVIDER);
    assertThat(one.status()).as(one.body()).isEqualTo(201);
    assertThat(one.json().get("grid").asString()).isEqualTo(g.a().code());
    assertThat(one.json().get("insideServiceArea").asBoolean()).isTrue();
    assertThat(one.json().get("warnings").size()).isZero();
    assertThat(one.json().get("knownPersons").asInt()).isEqualTo(3);
    assertThat(http.postJson("/api/v1/projects/" + project + "/activities", activity(inA, today.minusDays(2), 4,
        "[\"P-002\",\"P-003\",\"P-004\"]"), FUNDER).status()).isEqualTo(201);
    assertThat(http.postJson("/api/v1/projects/" + project + "/activities", activity(inA, today, 10, null), ADMIN).status())
        .isEqualTo(201);
    Point far = g.far().boundary().getInteriorPoint();
    Http.Response outside = http.postJson("/api/v1/projects/" + project + "/activities", activity(far, today.minusDays(1), 50, null), ADMIN);
    assertThat(outside.status()).as(outside.body()).isEqualTo(201);
    assertThat(outside.json().get("insideServiceArea").asBoolean()).isFalse();
    assertThat(outside.json().at("/warnings/0/code").asString()).isEqualTo("outside-service-area");
    assertThat(outside.json().at("/warnings/0/distanceMetres").asLong()).isPositive();
    List<String> keys = jdbc.queryForList("SELECT k.person_key FROM project_activity_person k JOIN project_activity a"
        + " ON a.id = k.activity_id WHERE a.project_id = ?", String.class, project);
    assertThat(keys).hasSize(6).allMatch(k -> k.matches("[0-9a-f]{64}")).noneMatch(k -> k.contains("P-00"));

    JsonNode o = http.get("/api/v1/projects/" + project + "/outcomes").json();
    assertThat(o.get("committed").decimalValue()).isEqualByComparingTo("80000.00");
    assertThat(o.get("disbursed").decimalValue()).isEqualByComparingTo("30000.00");
    assertThat(o.get("stopped").decimalValue()).isEqualByComparingTo("20000.00");
    assertThat(o.get("beneficiaries").asInt()).isEqualTo(4 + 10);
    assertThat(o.get("beneficiariesBasis").asString()).isEqualTo("MIXED");
    assertThat(o.get("beneficiariesTarget").asInt()).isEqualTo(40);
    assertThat(o.get("costPerBeneficiary").decimalValue()).isEqualByComparingTo(
        new BigDecimal("30000.00").divide(BigDecimal.valueOf(14), 2, RoundingMode.HALF_UP));
    assertThat(o.get("sessions").asInt()).isEqualTo(3);
    assertThat(o.get("sessionsTarget").asInt()).isEqualTo(10);
    assertThat(o.get("outsideActivities").asInt()).isEqualTo(1);
    assertThat(o.get("gridsTargeted").asInt()).isEqualTo(2);
    assertThat(o.get("gridsReached").asInt()).isEqualTo(1);
    assertThat(o.get("reachShare").asDouble()).isEqualTo(0.5);

    long days = 100;
    long targetResidents = g.a().residents() + g.b().residents();
    Set<String> excluded = Set.of(g.a().code(), g.b().code(), g.served().code());
    List<AreaView> comparison = areas.now().level(AreaLevel.GRID).stream().filter(x -> x.residents() > 0)
        .filter(x -> !excluded.contains(x.code())).toList();
    long comparisonResidents = comparison.stream().mapToLong(AreaView::residents).sum();
    double tb = perThousandPerYear(6, targetResidents, days), ta = perThousandPerYear(2, targetResidents, days);
    double cb = perThousandPerYear(4, comparisonResidents, days), cAfter = perThousandPerYear(5, comparisonResidents, days);
    JsonNode r = o.get("requestRate");
    assertThat(o.get("requestRateReason").isNull()).isTrue();
    assertThat(r.get("category").asString()).isEqualTo(category);
    assertThat(r.get("indicative").asBoolean()).isTrue();
    assertThat(r.at("/target/casesBefore").asLong()).isEqualTo(6);
    assertThat(r.at("/target/casesAfter").asLong()).isEqualTo(2);
    assertThat(r.at("/target/before").decimalValue()).isEqualByComparingTo(two(tb));
    assertThat(r.at("/target/after").decimalValue()).isEqualByComparingTo(two(ta));
    assertThat(r.at("/target/change").decimalValue()).isEqualByComparingTo(two(ta - tb));
    assertThat(r.at("/comparison/grids").asInt()).isEqualTo(comparison.size());
    assertThat(r.at("/comparison/casesBefore").asLong()).isEqualTo(4);
    assertThat(r.at("/comparison/casesAfter").asLong()).isEqualTo(5);
    assertThat(r.at("/comparison/change").decimalValue()).isEqualByComparingTo(two(cAfter - cb));
    assertThat(r.get("differenceInDifferences").decimalValue()).isEqualByComparingTo(two((ta - tb) - (cAfter - cb)));
    assertThat(r.at("/before/from").asString()).isEqualTo(started.minusDays(days).toString());
    assertThat(r.at("/after/from").asString()).isEqualTo(started.toString());
    assertThat(r.at("/after/to").asString()).isEqualTo(today.minusDays(1).toString());

    // The other project has no case history in its own before-period of the same length? It has: its reason is absent.
    assertThat(http.get("/api/v1/projects/" + other + "/outcomes").status()).isEqualTo(200);
  }

  @Test
  void aProjectNotStartedHasNoRateButAReason() {
    Grids g = grids();
    String category = ImpactFixtures.category(jdbc);
    long round = ImpactFixtures.round(jdbc, today.getYear(), new BigDecimal("100000.00"), today.plusDays(10));
    long project = ImpactFixtures.project(jdbc, round, providerOfDemoAccount(), "CONTRACTED", new BigDecimal("5000.00"), null, null,
        List.of(g.a()), category, 10, 2);
    JsonNode o = http.get("/api/v1/projects/" + project + "/outcomes").json();
    assertThat(o.get("requestRate").isNull()).isTrue();
    assertThat(o.get("requestRateReason").asString()).isEqualTo("not-started");
    assertThat(o.get("costPerBeneficiary").isNull()).isTrue();
    // Its round runs from a day still to come: an activity today is before its start.
    Http.Response early = http.postJson("/api/v1/projects/" + project + "/activities",
        activity(g.a().boundary().getInteriorPoint(), today, 3, null), ADMIN);
    assertThat(early.status()).as(early.body()).isEqualTo(422);
    assertThat(early.json().at("/errors/0/field").asString()).isEqualTo("heldOn");
  }

  @Test
  void aRoundAndItsYearCountPassRatesAndResidentsOnceEach() {
    Grids g = grids();
    String category = ImpactFixtures.category(jdbc);
    int year = ThreadLocalRandom.current().nextInt(2040, 2099);
    LocalDate runsFrom = LocalDate.of(year, 3, 1);
    long round = ImpactFixtures.round(jdbc, year, new BigDecimal("200000.00"), runsFrom);
    long second = ImpactFixtures.round(jdbc, year, new BigDecimal("50000.00"), runsFrom);
    long provider = ImpactFixtures.organisation(jdbc);
    long closed = ImpactFixtures.project(jdbc, round, provider, "CLOSED", new BigDecimal("60000.00"), runsFrom, runsFrom.plusDays(300),
        List.of(g.a()), category, 30, 5);
    tranche(jdbc, closed, 1, "20000.00", "CONTRACT", "RELEASED");
    tranche(jdbc, closed, 2, "40000.00", "FINAL", "RELEASED");
    evaluation(jdbc, closed, "MIDTERM", 1, "PASS");
    evaluation(jdbc, closed, "FINAL", 1, "RECTIFY");
    evaluation(jdbc, closed, "FINAL", 2, "PASS");
    long terminated = ImpactFixtures.project(jdbc, round, provider, "TERMINATED", new BigDecimal("30000.00"), runsFrom,
        runsFrom.plusDays(100), List.of(g.b()), category, 20, 4);
    tranche(jdbc, terminated, 1, "10000.00", "CONTRACT", "RELEASED");
    tranche(jdbc, terminated, 2, "20000.00", "MIDTERM", "STOPPED");
    evaluation(jdbc, terminated, "MIDTERM", 1, "FAIL");
    evaluation(jdbc, terminated, "FINAL", 1, null); // reported, not published: not counted
    long applied = ImpactFixtures.project(jdbc, round, provider, "APPLIED", new BigDecimal("90000.00"), null, null,
        List.of(g.comparison()), category, 20, 4);
    tranche(jdbc, applied, 1, "90000.00", "CONTRACT", "PENDING");
    long elsewhere = ImpactFixtures.project(jdbc, second, provider, "RUNNING", new BigDecimal("8000.00"), runsFrom, null,
        List.of(g.comparison()), category, 5, 1);
    tranche(jdbc, elsewhere, 1, "8000.00", "CONTRACT", "RELEASED");

    Point inA = g.a().boundary().getInteriorPoint(), inB = g.b().boundary().getInteriorPoint();
    ImpactFixtures.activity(jdbc, closed, inA, g.a().code(), true, 9, "k1", "k2", "k3");
    ImpactFixtures.activity(jdbc, terminated, inB, g.b().code(), true, 7, "k2", "k3", "k4"); // k2, k3: the same residents
    ImpactFixtures.activity(jdbc, terminated, inA, g.a().code(), false, 100, "k5"); // outside: not reach

    JsonNode r = http.get("/api/v1/rounds/" + round + "/outcomes").json();
    assertThat(r.get("budget").decimalValue()).isEqualByComparingTo("200000.00");
    assertThat(r.get("committed").decimalValue()).isEqualByComparingTo("70000.00");
    assertThat(r.get("disbursed").decimalValue()).isEqualByComparingTo("70000.00");
    assertThat(r.get("stopped").decimalValue()).isEqualByComparingTo("20000.00");
    assertThat(r.get("budgetUsedShare").asDouble()).isEqualTo(0.35);
    assertThat(r.at("/evaluations/published").asInt()).isEqualTo(4);
    assertThat(r.at("/evaluations/passed").asInt()).isEqualTo(2);
    assertThat(r.at("/evaluations/passRate").asDouble()).isEqualTo(0.5);
    assertThat(r.get("residentsReached").asInt()).isEqualTo(4);
    assertThat(r.get("residentsBasis").asString()).isEqualTo("UNIQUE");
    assertThat(r.get("projects").asInt()).isEqualTo(2);

    // An activity that names nobody: its participants are summed, and the basis says so.
    ImpactFixtures.activity(jdbc, closed, inA, g.a().code(), true, 25);
    JsonNode mixed = http.get("/api/v1/rounds/" + round + "/outcomes").json();
    assertThat(mixed.get("residentsReached").asInt()).isEqualTo(4 + 25);
    assertThat(mixed.get("residentsBasis").asString()).isEqualTo("MIXED");

    JsonNode y = http.get("/api/v1/funding/years/" + year + "/outcomes").json();
    assertThat(y.get("budget").decimalValue()).isEqualByComparingTo("250000.00");
    assertThat(y.get("disbursed").decimalValue()).isEqualByComparingTo("78000.00");
    assertThat(y.get("projects").asInt()).isEqualTo(3);
    assertThat(http.get("/api/v1/rounds/" + ImpactFixtures.id() + "/outcomes").status()).isEqualTo(404);
    Http.Response badYear = http.get("/api/v1/funding/years/1800/outcomes");
    assertThat(badYear.status()).isEqualTo(400);
    assertThat(badYear.json().at("/errors/0/field").asString()).isEqualTo("year");
  }

  @Test
  void badActivitiesAreRefusedNamingTheFieldAndNothingIsStored() {
    Grids g = grids();
    String category = ImpactFixtures.category(jdbc);
    LocalDate started = today.minusDays(20);
    long round = ImpactFixtures.round(jdbc, today.getYear(), new BigDecimal("100000.00"), started);
    long project = ImpactFixtures.project(jdbc, round, providerOfDemoAccount(), "RUNNING", new BigDecimal("5000.00"), started, null,
        List.of(g.a()), category, 10, 2);
    Point in = g.a().boundary().getInteriorPoint();
    int before = activities(), keys = personKeys();
    String path = "/api/v1/projects/" + project + "/activities";

    record Bad(String body, int status, String field) {}
    String good = activity(in, today.minusDays(1), 5, "[\"P-1\"]");
    List<Bad> bad = List.of(
        new Bad(good.replaceFirst("\"lon\":[0-9.]+", "\"lon\":\"NaN\""), 400, "lon"),
        new Bad(good.replaceFirst("\"lat\":[0-9.]+", "\"lat\":95.0"), 400, "lat"),
        new Bad(activity(swap(in), today.minusDays(1), 5, null), 400, "lat"),
        new Bad(good.replace("\"participants\":5", "\"participants\":-1"), 400, "participants"),
        new Bad(good.replace("\"participants\":5", "\"participants\":\"many\""), 400, "participants"),
        new Bad(good.replace("\"persons\":[\"P-1\"]", "\"persons\":\"P-1\""), 400, "persons"),
        new Bad(activity(in, today.minusDays(1), 1, "[\"P-1\",\"P-2\"]"), 422, "participants"),
        new Bad(activity(in, today.plusDays(1), 5, null), 422, "heldOn"),
        new Bad(activity(in, started.minusDays(1), 5, null), 422, "heldOn"),
        new Bad(good.replace("\"heldOn\":\"" + today.minusDays(1) + "\"", "\"heldOn\":\"yesterday\""), 400, "heldOn"),
        new Bad(good.replace("\"title\":\"长者茶话会（合成）\",", ""), 400, "title"));
    for (Bad b : bad) {
      Http.Response r = http.postJson(path, b.body(), ADMIN);
      assertThat(r.status()).as(b.body() + " → " + r.body()).isEqualTo(b.status());
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().at("/errors/0/field").asString()).as(r.body()).isEqualTo(b.field());
    }
    assertThat(activities()).isEqualTo(before);
    assertThat(personKeys()).isEqualTo(keys);

    // A project not running (approved, not contracted): out of order, naming its status.
    long approved = ImpactFixtures.project(jdbc, round, providerOfDemoAccount(), "APPROVED", new BigDecimal("5000.00"), null, null,
        List.of(g.a()), category, 10, 2);
    Http.Response early = http.postJson("/api/v1/projects/" + approved + "/activities", good, ADMIN);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("type").asString()).endsWith("/problems/out-of-order");
    assertThat(early.json().get("status").asInt()).isEqualTo(409);
    assertThat(early.json().get("currentStatus").asString()).isEqualTo("APPROVED");
    // Staff of another organisation may not record for this provider; the public may not record at all.
    long foreign = ImpactFixtures.project(jdbc, round, ImpactFixtures.organisation(jdbc), "RUNNING", new BigDecimal("5000.00"), started,
        null, List.of(g.a()), category, 10, 2);
    assertThat(http.postJson("/api/v1/projects/" + foreign + "/activities", good, PROVIDER).status()).isEqualTo(403);
    assertThat(http.postJson(path, good).status()).isEqualTo(401);
    assertThat(activities()).isEqualTo(before);
  }

  @Test
  void thePublicSeesApprovedProjectsActivitiesPhotosAndOutcomesButNoPersons() {
    Grids g = grids();
    String category = ImpactFixtures.category(jdbc);
    LocalDate started = today.minusDays(20);
    long round = ImpactFixtures.round(jdbc, today.getYear(), new BigDecimal("100000.00"), started);
    long project = ImpactFixtures.project(jdbc, round, providerOfDemoAccount(), "RUNNING", new BigDecimal("5000.00"), started, null,
        List.of(g.a()), category, 10, 2);
    tranche(jdbc, project, 1, "5000.00", "CONTRACT", "RELEASED");
    long applied = ImpactFixtures.project(jdbc, round, providerOfDemoAccount(), "APPLIED", new BigDecimal("7000.00"), null, null,
        List.of(g.b()), category, 10, 2);
    Http.Response made = http.postJson("/api/v1/projects/" + project + "/activities",
        activity(g.a().boundary().getInteriorPoint(), today.minusDays(1), 6, "[\"110101199003071234\"]"), PROVIDER);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    long activity = made.json().get("id").asLong();

    Http.Response photo = http.upload("/api/v1/projects/" + project + "/activities/" + activity + "/photos", "tea.png", "image/png",
        png(320, 200), PROVIDER);
    assertThat(photo.status()).as(photo.body()).isEqualTo(201);
    Http.Response copy = http.get(photo.json().get("url").asString());
    assertThat(copy.status()).isEqualTo(200);
    assertThat(copy.contentType()).isEqualTo("image/png");
    assertThat(http.get(photo.json().get("thumbnailUrl").asString()).contentType()).isEqualTo("image/jpeg");
    Http.Response notImage = http.upload("/api/v1/projects/" + project + "/activities/" + activity + "/photos", "x.png", "image/png",
        "hello".getBytes(), PROVIDER);
    assertThat(notImage.status()).isEqualTo(415);
    assertThat(notImage.json().at("/errors/0/field").asString()).isEqualTo("file");

    Http.Response list = http.get("/api/v1/projects/" + project + "/activities");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get(0).get("knownPersons").asInt()).isEqualTo(1);
    assertThat(list.json().get(0).get("photos").size()).isEqualTo(1);
    assertThat(list.json().get(0).has("persons")).isFalse();
    assertThat(list.body()).doesNotContain("110101199003071234").doesNotContain("organisation");
    assertThat(http.get("/api/v1/projects/" + project + "/outcomes").status()).isEqualTo(200);
    // Before approval a project is the funder's and the provider's business only.
    assertThat(http.get("/api/v1/projects/" + applied + "/outcomes").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/projects/" + applied + "/activities").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/projects/" + applied + "/outcomes", FUNDER).status()).isEqualTo(200);

    Http.Response layer = http.get("/ogcapi/collections/projects/items?limit=1000&round=" + round);
    assertThat(layer.status()).as(layer.body()).isEqualTo(200);
    JsonNode features = layer.json().get("features");
    List<String> ids = new ArrayList<>();
    features.forEach(f -> ids.add(f.get("id").asString()));
    assertThat(ids).containsExactly(String.valueOf(project));
    JsonNode p = features.get(0);
    assertThat(p.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
    assertThat(p.at("/properties/status").asString()).isEqualTo("RUNNING");
    assertThat(p.at("/properties/disbursed").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(p.at("/properties/categories/0").asString()).isEqualTo(category);
    assertThat(p.get("properties").has("lead_social_worker")).isFalse();
    assertThat(http.get("/ogcapi/collections").body()).contains("\"projects\"");
  }

  static Point swap(Point p) { return p.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(p.getY(), p.getX())); }

  static byte[] png(int w, int h) {
    var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var gr = img.createGraphics();
    gr.setColor(java.awt.Color.ORANGE);
    gr.fillRect(0, 0, w / 2, h / 2);
    gr.dispose();
    try {
      var out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
