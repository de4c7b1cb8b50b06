package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix: role × endpoint × area. Written out here on its own, not read from the access table,
 * so that a change to who may see police information, cases or administration shows up as a failing row.
 * "Allowed" means the request reached its handler (any answer but 401/403); "refused" means 401 for anonymous
 * callers and 403 for signed-in ones.
 */
abstract class AuthorizationMatrixContract {
  static final List<String> ACCOUNTS = List.of("admin", "operator", "planner", "police", "gridworker", "community",
      "subdistrict", "department", "resident");
  static final Set<String> ANYONE = Set.of("anonymous", "admin", "operator", "planner", "police", "gridworker", "community",
      "subdistrict", "department", "resident");
  static final Set<String> SIGNED_IN = Set.copyOf(ACCOUNTS);
  static final Set<String> STAFF = Set.of("admin", "operator", "planner", "police", "gridworker", "community", "subdistrict",
      "department");
  static final Set<String> POLICE_INFO = Set.of("admin", "operator", "police");
  static final Set<String> COVERAGE_FIGURES = Set.of("admin", "operator", "police", "planner");
  static final Set<String> CASE_ANALYSIS = Set.of("admin", "operator", "planner");
  static final Set<String> PLANNERS = Set.of("admin", "planner");
  static final Set<String> COMMAND_CENTRE = Set.of("admin", "operator");
  static final Set<String> ADMIN = Set.of("admin");
  static final Set<String> NOBODY = Set.of();

  record Row(String method, String path, String body, Set<String> allowed) {}

  static final String POINT = "lon=120.3754&lat=36.0989";

