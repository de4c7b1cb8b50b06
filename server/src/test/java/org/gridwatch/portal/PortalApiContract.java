package org.gridwatch.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.staff.Roster;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/portal} on the demo: what a resident of a grid sees. Publications are written here as plain rows
 * of the foundation's table (the publication API is another part's), and removed afterwards.
 */
abstract class PortalApiContract {
  private static final AtomicLong IDS = new AtomicLong(970_000_000L + (System.nanoTime() % 1_000_000L) * 10);

  @LocalServerPort int port;
  @Autowired AreaCatalog areas;
  @Autowired Roster roster;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired DistrictProfile district;
  Http http;
  final List<Long> written = new ArrayList<>();
  final List<String> lines = new ArrayList<>();

  @BeforeEach
  void client() { http = new Http(port); }

  @AfterEach
  void removeRows() {
    for (long id : written) {
      jdbc.update("DELETE FROM service_guide WHERE publication_id = ?", id);
      jdbc.update("DELETE FROM publication WHERE id = ?", id);
    }
    for (String area : lines) jdbc.update("DELETE FROM duty_line WHERE area_code = ?", area);
  }

  @Test
  void aCommunityNoticeIsOnEachOfItsGridsAndNotOnANeighboursGrid() {
    AreaView[] pair = neighbouringCommunities();
    AreaView community = pair[0], neighbour = pair[1];
    long notice = publication("NOTICE", community, "停水通知 " + community.code(), "PUBLISHED", today().minusDays(1), null);
    for (AreaView grid : grids(community)) {
      JsonNode p = portal("/api/v1/portal?area=" + grid.code());
      assertThat(p.at("/grid/code").asString()).isEqualTo(grid.code());
      assertThat(p.at("/community/code").asString()).isEqualTo(community.code());
      assertThat(ids(p.get("publications"))).as("grid %s", grid.code()).contains(notice);
    }
    for (AreaView grid : grids(neighbour)) {
      assertThat(ids(portal("/api/v1/portal?area=" + grid.code()).get("publications"))).as("neighbour grid %s", grid.code())
          .doesNotContain(notice);
    }
    // A resident placed by a point inside one of the grids sees it too.
    AreaView first = grids(community).get(0);
    Point inside = first.boundary().getInteriorPoint();
    JsonNode byPoint = portal("/api/v1/portal?lon=" + inside.getX() + "&lat=" + inside.getY());
    assertThat(byPoint.at("/grid/code").asString()).isEqualTo(first.code());
    assertThat(ids(byPoint.get("publications"))).contains(notice);
    assertThat(byPoint.get("feed").asString()).isEqualTo("/api/v1/publications/feed?area=" + first.code());
  }

  @Test
  void onlyPublishedAndCurrentOnesAreShown() {
    AreaView community = communities().get(3);
    AreaView grid = grids(community).get(0);
    long shown = publication("COMMUNITY_AFFAIRS", community, "财务公开", "PUBLISHED", today(), today());
    long pending = publication("NOTICE", grid, "待审核", "PENDING_REVIEW", today().minusDays(2), null);
    long expired = publication("NOTICE", community, "已过期", "PUBLISHED", today().minusDays(10), today().minusDays(1));
    long withdrawn = publication("NOTICE", community, "已撤回", "WITHDRAWN", today().minusDays(3), null);
    long future = publication("NOTICE", community, "明天起", "PUBLISHED", today().plusDays(1), null);
    List<Long> seen = ids(portal("/api/v1/portal?area=" + grid.code()).get("publications"));
    assertThat(seen).contains(shown).doesNotContain(pending, expired, withdrawn, future);
  }

