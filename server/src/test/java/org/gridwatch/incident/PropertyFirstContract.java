package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 物业优先 (issue 14 §3): a case of a property-first category inside a compound a property company serves goes to that
 * company first; its staff act on it like a grid worker, in its compounds only; its time limit passing or its staff
 * handing it up sends it to the grid; the measures count the property tier. The company, its compound and its
 * service area are made here with plain SQL on the foundation's tables.
 */
abstract class PropertyFirstContract {
  static final String GRID = "370203014001001";
  static final String NEIGHBOUR = "370203014001002";
  static final String CATEGORY = "PROPERTY_MANAGEMENT";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Escalation escalation;
  @Autowired Workflow workflow;
  @Autowired IncidentQueue queue;
  @Autowired AreaCatalog catalog;
  @Autowired Actors actors;
  Http http;

  /** A served compound: most of it in {@link #NEIGHBOUR}, a sliver in {@link #GRID}; and a second company. */
  String compound;
  long company, otherCompany, fixture;
  Point served, sliver;

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  static Point inside(String gridCode) {
    DemoFiles.Feature g = DemoFiles.read("grids").stream().filter(f -> f.code().equals(gridCode)).findFirst().orElseThrow();
    return new MaximumInscribedCircle(g.geometry(), 1e-6).getCenter();
  }

  @BeforeEach
  void aPropertyCompanyServesACompound() {
    http = new Http(port);
    long n = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    fixture = n;
    compound = "测试小区" + n + "（合成）";
    served = inside(NEIGHBOUR);
    sliver = inside(GRID);
    jdbc.update("INSERT INTO compound (id, name, outline, derived) VALUES (?, ?, ST_GeomFromText(?, 4326), FALSE)", n, compound,
        "MULTIPOLYGON(" + square(served, 0.0006) + ", " + square(sliver, 0.0001) + ")");
    company = organisation(n, "PROPERTY_COMPANY", "合成物业" + n);
    otherCompany = organisation(n + 1, "PROPERTY_COMPANY", "另一家合成物业" + n);
    jdbc.update("INSERT INTO organisation_service_area (id, organisation_id, area_kind, area_code, valid_from, valid_to)"
        + " VALUES (?, ?, 'COMPOUND', ?, DATE '2020-01-01', NULL)", n, company, compound);
    catalog.reload();
    setPropertyFirst(true, 8);
  }

  /** The category as before, and the compound gone: the next test's compound lies in the same place. */
  @AfterEach
  void categoryAsBefore() {
    setPropertyFirst(false, null);
    jdbc.update("DELETE FROM organisation_service_area WHERE id = ?", fixture);
    jdbc.update("DELETE FROM compound WHERE id = ?", fixture);
    catalog.reload();
  }

  long organisation(long id, String kind, String name) {
    String code = String.format(Locale.ROOT, "91370203%010d", id);
    jdbc.update("INSERT INTO organisation (id, credit_code, name, kind, created_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
        id, code, name, kind);
    return id;
  }

  static String square(Point c, double half) {
    double x = c.getX(), y = c.getY();
    return String.format(Locale.ROOT, "((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))", x - half, y - half, x + half,
        y - half, x + half, y + half, x - half, y + half, x - half, y - half);
  }