  static final List<Row> ROWS = List.of(
      // police information
      new Row("GET", "/api/v1/cameras", null, POLICE_INFO),
      new Row("POST", "/api/v1/cameras", "{}", POLICE_INFO),
      new Row("GET", "/api/v1/routes", null, POLICE_INFO),
      new Row("GET", "/api/v1/obstacles", null, POLICE_INFO),
      new Row("GET", "/api/v1/coverage/walked", null, POLICE_INFO),
      new Row("GET", "/api/v1/routes/PR0001/checkpoints", null, POLICE_INFO),
      // patrols: recorded by those who walk them, read by them and the police-information audience
      new Row("POST", "/api/v1/patrols/0/end", "{}", Set.of("police", "gridworker")),
      new Row("GET", "/api/v1/patrols", null, Set.of("admin", "operator", "police", "gridworker")),
      new Row("GET", "/api/v1/coverage/at?" + POINT, null, POLICE_INFO),
      new Row("POST", "/api/v1/coverage/what-if", "{}", POLICE_INFO),
      new Row("POST", "/api/v1/coverage/suggestions", "{}", POLICE_INFO),
      new Row("GET", "/ogcapi/collections/cameras/items?limit=1", null, POLICE_INFO),
      new Row("GET", "/ogcapi/collections/camera-coverage/items?limit=1", null, POLICE_INFO),
      new Row("GET", "/ogcapi/collections/patrol-routes/items?limit=1", null, POLICE_INFO),
      new Row("GET", "/ogcapi/collections/coverage-gaps/items?limit=1", null, POLICE_INFO),
      // what a planner's redraw preview shows: figures per grid, no positions
      new Row("GET", "/api/v1/coverage/summary?level=district", null, COVERAGE_FIGURES),
      new Row("GET", "/api/v1/coverage/grids", null, COVERAGE_FIGURES),
      new Row("GET", "/ogcapi/collections/grid-coverage/items?limit=1", null, COVERAGE_FIGURES),
      // cases
      new Row("GET", "/ogcapi/collections/incidents/items?limit=1", null, CASE_ANALYSIS),
      new Row("GET", "/api/v1/incidents/map", null, STAFF),
      new Row("GET", "/api/v1/measures", null, STAFF),
      new Row("GET", "/api/v1/departments", null, STAFF),
      new Row("GET", "/api/v1/roster/gaps", null, STAFF),
      // the roster as a file holds phone numbers; accounts for its people
      new Row("GET", "/api/v1/roster/export?f=csv", null, ADMIN),
      new Row("POST", "/api/v1/roster/import?dryRun=true", "{}", ADMIN),
      new Row("POST", "/api/v1/people/NOBODY/account", "{}", ADMIN),
      new Row("GET", "/api/v1/incidents", null, STAFF),
      new Row("GET", "/api/v1/me", null, SIGNED_IN),
      // notifications (issue 17, part C): one's own subscriptions and preferences; the outbox is the administrator's
      new Row("GET", "/api/v1/subscriptions", null, SIGNED_IN),
      new Row("GET", "/api/v1/notification-preferences", null, SIGNED_IN),
      new Row("GET", "/api/v1/outbox?limit=1", null, ADMIN),
      new Row("POST", "/api/v1/outbox/0/retry", "{}", ADMIN),
      new Row("POST", "/api/v1/incidents/000000000000/register", "{}", STAFF),
      new Row("GET", "/api/v1/incidents/000000000000/candidates", null, COMMAND_CENTRE),
      // planning and administration
      new Row("GET", "/api/v1/drafts", null, PLANNERS),
      new Row("GET", "/api/v1/edits", null, PLANNERS),
      new Row("POST", "/api/v1/edits/no-such-edit/revert", "{}", PLANNERS),
      new Row("POST", "/api/v1/areas/merge/preview", "{}", PLANNERS),
      new Row("PUT", "/api/v1/categories/SANITATION", "{}", ADMIN),
      new Row("PUT", "/api/v1/calendar/2031", "{}", ADMIN),
      new Row("GET", "/api/v1/calendar/2026/changes", null, ADMIN),
      new Row("POST", "/api/v1/buildings/import?dryRun=true", "{}", PLANNERS),
      new Row("GET", "/api/v1/buildings/export", null, SIGNED_IN),
      // volunteers and social workers (issue 14): persons for staff of their area and admins, counts for anyone
      new Row("GET", "/api/v1/volunteers", null, Set.of("admin", "community", "subdistrict")),
      new Row("POST", "/api/v1/volunteers", "{}", Set.of("admin", "community", "subdistrict")),
      new Row("GET", "/api/v1/volunteers/0/record", null, Set.of("admin", "community", "subdistrict")),
      new Row("GET", "/api/v1/volunteers/0/record-reads", null, ADMIN),
      new Row("GET", "/api/v1/volunteer-teams", null, Set.of("admin", "community", "subdistrict")),
      new Row("PUT", "/api/v1/volunteer-teams/0/members/0", "", Set.of("admin", "community", "subdistrict")),
      new Row("GET", "/api/v1/volunteers/density?level=community", null, ANYONE),
      new Row("GET", "/ogcapi/collections/volunteer-density/items?limit=1", null, ANYONE),
      // organisations (issue 14): community and subdistrict staff in their area, admins and planners everywhere
      new Row("GET", "/api/v1/organisations", null, Set.of("admin", "planner", "community", "subdistrict")),
      new Row("POST", "/api/v1/organisations", "{}", Set.of("admin", "planner", "community", "subdistrict")),
      new Row("POST", "/api/v1/organisations/0/incubation", "{}", Set.of("admin", "planner", "community", "subdistrict")),
      new Row("PUT", "/api/v1/organisations/0/staff/nobody", "", ADMIN),
      new Row("GET", "/api/v1/organisations/measures?level=subdistrict", null, STAFF),
      new Row("GET", "/ogcapi/collections/organisations/items?limit=1", null, ANYONE),
      new Row("GET", "/ogcapi/collections/property-areas/items?limit=1", null, ANYONE),
      // public
      new Row("GET", "/api/v1/areas?q=" + "%E6%95%A6%E5%8C%96", null, ANYONE),
      new Row("GET", "/api/v1/categories", null, ANYONE),
      new Row("GET", "/api/v1/calendar", null, ANYONE),
      new Row("GET", "/api/v1/config", null, ANYONE),
      new Row("GET", "/ogcapi/collections/grids/items?limit=1", null, ANYONE),
      new Row("GET", "/ogcapi/collections/compounds/items?limit=1", null, ANYONE),
      new Row("GET", "/api/v1/compounds", null, ANYONE),
      new Row("GET", "/api/v1/locate?" + POINT, null, ANYONE),
      new Row("GET", "/actuator/health", null, ANYONE),
      // places and services (issue 14 §2): the layer, catalogue and deserts are public; bookings hold phones
      new Row("GET", "/api/v1/service-points", null, ANYONE),
      new Row("GET", "/api/v1/services/deserts?service=MEAL_ASSISTANCE", null, ANYONE),
      new Row("GET", "/ogcapi/collections/service-points/items?limit=1", null, ANYONE),
      new Row("POST", "/api/v1/service-points", "{}", Set.of("admin", "community", "subdistrict")),
      new Row("POST", "/api/v1/services", "{}", Set.of("admin", "community", "subdistrict")),
      new Row("POST", "/api/v1/bookings", "{}", Set.of("admin", "operator", "gridworker", "community", "subdistrict", "resident")),
      new Row("GET", "/api/v1/bookings", null, Set.of("admin", "operator", "gridworker", "community", "subdistrict")),
      new Row("GET", "/api/v1/bookings/measures", null, STAFF),
      new Row("PUT", "/api/v1/category-services/NO_SUCH_CATEGORY", "{}", ADMIN),
      // funded projects (issue 15 part B): rounds and approved projects public; decisions only the funder (not among these accounts)
      new Row("GET", "/api/v1/rounds", null, ANYONE),
      new Row("GET", "/api/v1/projects", null, ANYONE),
      new Row("POST", "/api/v1/rounds", "{}", ADMIN),
      new Row("POST", "/api/v1/projects", "{}", ADMIN),
      new Row("POST", "/api/v1/projects/0/approve", "{}", NOBODY),
      new Row("POST", "/api/v1/projects/0/reviews", "{}", NOBODY),
      new Row("POST", "/api/v1/projects/0/self-report", "{}", NOBODY),
      // deny by default
      new Row("GET", "/api/v1/not-an-endpoint", null, NOBODY),
      new Row("DELETE", "/api/v1/config", null, NOBODY));

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  private final java.util.Map<String, String[]> sessions = new java.util.HashMap<>();

