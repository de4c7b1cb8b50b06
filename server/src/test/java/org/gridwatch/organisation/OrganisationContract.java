package org.gridwatch.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.staff.Roster;
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
 * The organisations' register on the demo district: create, list, read; credit-code and incubation rules; a compound
 * claimed by two property companies (refused naming both, also when both claims arrive at once); who sees and changes
 * what; the public OGC layers; the per-area figures; and the property-company lookup that property-first dispatch reads.
 * Each test makes its own organisations (fresh credit codes) and compounds (fresh names): the class shares a database.
 */
abstract class OrganisationContract {
  @LocalServerPort int port;
  @Autowired AreaCatalog catalog;
  @Autowired Roster roster;
  @Autowired JdbcTemplate jdbc;
  @Autowired PropertyCompanies propertyCompanies;
  Http http;
  final String[] admin = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  final String[] planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
  final String[] community = Http.basic("community", TestEnvironment.DEMO_PASSWORD);
  AreaView home, away;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    String homeCode = roster.scopeOf("community").orElseThrow().unitCode();
    home = catalog.now().find(homeCode).orElseThrow();
    away = catalog.now().level(AreaLevel.COMMUNITY).stream()
        .filter(c -> !c.parentCode().equals(home.parentCode())).findFirst().orElseThrow();
  }

  @Test
  void anOrganisationIsCreatedListedAndReadWithItsPhoneMasked() {
    String code = creditCode("51");
    Point at = inside(home);
    Http.Response created = http.postJson("/api/v1/organisations", """
        {"creditCode":"%s","name":"测试社工服务中心","kind":"SOCIAL_ORGANISATION","contact":{"name":"李测试","phone":"13812341234"},
         "address":"测试路1号","lon":%s,"lat":%s}""".formatted(code, at.getX(), at.getY()), admin);
    assertThat(created.status()).isEqualTo(201);
    JsonNode o = created.json();
    long id = o.get("id").asLong();
    assertThat(created.header("Location")).endsWith("/api/v1/organisations/" + id);
    assertThat(o.get("creditCode").asString()).isEqualTo(code);
    assertThat(o.get("kind").asString()).isEqualTo("SOCIAL_ORGANISATION");
    assertThat(o.at("/contact/name").asString()).isEqualTo("李测试");
    assertThat(o.at("/contact/phone").asString()).isEqualTo("138****1234");
    assertThat(created.body()).doesNotContain("13812341234");
    assertThat(o.get("lon").asDouble()).isEqualTo(at.getX(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(o.get("serviceAreas")).isEmpty();
    assertThat(o.get("incubation").isNull()).isTrue();

    JsonNode read = http.get("/api/v1/organisations/" + id, admin).json();
    assertThat(read.get("name").asString()).isEqualTo("测试社工服务中心");
    assertThat(ids(http.get("/api/v1/organisations?kind=SOCIAL_ORGANISATION", admin).json())).contains(id);
    assertThat(ids(http.get("/api/v1/organisations?kind=PROPERTY_COMPANY", admin).json())).doesNotContain(id);
    assertThat(http.get("/api/v1/organisations?kind=SHOP", admin).status()).isEqualTo(400);
    assertThat(http.get("/api/v1/organisations/" + id).status()).isEqualTo(401);

    // serving a community: listed for that community and its grids, not for another
    assertThat(http.postJson("/api/v1/organisations/" + id + "/service-areas",
        "{\"kind\":\"COMMUNITY\",\"code\":\"" + home.code() + "\",\"from\":\"2024-01-01\"}", admin).status()).isEqualTo(201);
    String grid = catalog.now().children(home.code()).get(0).code();
    assertThat(ids(http.get("/api/v1/organisations?area=" + grid, admin).json())).contains(id);
    assertThat(ids(http.get("/api/v1/organisations?area=" + home.parentCode(), admin).json())).contains(id);
    assertThat(ids(http.get("/api/v1/organisations?area=" + away.code(), admin).json())).doesNotContain(id);
  }

  @Test
  void anInvalidOrTakenCreditCodeIsRefusedNamingTheFieldAndNothingIsStored() {
    Point at = inside(home);
    long before = count();
    String valid = creditCode("91");
    String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    for (String bad : new String[] {wrongCheck, valid.substring(0, 16) + "I" + valid.charAt(17), valid.substring(0, 17)}) {
      Http.Response r = http.postJson("/api/v1/organisations", body(bad, "坏代码物业", "PROPERTY_COMPANY", at), admin);
      assertThat(r.status()).as(bad).isEqualTo(422);
      assertThat(r.json().get("type").asString()).endsWith("/problems/invalid-credit-code");
      assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("creditCode");
    }
    assertThat(count()).isEqualTo(before);
    assertThat(http.postJson("/api/v1/organisations", body(valid, "首家物业", "PROPERTY_COMPANY", at), admin).status()).isEqualTo(201);
    Http.Response again = http.postJson("/api/v1/organisations", body(valid, "第二家物业", "PROPERTY_COMPANY", at), admin);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().at("/errors/0/field").asString()).isEqualTo("creditCode");
    assertThat(count()).isEqualTo(before + 1);
    Http.Response noKind = http.postJson("/api/v1/organisations", body(creditCode("91"), "无类别", "SHOP", at), admin);
    assertThat(noKind.status()).isEqualTo(400);
    assertThat(noKind.json().at("/errors/0/field").asString()).isEqualTo("kind");
  }

  @Test
  void incubationGoesAppliedIncubatingGraduatedInOrderForSocialOrganisationsOnly() {
    long id = create("51", "孵化测试社", "SOCIAL_ORGANISATION", home, admin);
    String path = "/api/v1/organisations/" + id + "/incubation";
    Http.Response early = http.postJson(path, "{\"stage\":\"INCUBATING\",\"on\":\"2026-03-01\"}", admin);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("type").asString()).endsWith("/problems/incubation-out-of-order");
    assertThat(early.json().get("expected").asString()).isEqualTo("APPLIED");
    assertThat(http.postJson(path, "{\"stage\":\"APPLIED\",\"on\":\"2026-01-10\"}", admin).status()).isEqualTo(200);
    Http.Response skip = http.postJson(path, "{\"stage\":\"GRADUATED\",\"on\":\"2026-09-01\"}", admin);
    assertThat(skip.status()).isEqualTo(409);
    assertThat(skip.json().at("/errors/0/field").asString()).isEqualTo("stage");
    Http.Response backwards = http.postJson(path, "{\"stage\":\"INCUBATING\",\"on\":\"2026-01-01\"}", admin);
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.json().at("/errors/0/field").asString()).isEqualTo("on");
    assertThat(http.postJson(path, "{\"stage\":\"INCUBATING\",\"on\":\"2026-03-01\"}", admin).status()).isEqualTo(200);
    JsonNode done = http.postJson(path, "{\"stage\":\"GRADUATED\",\"on\":\"2026-09-01\"}", admin).json();
    assertThat(done.at("/incubation/stage").asString()).isEqualTo("GRADUATED");
    assertThat(done.at("/incubation/applied").asString()).isEqualTo("2026-01-10");
    assertThat(done.at("/incubation/incubating").asString()).isEqualTo("2026-03-01");
    assertThat(done.at("/incubation/graduated").asString()).isEqualTo("2026-09-01");
    assertThat(done.at("/incubation/history")).hasSize(3);
    assertThat(done.at("/incubation/history/2/recordedBy").asString()).isEqualTo("admin");
    assertThat(http.postJson(path, "{\"stage\":\"GRADUATED\",\"on\":\"2026-10-01\"}", admin).status()).isEqualTo(409);

    long company = create("91", "不孵化物业", "PROPERTY_COMPANY", home, admin);
    Http.Response notSocial = http.postJson("/api/v1/organisations/" + company + "/incubation",
        "{\"stage\":\"APPLIED\",\"on\":\"2026-01-10\"}", admin);
    assertThat(notSocial.status()).isEqualTo(422);
    assertThat(notSocial.json().at("/errors/0/field").asString()).isEqualTo("stage");
    assertThat(http.get("/api/v1/organisations/" + company, admin).json().get("incubation").isNull()).isTrue();
  }

  @Test
  void twoPropertyCompaniesOnOneCompoundOnOverlappingDaysAreRefusedNamingBoth() {
    String compound = compound(home);
    long first = create("91", "先到物业", "PROPERTY_COMPANY", home, admin);
    long second = create("91", "后到物业", "PROPERTY_COMPANY", home, admin);
    Http.Response ok = serve(first, compound, "2024-01-01", "2025-12-31");
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().get("name").asString()).isEqualTo(compound);

    Http.Response clash = serve(second, compound, "2025-06-01", null);
    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.json().get("type").asString()).endsWith("/problems/service-area-overlap");
    assertThat(clash.json().at("/errors/0/field").asString()).isEqualTo("code");
    List<Long> named = new ArrayList<>();
    clash.json().get("organisations").forEach(n -> named.add(n.get("id").asLong()));
    assertThat(named).containsExactlyInAnyOrder(first, second);
    assertThat(rowsFor(compound)).isEqualTo(1);

    // after the first company's last day the second may take over; moving the first's end past that day is refused
    assertThat(serve(second, compound, "2026-01-01", null).status()).isEqualTo(201);
    long areaId = ok.json().get("id").asLong();
    Http.Response longer = http.patch("/api/v1/organisations/" + first + "/service-areas/" + areaId, "{\"to\":\"2026-02-01\"}", admin);
    assertThat(longer.status()).isEqualTo(409);
    assertThat(http.patch("/api/v1/organisations/" + first + "/service-areas/" + areaId, "{\"to\":\"2025-10-31\"}", admin).json()
        .get("to").asString()).isEqualTo("2025-10-31");

    // a social organisation may serve the same compound at the same time
    long social = create("51", "同院社会组织", "SOCIAL_ORGANISATION", home, admin);
    assertThat(serve(social, compound, "2025-06-01", null).status()).isEqualTo(201);
    Http.Response unknown = serve(first, compound + "-不存在", "2024-01-01", null);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("code");
    Http.Response backwards = serve(social, compound, "2025-06-01", "2025-01-01");
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.json().at("/errors/0/field").asString()).isEqualTo("to");
  }

  @Test
  void claimsOnOneCompoundSentAtOnceStoreAtMostOne() throws Exception {
    // a signed-in session, so that no password check (bcrypt) spaces the claims out: they reach the check together
    String[] session = org.gridwatch.support.FormLogin.signIn(http, "admin").headers();
    int claimants = 6;
    ExecutorService pool = Executors.newFixedThreadPool(claimants);
    try {
      for (int round = 0; round < 3; round++) {
        String compound = compound(home);
        List<Long> companies = new ArrayList<>();
        for (int i = 0; i < claimants; i++) companies.add(create("91", "抢占物业" + i, "PROPERTY_COMPANY", home, admin));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (long id : companies) {
          answers.add(pool.submit(() -> {
            go.await();
            return http.postJson("/api/v1/organisations/" + id + "/service-areas",
                "{\"kind\":\"COMPOUND\",\"code\":\"" + compound + "\",\"from\":\"2024-01-01\"}", session).status();
          }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) statuses.add(f.get());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(claimants - 1);
        assertThat(rowsFor(compound)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void communityStaffSeeAndChangeTheirCommunityOnlyAndOrganisationStaffTheirOwn() {
    long mine = create("51", "本社区社会组织", "SOCIAL_ORGANISATION", home, community);
    long theirs = create("51", "外社区社会组织", "SOCIAL_ORGANISATION", away, admin);
    assertThat(http.get("/api/v1/organisations/" + mine, community).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/organisations/" + theirs, community).status()).isEqualTo(404);
    assertThat(ids(http.get("/api/v1/organisations", community).json())).contains(mine).doesNotContain(theirs);
    assertThat(http.postJson("/api/v1/organisations/" + theirs + "/incubation", "{\"stage\":\"APPLIED\",\"on\":\"2026-01-10\"}",
        community).status()).isEqualTo(404);
    Http.Response elsewhere = http.postJson("/api/v1/organisations", body(creditCode("51"), "越界登记", "SOCIAL_ORGANISATION",
        inside(away)), community);
    assertThat(elsewhere.status()).isEqualTo(403);
    Http.Response serveAway = http.postJson("/api/v1/organisations/" + mine + "/service-areas",
        "{\"kind\":\"COMMUNITY\",\"code\":\"" + away.code() + "\",\"from\":\"2024-01-01\"}", community);
    assertThat(serveAway.status()).isEqualTo(403);
    assertThat(http.get("/api/v1/organisations/" + mine, admin).json().get("serviceAreas")).isEmpty();
    // serving into another community makes an organisation visible there
    assertThat(http.postJson("/api/v1/organisations/" + theirs + "/service-areas",
        "{\"kind\":\"COMMUNITY\",\"code\":\"" + home.code() + "\",\"from\":\"2024-01-01\"}", admin).status()).isEqualTo(201);
    assertThat(http.get("/api/v1/organisations/" + theirs, community).status()).isEqualTo(200);

    String[] staff = Http.basic("organisation", TestEnvironment.DEMO_PASSWORD);
    assertThat(http.put("/api/v1/organisations/" + mine + "/staff/organisation", "", community).status()).isEqualTo(403);
    JsonNode linked = http.put("/api/v1/organisations/" + mine + "/staff/organisation", "", admin).json();
    assertThat(linked.get("organisation").asLong()).isEqualTo(mine);
    assertThat(http.get("/api/v1/organisations/" + mine, staff).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/organisations/" + theirs, staff).status()).isEqualTo(404);
    assertThat(ids(http.get("/api/v1/organisations", staff).json())).containsExactly(mine);
    assertThat(http.postJson("/api/v1/organisations/" + mine + "/incubation", "{\"stage\":\"APPLIED\",\"on\":\"2026-01-10\"}",
        staff).status()).isEqualTo(403);
    Http.Response notStaff = http.put("/api/v1/organisations/" + mine + "/staff/police", "", admin);
    assertThat(notStaff.status()).isEqualTo(422);
    assertThat(notStaff.json().at("/errors/0/field").asString()).isEqualTo("username");
    assertThat(http.get("/api/v1/organisations", Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
  }

  @Test
  void theOgcLayersShowWhereOrganisationsServeWithoutContacts() {
    String compound = compound(home);
    long company = create("91", "图层物业", "PROPERTY_COMPANY", home, admin);
    assertThat(serve(company, compound, "2024-01-01", null).status()).isEqualTo(201);
    long social = create("51", "图层社会组织", "SOCIAL_ORGANISATION", home, admin);
    assertThat(http.postJson("/api/v1/organisations/" + social + "/service-areas",
        "{\"kind\":\"COMMUNITY\",\"code\":\"" + home.code() + "\",\"from\":\"2024-01-01\"}", admin).status()).isEqualTo(201);
    long ended = create("91", "已离场物业", "PROPERTY_COMPANY", away, admin);
    assertThat(serve(ended, compound(away), "2020-01-01", "2020-12-31").status()).isEqualTo(201);

    Http.Response listed = http.get("/ogcapi/collections");
    assertThat(listed.body()).contains("\"organisations\"", "\"property-areas\"");
    Http.Response items = http.get("/ogcapi/collections/organisations/items?limit=10000");
    assertThat(items.status()).isEqualTo(200);
    assertThat(items.body()).doesNotContain("13812341234", "138****", "contact");
    JsonNode feature = http.get("/ogcapi/collections/organisations/items/" + social).json();
    assertThat(feature.at("/properties/name").asString()).isEqualTo("图层社会组织");
    assertThat(feature.at("/properties/kind").asString()).isEqualTo("SOCIAL_ORGANISATION");
    assertThat(feature.at("/geometry/type").asString()).contains("Polygon");
    // the community's outline is what it serves: its area, in m², matches the community's
    org.locationtech.jts.geom.Geometry g = org.gridwatch.geo.GeoJson.read(feature.get("geometry"), "geometry");
    assertThat(g.getArea()).isCloseTo(home.boundary().getArea(), org.assertj.core.data.Offset.offset(home.boundary().getArea() * 1e-6));
    assertThat(http.get("/ogcapi/collections/organisations/items/" + ended).status()).isEqualTo(404);

    JsonNode area = http.get("/ogcapi/collections/property-areas/items/" + java.net.URLEncoder.encode(compound,
        java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(area.at("/properties/organisation").asLong()).isEqualTo(company);
    assertThat(area.at("/properties/organisation_name").asString()).isEqualTo("图层物业");
    assertThat(area.at("/properties/from").asString()).isEqualTo("2024-01-01");
    JsonNode byCompany = http.get("/ogcapi/collections/property-areas/items?organisation=" + company).json();
    assertThat(byCompany.get("features")).hasSize(1);
  }

  @Test
  void measuresCountTheOrganisationsIncubatedGraduatedAndServingPerArea() {
    JsonNode before = measures(home);
    long a = create("51", "计数社甲", "SOCIAL_ORGANISATION", home, admin);
    long b = create("51", "计数社乙", "SOCIAL_ORGANISATION", home, admin);
    for (long id : new long[] {a, b}) {
      advance(id, "APPLIED", "2026-01-05");
      advance(id, "INCUBATING", "2026-02-05");
    }
    advance(a, "GRADUATED", "2026-06-30");
    long outside = create("51", "计数社丙", "SOCIAL_ORGANISATION", home, admin);
    advance(outside, "APPLIED", "2025-01-05");
    advance(outside, "INCUBATING", "2025-02-05"); // before the period
    assertThat(http.postJson("/api/v1/organisations/" + b + "/service-areas",
        "{\"kind\":\"COMMUNITY\",\"code\":\"" + home.code() + "\",\"from\":\"2026-03-01\"}", admin).status()).isEqualTo(201);
    JsonNode after = measures(home);
    assertThat(after.get("incubated").asInt() - before.get("incubated").asInt()).isEqualTo(2);
    assertThat(after.get("graduated").asInt() - before.get("graduated").asInt()).isEqualTo(1);
    assertThat(after.get("organisations").asInt() - before.get("organisations").asInt()).isEqualTo(1);
    assertThat(after.get("residents").asInt()).isEqualTo(home.residents());
    JsonNode answer = http.get("/api/v1/organisations/measures?level=community&from=2026-01-01&to=2026-12-31", community).json();
    assertThat(answer.get("level").asString()).isEqualTo("community");
    assertThat(answer.get("areas")).hasSize(catalog.now().level(AreaLevel.COMMUNITY).size());
    assertThat(http.get("/api/v1/organisations/measures?level=street", admin).json().at("/errors/0/field").asString()).isEqualTo("level");
    assertThat(http.get("/api/v1/organisations/measures?level=grid&from=2026-13-01", admin).status()).isEqualTo(400);
  }

  @Test
  void theServingPropertyCompanyIsFoundForAPointInItsCompoundUntilItsLastDay() {
    String compound = compound(home);
    long company = create("91", "查找物业", "PROPERTY_COMPANY", home, admin);
    assertThat(serve(company, compound, "2024-01-01", "2025-06-30").status()).isEqualTo(201);
    Point inside = compoundOutline(compound).getInteriorPoint();
    assertThat(propertyCompanies.servingAt(inside, LocalDate.parse("2025-06-30")))
        .hasValueSatisfying(s -> {
          assertThat(s.organisationId()).isEqualTo(company);
          assertThat(s.compound()).isEqualTo(compound);
        });
    assertThat(propertyCompanies.servingAt(inside, LocalDate.parse("2025-07-01"))).isEmpty();
    assertThat(propertyCompanies.compoundsOf(company, LocalDate.parse("2025-01-01"))).containsExactly(compound);
  }

  // --- helpers

  private JsonNode measures(AreaView community) {
    JsonNode answer = http.get("/api/v1/organisations/measures?level=community&from=2026-01-01&to=2026-12-31", admin).json();
    for (JsonNode row : answer.get("areas")) if (row.get("code").asString().equals(community.code())) return row;
    throw new AssertionError("no row for " + community.code());
  }

  private void advance(long id, String stage, String on) {
    assertThat(http.postJson("/api/v1/organisations/" + id + "/incubation", "{\"stage\":\"" + stage + "\",\"on\":\"" + on + "\"}",
        admin).status()).isEqualTo(200);
  }

  private Http.Response serve(long organisation, String compound, String from, String to) {
    return http.postJson("/api/v1/organisations/" + organisation + "/service-areas", "{\"kind\":\"COMPOUND\",\"code\":\"" + compound
        + "\",\"from\":\"" + from + "\"" + (to == null ? "" : ",\"to\":\"" + to + "\"") + "}", admin);
  }

  private long create(String prefix, String name, String kind, AreaView in, String[] who) {
    Http.Response r = http.postJson("/api/v1/organisations", body(creditCode(prefix), name, kind, inside(in)), who);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  private static String body(String code, String name, String kind, Point at) {
    return """
        {"creditCode":"%s","name":"%s","kind":"%s","contact":{"name":"测试联系人","phone":"13812341234"},"lon":%s,"lat":%s}"""
        .formatted(code, name, kind, at.getX(), at.getY());
  }

  /** A fresh valid credit code: registration prefix, this district's code, a random organisation code, the check character. */
  private String creditCode(String prefix) {
    String alphabet = CreditCode.ALPHABET;
    StringBuilder sb = new StringBuilder(prefix).append(catalog.now().level(AreaLevel.DISTRICT).get(0).code());
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (sb.length() < 17) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return sb.append(CreditCode.checkCharacter(sb.toString())).toString();
  }

  /** A point inside the first grid of a community. */
  private Point inside(AreaView community) {
    return catalog.now().children(community.code()).get(0).boundary().getInteriorPoint();
  }

  /** A new compound (a 40 m square) drawn around a point of the community's first grid, by the buildings import. */
  private String compound(AreaView community) {
    String name = "测试小区" + Long.toString(System.nanoTime(), 36);
    double d = 0.0001;
    // apart from every compound already stored (the demo's and other tests'), so a point inside it finds only it
    List<org.locationtech.jts.geom.Geometry> taken = catalog.now().compounds().stream().<org.locationtech.jts.geom.Geometry>map(c -> c.outline()).toList();
    org.locationtech.jts.geom.Geometry grid = catalog.now().children(community.code()).stream().map(AreaView::boundary)
        .max(java.util.Comparator.comparingDouble(org.locationtech.jts.geom.Geometry::getArea)).orElseThrow();
    Point p = null;
    for (int i = 0; i < 1_000 && p == null; i++) {
      Point candidate = somewhereIn(grid);
      org.locationtech.jts.geom.Geometry square = candidate.buffer(2 * d);
      if (taken.stream().noneMatch(square::intersects)) p = candidate;
    }
    assertThat(p).as("room for a test compound apart from the others").isNotNull();
    String ring = "[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]".formatted(p.getX() - d, p.getY() - d,
        p.getX() + d, p.getY() + d);
    String file = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[" + ring + "]},\"properties\":{\"kind\":\"compound\",\"name\":\"" + name + "\"}}]}";
    Http.Response r = http.postJson("/api/v1/buildings/import", file, planner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return name;
  }

  /** A random point well inside an outline (each test's compounds apart from the others'). */
  private static Point somewhereIn(org.locationtech.jts.geom.Geometry outline) {
    org.locationtech.jts.geom.Geometry core = outline.buffer(-0.00015);
    if (core.isEmpty()) core = outline;
    org.locationtech.jts.geom.Envelope e = core.getEnvelopeInternal();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 10_000; i++) {
      Point p = org.gridwatch.geo.Geometries.point(r.nextDouble(e.getMinX(), e.getMaxX()), r.nextDouble(e.getMinY(), e.getMaxY()));
      if (core.contains(p)) return p;
    }
    throw new AssertionError("no room inside the grid");
  }

  private org.locationtech.jts.geom.Geometry compoundOutline(String name) {
    return catalog.now().compounds().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().outline();
  }

  private long count() { return jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class); }

  private int rowsFor(String compound) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM organisation_service_area WHERE area_kind = 'COMPOUND' AND area_code = ?",
        Integer.class, compound);
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> out = new ArrayList<>();
    list.forEach(o -> out.add(o.get("id").asLong()));
    return out;
  }
}
