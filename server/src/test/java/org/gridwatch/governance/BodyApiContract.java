package org.gridwatch.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridwatch.area.CompoundView;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bodies through the API: every kind with its default rules and the area deciding community and grid, the party
 * organisation tree, one active body per kind and area (also when four come at once), dissolution, bad input that
 * stores nothing, and who may write.
 */
abstract class BodyApiContract extends GovernanceFixtures {
  @Test
  void bodiesOfEveryKindServeTheirAreaWithTheKindsDefaultRules() {
    String community = unitOf(COMMUNITY);
    for (String kind : List.of("RESIDENTS_CONGRESS", "RESIDENTS_COMMITTEE", "SUPERVISION_COMMITTEE", "PARTY_COMMITTEE")) {
      Http.Response r = http.postJson("/api/v1/bodies", bodyJson(kind, unique(kind), "COMMUNITY", community, null, ""), ADMIN);
      if (free(kind, "COMMUNITY", community) || r.status() == 201) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode b = r.json();
        assertThat(b.get("community").asString()).isEqualTo(community);
        assertThat(b.get("grid").isNull()).isTrue();
        boolean party = kind.startsWith("PARTY");
        assertThat(b.at("/rules/quorum").asString()).isEqualTo("MORE_THAN_HALF");
        assertThat(b.at("/rules/passBy").asString()).isEqualTo("MORE_THAN_HALF");
        assertThat(b.at("/rules/passBase").asString()).isEqualTo(party ? "ALL_MEMBERS" : "PRESENT");
        assertThat(b.at("/rules/consensusAllowed").asBoolean()).isEqualTo(!party);
        assertThat(b.get("constitutedOn").asString()).isEqualTo(today().toString());
      } else { // the community has one already (the demo's): a second is refused
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("type").asString()).endsWith("/problems/duplicate-body");
      }
    }
    long committee = committeeOf(community);
    String grid = freeGrid("PARTY_BRANCH", community);
    Http.Response branch = http.postJson("/api/v1/bodies", bodyJson("PARTY_BRANCH", unique("支部"), "GRID", grid, committee, ""), COMMUNITY);
    assertThat(branch.status()).as(branch.body()).isEqualTo(201);
    assertThat(branch.json().get("grid").asString()).isEqualTo(grid);
    assertThat(branch.json().get("community").asString()).isEqualTo(community);
    assertThat(branch.json().at("/parent/id").asLong()).isEqualTo(committee);
    long branchId = branch.json().get("id").asLong();

    CompoundView compound = freeCompound("PARTY_GROUP");
    Http.Response group = http.postJson("/api/v1/bodies", bodyJson("PARTY_GROUP", unique("小组"), "GRID",
        freeGrid("PARTY_GROUP", community), branchId, ""), ADMIN);
    assertThat(group.status()).as(group.body()).isEqualTo(201);
    long groupId = group.json().get("id").asLong();
    JsonNode tree = http.get("/api/v1/bodies/" + branchId, ADMIN).json();
    assertThat(tree.get("children").findValues("id").stream().map(JsonNode::asLong)).containsExactly(groupId);
    assertThat(http.get("/api/v1/bodies/" + committee, ADMIN).json().get("children").findValues("id").stream()
        .map(JsonNode::asLong)).contains(branchId);

    Http.Response council = http.postJson("/api/v1/bodies", bodyJson("COMPOUND_COUNCIL", unique("楼院协管会"), "COMPOUND",
        compound.name(), null, ",\"rules\":{\"quorum\":\"TWO_THIRDS\",\"passBase\":\"ALL_MEMBERS\"},\"constitutedOn\":\"2025-03-01\""), ADMIN);
    assertThat(council.status()).as(council.body()).isEqualTo(201);
    assertThat(council.json().get("grid").asString()).isEqualTo(compound.grid());
    assertThat(council.json().get("community").asString()).isEqualTo(catalog.now().find(compound.grid()).orElseThrow().parentCode());
    assertThat(council.json().at("/rules/quorum").asString()).isEqualTo("TWO_THIRDS");
    assertThat(council.json().at("/rules/passBy").asString()).isEqualTo("MORE_THAN_HALF");
    assertThat(council.json().at("/rules/passBase").asString()).isEqualTo("ALL_MEMBERS");
    assertThat(council.json().at("/rules/consensusAllowed").asBoolean()).isTrue();
    assertThat(council.json().get("constitutedOn").asString()).isEqualTo("2025-03-01");

    String councilGrid = freeGrid("GRID_COUNCIL", community);
    long gridCouncil = constitute(COMMUNITY, "GRID_COUNCIL", "GRID", councilGrid, null, "");
    // What others read: the read side sees the same rules and area.
    BodyView view = bodies.find(gridCouncil).orElseThrow();
    assertThat(view.gridCode()).isEqualTo(councilGrid);
    assertThat(view.rules().passBase()).isEqualTo(PassBase.PRESENT);
    assertThat(http.get("/api/v1/bodies?grid=" + councilGrid + "&kind=GRID_COUNCIL").json().findValues("id").stream()
        .map(JsonNode::asLong)).containsExactly(gridCouncil);
  }

  @Test
  void aSecondActiveBodyOfAKindForAnAreaIsRefusedAlsoWhenFourComeAtOnce() throws Exception {
    String community = unitOf(COMMUNITY);
    String grid = freeGrid("COMPOUND_COUNCIL", community);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Integer> statuses = new ArrayList<>();
    List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String name = unique("并发协管会");
        Callable<Integer> call = () -> {
          start.await();
          Http.Response r = http.postJson("/api/v1/bodies", bodyJson("COMPOUND_COUNCIL", name, "GRID", grid, null, ""), ADMIN);
          bodies.add(r.body());
          return r.status();
        };
        answers.add(pool.submit(call));
      }
      start.countDown();
      for (Future<Integer> f : answers) statuses.add(f.get());
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).as(bodies.toString()).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201)).as(bodies.toString()).hasSize(1);
    List<Long> stored = jdbc.queryForList("SELECT id FROM body WHERE kind = 'COMPOUND_COUNCIL' AND area_kind = 'GRID' AND area_code = ?",
        Long.class, grid);
    assertThat(stored).hasSize(1);

    // Dissolved today it still serves today: a new one from today is refused, one from tomorrow is constituted.
    Http.Response dissolved = http.postJson("/api/v1/bodies/" + stored.get(0) + "/dissolve", "{\"on\":\"" + today() + "\"}", ADMIN);
    assertThat(dissolved.status()).as(dissolved.body()).isEqualTo(200);
    assertThat(dissolved.json().get("dissolvedOn").asString()).isEqualTo(today().toString());
    assertThat(http.postJson("/api/v1/bodies/" + stored.get(0) + "/dissolve", "{}", ADMIN).status()).isEqualTo(409);
    Http.Response sameDay = http.postJson("/api/v1/bodies", bodyJson("COMPOUND_COUNCIL", unique("新协管会"), "GRID", grid, null, ""), ADMIN);
    assertThat(sameDay.status()).isEqualTo(409);
    assertThat(sameDay.json().get("type").asString()).endsWith("/problems/duplicate-body");
    Http.Response next = http.postJson("/api/v1/bodies", bodyJson("COMPOUND_COUNCIL", unique("新协管会"), "GRID", grid, null,
        ",\"constitutedOn\":\"" + today().plusDays(1) + "\""), ADMIN);
    assertThat(next.status()).as(next.body()).isEqualTo(201);
    assertThat(next.json().get("active").asBoolean()).isFalse(); // not yet
  }

  @Test
  void badInputNamesTheFieldAndStoresNothing() {
    String community = unitOf(COMMUNITY);
    String grid = gridsOf(community).get(0).code();
    int before = count("body");
    String name = unique("坏请求");
    record Case(String json, int status, String field) {}
    List<Case> cases = List.of(
        new Case(bodyJson("TOWN_HALL", name, "COMMUNITY", community, null, ""), 400, "kind"),
        new Case(bodyJson("RESIDENTS_COMMITTEE", name, "COMMUNITY", "999999999999", null, ""), 422, "area"),
        new Case(bodyJson("RESIDENTS_COMMITTEE", name, "GRID", grid, null, ""), 422, "areaKind"),
        new Case(bodyJson("GRID_COUNCIL", name, "COMMUNITY", community, null, ""), 422, "areaKind"),
        new Case(bodyJson("GRID_COUNCIL", name, "GRID", community, null, ""), 422, "area"),
        new Case(bodyJson("GRID_COUNCIL", "  ", "GRID", grid, null, ""), 400, "name"),
        new Case(bodyJson("GRID_COUNCIL", "长".repeat(201), "GRID", grid, null, ""), 400, "name"),
        new Case(bodyJson("GRID_COUNCIL", name, "GRID", grid, null, ",\"constitutedOn\":\"yesterday\""), 400, "constitutedOn"),
        new Case(bodyJson("GRID_COUNCIL", name, "GRID", grid, null, ",\"constitutedOn\":\"2025-02-30\""), 400, "constitutedOn"),
        new Case(bodyJson("GRID_COUNCIL", name, "GRID", grid, null, ",\"rules\":{\"quorum\":\"ALL\"}"), 400, "rules.quorum"),
        new Case("{\"kind\":\"GRID_COUNCIL\",\"name\":\"" + name + "\",\"areaKind\":\"GRID\",\"area\":\"" + grid + "\",\"parent\":\"x\"}", 400, "parent"),
        new Case(bodyJson("GRID_COUNCIL", name, "GRID", grid, committeeOf(community), ""), 422, "parent"),
        new Case(bodyJson("PARTY_BRANCH", name, "GRID", grid, null, ""), 422, "parent"),
        new Case(bodyJson("PARTY_GROUP", name, "GRID", grid, committeeOf(community), ""), 422, "parent"));
    before = count("body"); // committeeOf may have constituted one
    for (Case c : cases) {
      Http.Response r = http.postJson("/api/v1/bodies", c.json(), ADMIN);
      assertThat(r.status()).as(c.json() + " → " + r.body()).isEqualTo(c.status());
      assertThat(fields(r)).as(c.json()).contains(c.field());
    }
    Http.Response malformed = http.postJson("/api/v1/bodies", "{\"kind\":\"GRID_COUNCIL\",", ADMIN);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(http.postJson("/api/v1/bodies/987654321/dissolve", "{}", ADMIN).status()).isEqualTo(404);
    assertThat(count("body")).isEqualTo(before);
  }

  @Test
  void communityStaffWriteInTheirCommunityOnlyAndAnyoneReadsBodies() {
    String community = unitOf(COMMUNITY);
    String outside = communityOutside(community);
    String otherGrid = gridsOf(outside).get(0).code();
    int before = count("body");
    Http.Response elsewhere = http.postJson("/api/v1/bodies", bodyJson("PARTY_GROUP", unique("外社区"), "GRID", otherGrid,
        null, "").replace("PARTY_GROUP", "COMPOUND_COUNCIL"), COMMUNITY);
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(403);
    assertThat(elsewhere.json().get("type").asString()).endsWith("/problems/forbidden");
    assertThat(http.postJson("/api/v1/bodies", bodyJson("GRID_COUNCIL", unique("居民"), "GRID", otherGrid, null, ""), RESIDENT).status())
        .isEqualTo(403);
    assertThat(http.postJson("/api/v1/bodies", bodyJson("GRID_COUNCIL", unique("规划"), "GRID", otherGrid, null, ""), PLANNER).status())
        .isEqualTo(403);
    assertThat(http.postJson("/api/v1/bodies", bodyJson("GRID_COUNCIL", unique("匿名"), "GRID", otherGrid, null, "")).status())
        .isEqualTo(401);
    assertThat(count("body")).isEqualTo(before);

    long own = constitute(COMMUNITY, "COMPOUND_COUNCIL", "GRID", freeGrid("COMPOUND_COUNCIL", community), null, "");
    assertThat(http.get("/api/v1/bodies/" + own).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/bodies?community=" + community).json().findValues("id").stream().map(JsonNode::asLong)).contains(own);
    Http.Response stranger = http.postJson("/api/v1/bodies/" + own + "/dissolve", "{}", Http.basic("subdistrict",
        org.gridwatch.support.TestEnvironment.DEMO_PASSWORD));
    String subdistrict = unitOf(Http.basic("subdistrict", org.gridwatch.support.TestEnvironment.DEMO_PASSWORD));
    boolean over = catalog.now().find(community).orElseThrow().parentCode().equals(subdistrict);
    assertThat(stranger.status()).as(stranger.body()).isEqualTo(over ? 200 : 403);
  }

  @Test
  void theBodiesLayerShowsEachActiveBodyAsItsAreaToAnyone() {
    String community = unitOf(COMMUNITY);
    String grid = freeGrid("GRID_COUNCIL", community);
    long council = constitute(ADMIN, "GRID_COUNCIL", "GRID", grid, null, "");
    addMember(council, "{\"name\":\"图层成员（测试）\",\"role\":\"CHAIR\"}");
    Http.Response items = http.get("/ogcapi/collections/bodies/items?limit=10000&kind=GRID_COUNCIL&community=" + community);
    assertThat(items.status()).as(items.body()).isEqualTo(200);
    JsonNode feature = null;
    for (JsonNode f : items.json().get("features")) {
      assertThat(f.at("/properties/kind").asString()).isEqualTo("GRID_COUNCIL");
      assertThat(f.at("/properties/community").asString()).isEqualTo(community);
      if (f.at("/properties/id").asLong() == council) feature = f;
    }
    assertThat(feature).isNotNull();
    assertThat(feature.at("/properties/membersInTerm").asInt()).isEqualTo(1);
    assertThat(feature.at("/properties/area").asString()).isEqualTo(grid);
    assertThat(feature.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
    assertThat(items.body()).doesNotContain("图层成员");

    assertThat(http.get("/ogcapi/collections/party-coverage/items").status()).isEqualTo(401);
    assertThat(http.get("/ogcapi/collections/party-coverage/items", RESIDENT).status()).isEqualTo(404);
    Http.Response coverage = http.get("/ogcapi/collections/party-coverage/items?limit=10000&community=" + community, COMMUNITY);
    assertThat(coverage.status()).as(coverage.body()).isEqualTo(200);
    assertThat(coverage.json().get("features")).hasSize(gridsOf(community).size());
  }

  static LocalDate day(String iso) { return LocalDate.parse(iso); }
}