  /**
   * Headers that act as the account: a browser session signed in once by form login (one bcrypt per account, not
   * one per request), with its CSRF token for writes.
   */
  String[] as(String account) {
    if (account.equals("anonymous")) return new String[0];
    return sessions.computeIfAbsent(account, this::signIn);
  }

  private String[] signIn(String account) { return org.gridwatch.support.FormLogin.signIn(http, account).headers(); }

  Http.Response send(Row row, String account) {
    String[] h = as(account);
    return switch (row.method()) {
      case "GET" -> http.get(row.path(), h);
      case "POST" -> http.postJson(row.path(), row.body(), h);
      case "PUT" -> http.put(row.path(), row.body(), h);
      case "DELETE" -> http.delete(row.path(), h);
      default -> throw new IllegalArgumentException(row.method());
    };
  }

  @Test
  void everyRoleReachesExactlyTheEndpointsItsWorkNeeds() {
    List<String> wrong = new ArrayList<>();
    List<String> everyone = new ArrayList<>(ACCOUNTS);
    everyone.add(0, "anonymous");
    for (Row row : ROWS) {
      for (String account : everyone) {
        Http.Response r = send(row, account);
        boolean refused = r.status() == 401 || r.status() == 403;
        boolean expectRefusal = !row.allowed().contains(account);
        if (refused != expectRefusal || r.status() >= 500) {
          wrong.add(String.format(Locale.ROOT, "%s %s as %s: %d (expected %s)", row.method(), row.path(), account,
              r.status(), expectRefusal ? "refused" : "allowed"));
        } else if (refused) {
          int expected = account.equals("anonymous") ? 401 : 403;
          if (r.status() != expected || !r.contentType().startsWith("application/problem+json")) {
            wrong.add(row.method() + " " + row.path() + " as " + account + ": " + r.status() + " " + r.contentType()
                + " (expected a " + expected + " problem)");
          }
        }
      }
    }
    assertThat(wrong).as("rows of the matrix that do not hold").isEmpty();
  }

