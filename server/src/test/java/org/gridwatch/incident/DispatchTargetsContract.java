package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, dispatch to a unit or a person: the operator picks a candidate (the category's default first, each with
 * its workload), the case reaches that person alone, a handler sends it back with a reason (退单) and the operator
 * re-routes it (改派); every hop is in the timeline, and a worker's queue holds only what they can act on.
 */
abstract class DispatchTargetsContract {
  static final String GRID = IncidentWorkflowContract.DEMO_GRID;
  static final String NEIGHBOUR_GRID = "370203014001002";

  @LocalServerPort int port;
  Http http;
  /** The follow token the reporter of the last {@link #registered} case was given. */
  String followToken;

  @BeforeEach
  void client() { http = new Http(port); }

  static String[] as(String user) { return IncidentWorkflowContract.as(user); }

  /** A case of this category in the grid, registered by the operator: ready for dispatch. */
  String registered(String category, String grid) {
    Point p = IncidentWorkflowContract.inside(grid);
    Http.Response r = http.postJson("/api/v1/incidents", IncidentWorkflowContract.report(category, p.getX(), p.getY(), ""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("id").asString();
    followToken = r.json().get("followToken").asString();
    act(id, "register", "{}", "operator");
    return id;
  }

  JsonNode act(String id, String action, String body, String user) {
    Http.Response r = http.postJson("/api/v1/incidents/" + id + "/" + action, body, as(user));
    assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
    return r.json();
  }

  JsonNode read(String id, String user) { return http.get("/api/v1/incidents/" + id, as(user)).json(); }

  /** The person holding the grid's grid-member place, from the roster the operator sees. */
  String gridMemberOf(String grid) {
    return http.get("/api/v1/grids/" + grid + "/roster", as("operator")).json().at("/gridMember/code").asString();
  }

  String me(String user) { return http.get("/api/v1/me", as(user)).json().at("/person/code").asString(); }

  List<String> mine(String user) {
    Http.Response r = http.get("/api/v1/incidents?mine=true&limit=500", as(user));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().get("items").forEach(i -> {
      assertThat(i.get("actions").size()).as("every case in 'mine' has an action: " + i).isPositive();
      ids.add(i.get("id").asString());
    });
    return ids;
  }

  JsonNode lastHop(JsonNode staffView) {
    JsonNode history = staffView.get("history");
    return history.get(history.size() - 1);
  }

  @Test
  void meNamesTheRosterPersonOfTheAccountAndTheirGrids() {
    JsonNode worker = http.get("/api/v1/me", as("gridworker")).json();
    assertThat(worker.get("roles").toString()).contains("GRID_WORKER");
    assertThat(worker.at("/person/code").asString()).isEqualTo(gridMemberOf(GRID));
    assertThat(worker.at("/person/duty").asString()).isEqualTo("GRID_MEMBER");
    assertThat(worker.at("/person/name").asString()).isNotBlank();
    assertThat(worker.at("/person/grids").toString()).contains(GRID);
    assertThat(http.get("/api/v1/me", as("operator")).json().get("person").isNull()).isTrue();
    assertThat(http.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void aCaseDispatchedToAPersonIsTheirsAloneAndTheOthersOfTheGridOnlyReadIt() {
    String id = registered("NEIGHBOUR_DISPUTE", GRID);
    String officer = me("police");
    JsonNode dispatched = act(id, "dispatch", "{\"person\":\"" + officer + "\",\"note\":\"民警调解\"}", "operator");
    assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
    assertThat(dispatched.get("level").asString()).isEqualTo("GRID");
    assertThat(dispatched.get("unitCode").asString()).isEqualTo(GRID);
    assertThat(dispatched.at("/assignee/person").asString()).isEqualTo(officer);
    assertThat(lastHop(dispatched).at("/target/code").asString()).isEqualTo(officer);
    String name = dispatched.at("/assignee/name").asString();
    assertThat(lastHop(dispatched).at("/target/name").asString()).isEqualTo(name);
    // Staff names stay with staff: neither the public nor the reporter sees whom it went to.
    assertThat(http.get("/api/v1/incidents/" + id).body()).doesNotContain(name).doesNotContain("assignee");
    Http.Response reporter = http.get("/api/v1/incidents/" + id, "Follow-Token", followToken);
    assertThat(reporter.status()).isEqualTo(200);
    assertThat(reporter.body()).contains("DISPATCHED").doesNotContain(name).doesNotContain(officer);

    // The grid member of the same grid sees the case but cannot act on it, and it is not in their queue.
    JsonNode seenByWorker = read(id, "gridworker");
    assertThat(seenByWorker.get("actions").size()).isZero();
    assertThat(http.postJson("/api/v1/incidents/" + id + "/start", "{}", as("gridworker")).status()).isEqualTo(403);
    assertThat(mine("gridworker")).doesNotContain(id);
    assertThat(mine("police")).contains(id);
    assertThat(act(id, "start", "{}", "police").get("status").asString()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void aMunicipalCaseSentToTheCommunityIsNotInTheWorkersQueueUntilItIsDispatchedToThem() {
    String id = registered("MUNICIPAL_FACILITY", GRID);
    JsonNode byDefault = act(id, "dispatch", "{}", "operator");
    assertThat(byDefault.get("level").asString()).isEqualTo("COMMUNITY");
    assertThat(read(id, "gridworker").get("actions").size()).isZero();
    assertThat(mine("gridworker")).doesNotContain(id);

    String worker = me("gridworker");
    JsonNode rerouted = act(id, "dispatch", "{\"person\":\"" + worker + "\"}", "operator");
    assertThat(rerouted.get("level").asString()).as("the level follows the person").isEqualTo("GRID");
    assertThat(rerouted.get("deadline").asString()).as("改派 keeps the handling clock").isEqualTo(byDefault.get("deadline").asString());
    assertThat(lastHop(rerouted).get("type").asString()).isEqualTo("REDISPATCHED");
    assertThat(mine("gridworker")).contains(id);
    JsonNode item = findItem(http.get("/api/v1/incidents?mine=true&limit=500", as("gridworker")).json(), id);
    assertThat(item.get("actions").toString()).contains("start", "resolve", "return");
  }

  @Test
  void candidatesListTheDefaultFirstThenTheGridsPeopleThenUnitsEachWithItsWorkload() {
    String id = registered("MUNICIPAL_FACILITY", GRID);
    JsonNode first = http.get("/api/v1/incidents/" + id + "/candidates", as("operator")).json().get("candidates");
    assertThat(first.get(0).get("kind").asString()).isEqualTo("UNIT");
    assertThat(first.get(0).get("code").asString()).as("the category's first level: the community").isEqualTo(GRID.substring(0, 12));
    assertThat(first.get(0).get("isDefault").asBoolean()).isTrue();
    assertThat(first.get(1).get("kind").asString()).isEqualTo("PERSON");
    String worker = me("gridworker");
    JsonNode workerBefore = candidate(first, worker);
    assertThat(workerBefore.get("account").asBoolean()).isTrue();
    assertThat(codes(first)).as("no police officer for a municipal case").doesNotContain(me("police"))
        .contains(GRID, GRID.substring(0, 9), "CGJ");
    long communityBefore = candidate(first, GRID.substring(0, 12)).get("openCases").asLong();

    act(registered("MUNICIPAL_FACILITY", GRID), "dispatch", "{\"person\":\"" + worker + "\"}", "operator");
    act(registered("MUNICIPAL_FACILITY", GRID), "dispatch", "{}", "operator");
    JsonNode after = http.get("/api/v1/incidents/" + id + "/candidates", as("operator")).json().get("candidates");
    assertThat(candidate(after, worker).get("openCases").asLong()).isEqualTo(workerBefore.get("openCases").asLong() + 1);
    assertThat(candidate(after, GRID.substring(0, 12)).get("openCases").asLong()).isEqualTo(communityBefore + 1);

    JsonNode police = http.get("/api/v1/incidents/" + registered("PUBLIC_SECURITY", GRID) + "/candidates", as("operator")).json();
    assertThat(police.at("/candidates/0/code").asString()).isEqualTo(GRID);
    assertThat(codes(police.get("candidates"))).contains(me("police"), worker);
    assertThat(http.get("/api/v1/incidents/" + id + "/candidates", as("gridworker")).status()).isEqualTo(403);
  }

  @Test
  void aTargetThatDoesNotExistOrDoesNotFitIsRefusedNamingItsFieldAndChangesNothing() {
    String id = registered("SANITATION", GRID);
    int events = read(id, "operator").get("history").size();
    String otherMember = gridMemberOf(NEIGHBOUR_GRID);
    refused(id, "{\"person\":\"NOBODY-42\"}", "person");
    refused(id, "{\"person\":\"" + otherMember + "\"}", "person");
    refused(id, "{\"person\":\"" + me("police") + "\"}", "person"); // police handle security cases and disputes only
    refused(id, "{\"unit\":\"" + NEIGHBOUR_GRID + "\"}", "unit");
    refused(id, "{\"unit\":\"370203014999\"}", "unit");
    refused(id, "{\"unit\":\"" + GRID + "\",\"person\":\"" + me("gridworker") + "\"}", "person");
    refused(id, "{\"unit\":\"" + GRID + "\",\"level\":\"COMMUNITY\"}", "level");
    refused(id, "{\"person\":[\"" + me("gridworker") + "\"]}", "person");
    refused(id, "{\"unit\":{\"code\":\"" + GRID + "\"}}", "unit");
    refused(id, "{\"person\":\"\"}", "person");
    JsonNode after = read(id, "operator");
    assertThat(after.get("status").asString()).isEqualTo("REGISTERED");
    assertThat(after.get("history").size()).isEqualTo(events);
    assertThat(after.get("assignee").isNull()).isTrue();

    JsonNode toDepartment = act(id, "dispatch", "{\"unit\":\"CGJ\"}", "operator");
    assertThat(toDepartment.get("level").asString()).isEqualTo("DEPARTMENT");
    assertThat(lastHop(toDepartment).at("/target/code").asString()).isEqualTo("CGJ");
    assertThat(lastHop(toDepartment).at("/target/name").asString()).isNotEqualTo("CGJ");
  }

  @Test
  void aReturnNeedsAReasonWhichTheCommandCentreSeesUntilItReroutesTheCase() {
    String id = registered("SANITATION", GRID);
    act(id, "dispatch", "{\"person\":\"" + me("gridworker") + "\"}", "operator");
    act(id, "start", "{}", "gridworker");
    Http.Response noReason = http.postJson("/api/v1/incidents/" + id + "/return", "{}", as("gridworker"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("note");
    act(id, "return", "{\"note\":\"不属于本网格，是市政管网\"}", "gridworker");

    JsonNode queue = http.get("/api/v1/incidents?status=RETURNED&limit=500", as("operator")).json();
    JsonNode item = findItem(queue, id);
    assertThat(item.get("returnReason").asString()).isEqualTo("不属于本网格，是市政管网");
    assertThat(item.get("actions").toString()).contains("dispatch");
    assertThat(mine("gridworker")).doesNotContain(id);

    String community = GRID.substring(0, 12);
    JsonNode rerouted = act(id, "dispatch", "{\"unit\":\"" + community + "\",\"note\":\"改派社区\"}", "operator");
    assertThat(rerouted.get("level").asString()).isEqualTo("COMMUNITY");
    assertThat(rerouted.get("assignee").isNull()).isTrue();
    assertThat(rerouted.get("returnReason").isNull()).isTrue();
    List<String> hops = new ArrayList<>();
    rerouted.get("history").forEach(e -> { if (!e.get("target").isNull()) hops.add(e.get("type").asString() + " " + e.at("/target/code").asString()); });
    assertThat(hops).containsExactly("DISPATCHED " + me("gridworker"), "REDISPATCHED " + community);
    assertThat(act(id, "start", "{}", "community").get("status").asString()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void anEscalationTakesTheCaseFromItsPersonToTheNextLevelAsAWhole() {
    String id = registered("SANITATION", GRID);
    act(id, "dispatch", "{\"person\":\"" + me("gridworker") + "\"}", "operator");
    JsonNode up = act(id, "escalate", "{\"note\":\"需要社区协调物业\"}", "gridworker");
    assertThat(up.get("level").asString()).isEqualTo("COMMUNITY");
    assertThat(up.get("assignee").isNull()).isTrue();
    assertThat(lastHop(up).get("type").asString()).isEqualTo("ESCALATED");
    assertThat(lastHop(up).at("/target/code").asString()).isEqualTo(GRID.substring(0, 12));
    assertThat(mine("community")).contains(id);
    Http.Response notABoolean = http.get("/api/v1/incidents?mine=maybe", as("gridworker"));
    assertThat(notABoolean.status()).isEqualTo(400);
    assertThat(notABoolean.json().at("/errors/0/field").asString()).isEqualTo("mine");
  }

  @Test
  void aGridWorkerReportsWhatTheyFoundOnPatrol() {
    Point p = IncidentWorkflowContract.inside(GRID);
    Http.Response r = http.postJson("/api/v1/incidents", IncidentWorkflowContract.report("SANITATION", p.getX(), p.getY(),
        ",\"channel\":\"PATROL\""), as("gridworker"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(read(r.json().get("id").asString(), "operator").get("channel").asString()).isEqualTo("PATROL");
    Http.Response resident = http.postJson("/api/v1/incidents", IncidentWorkflowContract.report("SANITATION", p.getX(), p.getY(),
        ",\"channel\":\"PATROL\""), as("resident"));
    assertThat(resident.status()).isEqualTo(400);
    assertThat(resident.json().at("/errors/0/field").asString()).isEqualTo("channel");
  }

  private void refused(String id, String body, String field) {
    Http.Response r = http.postJson("/api/v1/incidents/" + id + "/dispatch", body, as("operator"));
    assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).as(body).contains(field);
  }

  private static JsonNode findItem(JsonNode page, String id) {
    for (JsonNode i : page.get("items")) if (i.get("id").asString().equals(id)) return i;
    throw new AssertionError(id + " not in " + page);
  }

  private static JsonNode candidate(JsonNode candidates, String code) {
    for (JsonNode c : candidates) if (c.get("code").asString().equals(code)) return c;
    throw new AssertionError(code + " not among " + candidates);
  }

  private static List<String> codes(JsonNode candidates) {
    List<String> out = new ArrayList<>();
    candidates.forEach(c -> out.add(c.get("code").asString()));
    return out;
  }
}