  /** The category as the admin edits it: its current view with the property-first members changed. */
  void setPropertyFirst(boolean on, Integer hours) {
    JsonNode view = null;
    for (JsonNode c : http.get("/api/v1/categories").json()) if (c.get("code").asString().equals(CATEGORY)) view = c;
    ObjectNode body = (ObjectNode) view;
    body.put("propertyFirst", on);
    if (hours != null) body.put("propertyTimeLimitHours", hours);
    Http.Response r = http.put("/api/v1/categories/" + CATEGORY, body.toString(), as("admin"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("propertyFirst").asBoolean()).isEqualTo(on);
  }

  JsonNode report(String category, Point p) {
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"电梯坏了三天（合成）\"}",
        category, p.getX(), p.getY()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  JsonNode read(String id) { return http.get("/api/v1/incidents/" + id, as("operator")).json(); }

  static Actor staffOf(long organisation) {
    return new Actor("wuye-" + organisation, Set.of(Role.PROPERTY_STAFF), Optional.empty(), Optional.of(organisation));
  }

  static List<String> history(JsonNode incident) {
    List<String> out = new ArrayList<>();
    incident.get("history").forEach(e -> out.add(e.get("type").asString()));
    return out;
  }

  @Test
  void aPropertyFirstCaseInAServedCompoundGoesToTheCompanyWithItsOwnTimeLimit() {
    JsonNode created = report(CATEGORY, served);
    assertThat(created.get("status").asString()).isEqualTo("DISPATCHED");
    assertThat(created.get("level").asString()).isEqualTo("PROPERTY");
    assertThat(created.get("unitCode").asString()).isEqualTo(String.valueOf(company));
    assertThat(created.at("/property/organisation").asLong()).isEqualTo(company);
    assertThat(created.at("/property/name").asString()).isEqualTo("合成物业" + company);
    assertThat(created.at("/property/compound").asString()).isEqualTo(compound);
    assertThat(created.get("compound").asString()).isEqualTo(compound);
    JsonNode staff = read(created.get("id").asString());
    JsonNode dispatched = staff.get("history").get(1);
    assertThat(dispatched.get("type").asString()).isEqualTo("DISPATCHED");
    assertThat(dispatched.get("role").asString()).isEqualTo("SYSTEM");
    assertThat(dispatched.at("/target/code").asString()).isEqualTo(String.valueOf(company));
    assertThat(dispatched.get("note").asString()).contains(compound);
    // 8 working hours, not the category's 3 working days of handling at the grid
    Instant reported = Instant.parse(staff.get("reportedAt").asString()), deadline = Instant.parse(staff.get("deadline").asString());
    assertThat(deadline).isAfter(reported).isBefore(reported.plus(java.time.Duration.ofDays(3)));
  }

  @Test
  void outsideAServedCompoundOrOfAnotherCategoryACaseWaitsForTheCommandCentreAsBefore() {
    Point elsewhere = inside("370203014001003");
    JsonNode outside = report(CATEGORY, elsewhere);
    assertThat(outside.get("status").asString()).isEqualTo("REPORTED");
    assertThat(outside.get("level").isNull()).isTrue();
    assertThat(outside.get("property").isNull()).isTrue();
    JsonNode other = report("MUNICIPAL_FACILITY", served);
    assertThat(other.get("status").asString()).isEqualTo("REPORTED");
    assertThat(other.get("property").isNull()).isTrue();
    assertThat(other.get("compound").asString()).as("the case still says which compound it is in").isEqualTo(compound);
    setPropertyFirst(false, null);
    JsonNode off = report(CATEGORY, served);
    assertThat(off.get("status").asString()).isEqualTo("REPORTED");
    String id = off.get("id").asString();
    http.postJson("/api/v1/incidents/" + id + "/register", "{}", as("operator"));
    JsonNode dispatched = http.postJson("/api/v1/incidents/" + id + "/dispatch", "{}", as("operator")).json();
    assertThat(dispatched.get("level").asString()).isEqualTo("GRID");
    assertThat(dispatched.get("unitCode").asString()).isEqualTo(NEIGHBOUR);
  }

  @Test
  void onlyTheServingCompanysStaffActOnItAndTheyHandItUpToTheGrid() {
    String id = report(CATEGORY, served).get("id").asString();
    assertThatThrownBy(() -> workflow.act(id, Action.START, Workflow.Input.of(null), staffOf(otherCompany)))
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN));
    Http.Response gridWorker = http.postJson("/api/v1/incidents/" + id + "/start", "{}", as("gridworker"));
    assertThat(gridWorker.status()).as("the grid waits for the property company").isEqualTo(403);
    assertThat(queue.page(new IncidentQueue.Filter(null, true, null, null, null, null), staffOf(otherCompany), 100, null).items())
        .extracting(Incident::getPublicId).doesNotContain(id);
    assertThat(queue.page(new IncidentQueue.Filter(null, true, null, null, null, null), staffOf(company), 100, null, true).items())
        .extracting(Incident::getPublicId).contains(id);

    workflow.act(id, Action.START, Workflow.Input.of(null), staffOf(company));
    assertThatThrownBy(() -> workflow.act(id, Action.ESCALATE, Workflow.Input.of(" "), staffOf(company)))
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    workflow.act(id, Action.ESCALATE, Workflow.Input.of("需要社区协调业主（合成）"), staffOf(company));
    JsonNode up = read(id);
    assertThat(up.get("level").asString()).isEqualTo("GRID");
    assertThat(up.get("unitCode").asString()).isEqualTo(NEIGHBOUR);
    assertThat(up.get("status").asString()).isEqualTo("DISPATCHED");
    assertThat(up.at("/property/organisation").asLong()).as("the view still says who had it first").isEqualTo(company);
    assertThat(history(up)).containsSubsequence("DISPATCHED", "STARTED", "ESCALATED");
    assertThatThrownBy(() -> workflow.act(id, Action.RESOLVE, Workflow.Input.of("修好了"), staffOf(company)))
        .as("once handed up it is the grid's").isInstanceOfSatisfying(ProblemException.class,
            p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN));
  }

  @Test
  void whenTheCompanysLimitPassesTheClockHandsTheCaseToTheGrid() {
    String id = report(CATEGORY, served).get("id").asString();
    Instant deadline = Instant.parse(read(id).get("deadline").asString());
    escalation.runAt(deadline.minusSeconds(60));
    assertThat(read(id).get("level").asString()).isEqualTo("PROPERTY");
    escalation.runAt(deadline.plusSeconds(1));
    escalation.runAt(deadline.plusSeconds(2));
    JsonNode after = read(id);
    assertThat(after.get("level").asString()).isEqualTo("GRID");
    assertThat(after.get("unitCode").asString()).isEqualTo(NEIGHBOUR);
    assertThat(after.get("escalations").asInt()).isEqualTo(1);
    JsonNode last = after.get("history").get(after.get("history").size() - 1);
    assertThat(last.get("type").asString()).isEqualTo("ESCALATED");
    assertThat(last.get("role").asString()).isEqualTo("SYSTEM");
    assertThat(last.at("/target/code").asString()).isEqualTo(NEIGHBOUR);
    assertThat(last.get("note").asString()).contains("合成物业" + company);
    assertThat(Instant.parse(after.get("deadline").asString())).isAfter(deadline);
  }

  @Test
  void theMeasuresCountThePropertyTierOfTheCasesMadeHere() {
    String from = Instant.now().minusSeconds(1).toString();
    String closedThere = report(CATEGORY, served).get("id").asString();
    String handedUp = report(CATEGORY, served).get("id").asString();
    String leftToTheClock = report(CATEGORY, served).get("id").asString();
    report("MUNICIPAL_FACILITY", served);
    workflow.act(closedThere, Action.START, Workflow.Input.of(null), staffOf(company));
    workflow.act(closedThere, Action.RESOLVE, Workflow.Input.of("已修复（合成）"), staffOf(company));
    http.postJson("/api/v1/incidents/" + closedThere + "/verify", "{}", as("operator"));
    assertThat(http.postJson("/api/v1/incidents/" + closedThere + "/close", "{}", as("operator")).status()).isEqualTo(200);
    workflow.act(handedUp, Action.ESCALATE, Workflow.Input.of("业主纠纷（合成）"), staffOf(company));
    escalation.runAt(Instant.parse(read(leftToTheClock).get("deadline").asString()).plusSeconds(1));
    String to = Instant.now().plusSeconds(60).toString();

    JsonNode tier = http.get("/api/v1/measures?level=grid&code=" + NEIGHBOUR + "&from=" + from + "&to=" + to, as("operator"))
        .json().get("propertyTier");
    assertThat(tier.get("cases").asLong()).isEqualTo(3);
    assertThat(tier.get("firstResponseOnTime").asLong()).isEqualTo(2);
    assertThat(tier.get("onTimeRate").asDouble()).isEqualTo(Math.round(2 * 10000.0 / 3) / 10000.0);
    assertThat(tier.get("closedAtProperty").asLong()).isEqualTo(1);
    assertThat(tier.get("closedShare").asDouble()).isEqualTo(Math.round(1 * 10000.0 / 3) / 10000.0);
    JsonNode current = http.get("/api/v1/measures?level=grid&code=" + NEIGHBOUR + "&boundaries=current&from=" + from + "&to=" + to,
        as("operator")).json().get("propertyTier");
    assertThat(current).as("inside the grid's outline, the same cases").isEqualTo(tier);
  }

  @Test
  void aCompoundBelongsToTheGridItOverlapsMostAndTheAdminSetsTheLimit() {
    JsonNode mine = null;
    for (JsonNode c : http.get("/api/v1/compounds").json()) if (c.get("name").asString().equals(compound)) mine = c;
    assertThat(mine).isNotNull();
    assertThat(mine.get("grid").asString()).as("most of it lies in the neighbouring grid, which has the higher code").isEqualTo(NEIGHBOUR);
    assertThat(mine.has("residents")).isTrue();
    JsonNode category = null;
    for (JsonNode c : http.get("/api/v1/categories").json()) if (c.get("code").asString().equals(CATEGORY)) category = c;
    assertThat(category.get("propertyTimeLimitHours").asInt()).isEqualTo(8);
    ObjectNode bad = (ObjectNode) category.deepCopy();
    bad.put("firstLevel", "PROPERTY");
    bad.put("propertyTimeLimitHours", 0);
    Http.Response refused = http.put("/api/v1/categories/" + CATEGORY, bad.toString(), as("admin"));
    assertThat(refused.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).contains("propertyTimeLimitHours");
  }

  @Test
  void anAccountLinkedToACompanyActsForIt() {
    String user = "wuye" + company;
    jdbc.update("INSERT INTO organisation_staff (username, organisation_id) VALUES (?, ?)", user, company);
    try {
      SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
          List.of(new SimpleGrantedAuthority("ROLE_PROPERTY_STAFF"))));
      assertThat(actors.current().propertyCompany()).contains(company);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