  @Test
  void aRefusalSaysWhatWasRefusedAndWhoMayInTheReadersLanguage() {
    Http.Response en = http.get("/api/v1/cameras", Http.basic("resident", TestEnvironment.DEMO_PASSWORD));
    assertThat(en.status()).isEqualTo(403);
    assertThat(en.json().get("detail").asString()).contains("RESIDENT").contains("police information")
        .contains("GET /api/v1/cameras").contains("POLICE");
    String[] zh = concat(Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD), "Accept-Language", "zh-CN,zh;q=0.9");
    Http.Response cn = http.get("/ogcapi/collections/cameras/items", zh);
    assertThat(cn.status()).isEqualTo(403);
    assertThat(cn.json().get("title").asString()).isEqualTo("禁止访问");
    assertThat(cn.json().get("detail").asString()).contains("GRID_WORKER").contains("警务信息").contains("需要以下角色之一")
        .doesNotContain("police information");
  }

  @Test
  void theCollectionListShowsEachRoleOnlyWhatItMayRead() {
    assertThat(ids(new String[0])).contains("grids", "buildings").doesNotContain("cameras", "incidents", "grid-coverage");
    assertThat(ids(as("resident"))).contains("grids").doesNotContain("cameras", "patrol-routes", "incidents", "grid-coverage");
    assertThat(ids(as("gridworker"))).doesNotContain("cameras", "coverage-gaps", "incidents");
    assertThat(ids(as("planner"))).contains("grid-coverage", "incidents").doesNotContain("cameras", "camera-coverage");
    assertThat(ids(as("police"))).contains("cameras", "camera-coverage", "patrol-routes", "coverage-gaps", "grid-coverage");
  }

  static final String DEMO_GRID = "370203014001001";

  static org.locationtech.jts.geom.Point inside(java.util.function.Predicate<String> grid) {
    var g = org.gridwatch.support.DemoFiles.read("grids").stream().filter(f -> grid.test(f.code())).findFirst().orElseThrow();
    return new org.locationtech.jts.algorithm.construct.MaximumInscribedCircle(g.geometry(), 1e-6).getCenter();
  }

  String report(org.locationtech.jts.geom.Point p) {
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT, "{\"category\":\"SANITATION\","
        + "\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"matrix\"}", p.getX(), p.getY()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  /** The area dimension: staff read cases of their own grids, community or subdistrict; the command centre all. */
  @Test
  void staffReadTheCasesOfTheirOwnAreaAndOnlyThose() {
    String mine = report(inside(DEMO_GRID::equals));
    String elsewhere = report(inside(c -> !c.startsWith(DEMO_GRID.substring(0, 9))));
    for (String account : List.of("gridworker", "community", "subdistrict")) {
      assertThat(http.get("/api/v1/incidents/" + mine, as(account)).json().has("history"))
          .as(account + " reads a case of their area in full").isTrue();
      JsonNode other = http.get("/api/v1/incidents/" + elsewhere, as(account)).json();
      assertThat(other.has("history")).as(account + " sees only the public summary elsewhere").isFalse();
      assertThat(other.get("description").isNull()).isTrue();
      String queue = http.get("/api/v1/incidents?status=all&limit=500", as(account)).body();
      assertThat(queue).as(account + "'s queue").doesNotContain(elsewhere);
    }
    for (String account : List.of("operator", "admin", "planner")) {
      assertThat(http.get("/api/v1/incidents/" + elsewhere, as(account)).json().has("history")).as(account).isTrue();
    }
    assertThat(http.get("/api/v1/incidents/" + mine, as("resident")).json().has("history"))
        .as("a resident reads only their own reports in full").isFalse();
  }

  List<String> ids(String[] auth) {
    JsonNode list = http.get("/ogcapi/collections", auth).json().get("collections");
    List<String> out = new ArrayList<>();
    list.forEach(c -> out.add(c.get("id").asString()));
    return out;
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