  @Test
  void contactsCarryNamesAndDutyLinesNeverAPrivatePhone() {
    AreaView grid = gridWithFullRoster();
    AreaView community = areas.now().find(grid.parentCode()).orElseThrow();
    Roster.GridRoster r = roster.of(grid.code());
    clearDutyLines(grid.code(), community.code());
    jdbc.update("UPDATE person SET phone = ? WHERE code = ?", "13912345678", r.gridMember().code());
    jdbc.update("UPDATE person SET phone = ? WHERE code = ?", "13987654321", r.policeOfficer().code());
    dutyLine(grid.code(), "GRID_MEMBER", "0532-80001234");
    dutyLine(community.code(), "COMMUNITY_OFFICE", "0532-80005678");
    Http.Response res = http.get("/api/v1/portal?area=" + grid.code());
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).doesNotContain("13912345678").doesNotContain("13987654321");
    JsonNode contacts = res.json().get("contacts");
    assertThat(contact(contacts, "GRID_MEMBER").get("name").asString()).isEqualTo(r.gridMember().name());
    assertThat(contact(contacts, "GRID_MEMBER").get("dutyPhone").asString()).isEqualTo("0532-80001234");
    assertThat(contact(contacts, "POLICE_OFFICER").get("name").asString()).isEqualTo(r.policeOfficer().name());
    assertThat(contact(contacts, "POLICE_OFFICER").get("dutyPhone").isNull()).as("no duty line set: none shown").isTrue();
    assertThat(contact(contacts, "COMMUNITY_OFFICE").get("dutyPhone").asString()).isEqualTo("0532-80005678");
    for (JsonNode c : contacts) assertThat(c.propertyNames()).containsExactlyInAnyOrder("role", "name", "dutyPhone");
  }

  @Test
  void guidesCarryTheirDetailsAndResultsAreListed() {
    AreaView community = communities().get(5);
    AreaView grid = grids(community).get(0);
    long guide = publication("SERVICE_GUIDE", community, "居住证办理", "PUBLISHED", today().minusDays(5), null);
    jdbc.update("INSERT INTO service_guide (publication_id, item, eligibility, materials, hours, fees, time_limit, contact_phone)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", guide, "居住证办理", "在本社区居住满半年", "身份证\n租房合同", "周一至周五 9:00-17:00", "免费",
        "5 个工作日", "0532-80009999");
    long result = publication("CONSULTATION_RESULT", community, "议事结果：加装电梯", "PUBLISHED", today().minusDays(1), null);
    JsonNode p = portal("/api/v1/portal?area=" + grid.code());
    JsonNode g = null;
    for (JsonNode n : p.get("guides")) if (n.at("/publication/id").asLong() == guide) g = n;
    assertThat(g).as("the guide is listed with its details").isNotNull();
    assertThat(g.get("item").asString()).isEqualTo("居住证办理");
    assertThat(g.get("materials").asString()).isEqualTo("身份证\n租房合同");
    assertThat(g.get("timeLimit").asString()).isEqualTo("5 个工作日");
    assertThat(ids(p.at("/results/publications"))).contains(result);
    assertThat(ids(p.get("publications"))).as("results are not among the notices").doesNotContain(result).contains(guide);
  }

  @Test
  void theCommunityCentreComesFirstThenPointsByDistance() {
    AreaView community = communities().get(1);
    AreaView grid = grids(community).get(0);
    JsonNode points = portal("/api/v1/portal?area=" + grid.code()).get("servicePoints");
    assertThat(points.size()).isGreaterThan(0);
    assertThat(points.get(0).get("kind").asString()).isEqualTo("COMMUNITY_SERVICE_CENTRE");
    long centre = points.get(0).get("id").asLong();
    assertThat(jdbc.queryForObject("SELECT community_code FROM service_point WHERE id = ?", String.class, centre)).isEqualTo(community.code());
    long last = -1;
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).get("kind").asString().equals("COMMUNITY_SERVICE_CENTRE")) continue;
      long d = points.get(i).get("distanceM").asLong();
      assertThat(d).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo((long) NearbyPoints.RADIUS_M);
      last = d;
    }
    for (JsonNode pt : points) assertThat(pt.get("openNow").isBoolean()).isTrue();
  }

  @Test
  void anUnchangedPortalAnswers304ToItsETag() {
    String path = "/api/v1/portal?area=" + grids(communities().get(2)).get(0).code();
    Http.Response first = http.get(path);
    String etag = first.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(http.get(path, "If-None-Match", etag).status()).isEqualTo(304);
  }

  @Test
  void outsideTheDistrictIs404AndBadCoordinatesName422TheirField() {
    Http.Response outside = http.get("/api/v1/portal?lon=0.5&lat=0.5");
    assertThat(outside.status()).isEqualTo(404);
    assertThat(outside.json().get("type").asString()).endsWith("/problems/outside-district");
    Point inside = grids(communities().get(0)).get(0).boundary().getInteriorPoint();
    assertField("/api/v1/portal?lon=NaN&lat=" + inside.getY(), "lon");
    assertField("/api/v1/portal?lon=" + inside.getX() + "&lat=abc", "lat");
    assertField("/api/v1/portal?lon=" + inside.getY() + "&lat=" + inside.getX(), "lat");
    assertField("/api/v1/portal?lon=200&lat=" + inside.getY(), "lon");
    assertField("/api/v1/portal?lat=" + inside.getY(), "lon");
    assertField("/api/v1/portal?area=nowhere", "area");
    assertField("/api/v1/portal?area=" + communities().get(0).code(), "area");
  }

  @Test
  void theCommandCentrePublishesADutyLineAndNobodyElseMay() {
    AreaView community = communities().get(4);
    AreaView grid = grids(community).get(0);
    clearDutyLines(grid.code(), community.code());
    String[] operator = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
    String line = "{\"area\":\"" + grid.code() + "\",\"role\":\"POLICE_OFFICER\",\"phone\":\"0532-110 1234\"}";
    assertThat(http.put("/api/v1/portal/duty-lines", line, Http.basic("resident", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    assertThat(http.put("/api/v1/portal/duty-lines", line).status()).isIn(401, 403);
    assertThat(policeLine(grid)).as("a refused write stores nothing").isNull();
    Http.Response set = http.put("/api/v1/portal/duty-lines", line, operator);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(policeLine(grid)).isEqualTo("0532-110 1234");
    Http.Response wrongLevel = http.put("/api/v1/portal/duty-lines", "{\"area\":\"" + community.code()
        + "\",\"role\":\"GRID_MEMBER\",\"phone\":\"0532-1\"}", operator);
    assertThat(wrongLevel.status()).isEqualTo(422);
    assertThat(wrongLevel.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
    Http.Response badPhone = http.put("/api/v1/portal/duty-lines", "{\"area\":\"" + grid.code()
        + "\",\"role\":\"GRID_MEMBER\",\"phone\":\"<b>call</b>\"}", operator);
    assertThat(badPhone.status()).isBetween(400, 422);
    assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_line WHERE area_code IN (?, ?) AND role = 'GRID_MEMBER'", Integer.class,
        grid.code(), community.code())).as("nothing half-stored").isZero();
    assertThat(http.put("/api/v1/portal/duty-lines", "{\"area\":\"" + grid.code() + "\",\"role\":\"POLICE_OFFICER\"}", operator)
        .status()).isEqualTo(200);
    assertThat(policeLine(grid)).as("no phone removes the line").isNull();
  }

  private String policeLine(AreaView grid) {
    JsonNode c = null;
    for (JsonNode n : portal("/api/v1/portal?area=" + grid.code()).get("contacts")) if (n.get("role").asString().equals("POLICE_OFFICER")) c = n;
    return c == null || c.get("dutyPhone").isNull() ? null : c.get("dutyPhone").asString();
  }

  private void assertField(String path, String field) {
    Http.Response res = http.get(path);
    assertThat(res.status()).as(path).isEqualTo(422);
    assertThat(res.contentType()).startsWith("application/problem+json");
    assertThat(res.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
  }

  private JsonNode portal(String path) {
    Http.Response res = http.get(path);
    assertThat(res.status()).as(path + ": " + res.body()).isEqualTo(200);
    return res.json();
  }

  private static JsonNode contact(JsonNode contacts, String role) {
    for (JsonNode c : contacts) if (c.get("role").asString().equals(role)) return c;
    throw new AssertionError("no " + role + " in " + contacts);
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> out = new ArrayList<>();
    for (JsonNode n : list) out.add(n.get("id").asLong());
    return out;
  }

  private LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  private List<AreaView> communities() { return areas.now().level(AreaLevel.COMMUNITY); }

  private List<AreaView> grids(AreaView community) { return areas.now().children(community.code()); }

  /** Two communities whose boundaries touch. */
  private AreaView[] neighbouringCommunities() {
    List<AreaView> all = communities();
    for (AreaView a : all) {
      for (AreaView b : all) {
        if (a != b && !grids(a).isEmpty() && !grids(b).isEmpty() && a.boundary().buffer(1e-6).intersects(b.boundary())) {
          return new AreaView[] {a, b};
        }
      }
    }
    throw new AssertionError("no neighbouring communities in the demo");
  }

  private AreaView gridWithFullRoster() {
    for (AreaView g : areas.now().level(AreaLevel.GRID)) {
      Roster.GridRoster r = roster.of(g.code());
      if (r.gridMember() != null && r.policeOfficer() != null) return g;
    }
    throw new AssertionError("no grid with a grid member and a police officer");
  }

  /** Starts from areas without duty lines (the demo publishes some); they are removed again after the test. */
  private void clearDutyLines(String... areaCodes) {
    for (String area : areaCodes) {
      lines.add(area);
      jdbc.update("DELETE FROM duty_line WHERE area_code = ?", area);
    }
  }

  private void dutyLine(String area, String role, String phone) {
    lines.add(area);
    jdbc.update("DELETE FROM duty_line WHERE area_code = ? AND role = ?", area, role); // the demo's own line, if any
    jdbc.update("INSERT INTO duty_line (area_code, role, phone, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)", area, role, phone,
        Timestamp.from(Instant.now()), "test");
  }

  private long publication(String kind, AreaView area, String title, String status, LocalDate from, LocalDate to) {
    long id = IDS.incrementAndGet();
    written.add(id);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO publication (id, kind, title, body, publisher_kind, publisher_level, publisher_name, created_by, area_level,"
        + " area_code, valid_from, valid_to, status, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'OFFICER', ?, ?, 'test', ?, ?,"
        + " ?, ?, ?, ?, ?, ?)", id, kind, title, title + "：正文", area.level().name(), area.name() + "居委会", area.level().name(),
        area.code(), Date.valueOf(from), to == null ? null : Date.valueOf(to), status,
        "PUBLISHED".equals(status) || "WITHDRAWN".equals(status) ? now : null, now, now);
    return id;
  }
}
