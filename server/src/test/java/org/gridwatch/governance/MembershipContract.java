package org.gridwatch.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gridwatch.area.AreaView;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Members and terms, party members with 双报到, and the party organisation coverage, on rows the test made: an ended
 * term stays listed but out of term (and out of what the meeting loop counts), the same person twice in overlapping
 * terms is refused, phones are masked for staff and absent for the public, coverage agrees with a direct count.
 */
abstract class MembershipContract extends GovernanceFixtures {
  @Test
  void membersHoldTermsAnEndedTermStaysListedButOutOfTerm() {
    String community = unitOf(COMMUNITY);
    LocalDate constituted = today().minusYears(2);
    long council = constitute(ADMIN, "COMPOUND_COUNCIL", "GRID", freeGrid("COMPOUND_COUNCIL", community), null,
        ",\"constitutedOn\":\"" + constituted + "\"");
    String phone = newPhone();
    long chair = addMember(council, "{\"name\":\"主任甲（测试）\",\"role\":\"CHAIR\",\"phone\":\"" + phone + "\"}");
    long past = addMember(council, "{\"name\":\"委员乙（测试）\",\"role\":\"MEMBER\",\"termFrom\":\"" + constituted
        + "\",\"termTo\":\"" + today().minusMonths(6) + "\",\"username\":\"gridworker\"}");
    long guest = addMember(council, "{\"name\":\"列席丙（测试）\",\"role\":\"REPRESENTATIVE\",\"voting\":false}");
    Http.Response ended = http.postJson("/api/v1/bodies/" + council + "/members/" + guest + "/end",
        "{\"on\":\"" + today().minusDays(1) + "\"}", COMMUNITY);
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);

    JsonNode staffView = http.get("/api/v1/bodies/" + council, COMMUNITY).json();
    assertThat(staffView.get("members")).hasSize(3);
    assertThat(staffView.get("membersInTerm").asInt()).isEqualTo(1);
    for (JsonNode m : staffView.get("members")) {
      long id = m.get("id").asLong();
      assertThat(m.get("inTerm").asBoolean()).as(m.toString()).isEqualTo(id == chair);
      if (id == chair) assertThat(m.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
      if (id == guest) assertThat(m.get("voting").asBoolean()).isFalse();
    }
    assertThat(bodies.membersInTerm(council, today()).stream().map(MemberView::id)).containsExactly(chair);
    assertThat(bodies.membersInTerm(council, today().minusMonths(7)).stream().map(MemberView::id)).containsExactly(chair, past, guest);

    Http.Response publicView = http.get("/api/v1/bodies/" + council);
    assertThat(publicView.status()).isEqualTo(200);
    assertThat(publicView.body()).doesNotContain(phone).doesNotContain(phone.substring(7)).doesNotContain("gridworker");
    assertThat(publicView.json().at("/members/0/name").asString()).isEqualTo("主任甲（测试）");
    assertThat(publicView.json().at("/members/0/role").asString()).isEqualTo("CHAIR");

    // The same person again: overlapping is refused, after the earlier term ended it is a new term.
    Http.Response twice = http.postJson("/api/v1/bodies/" + council + "/members",
        "{\"name\":\"主任甲（测试）\",\"role\":\"MEMBER\",\"phone\":\"" + phone + "\"}", ADMIN);
    assertThat(twice.status()).as(twice.body()).isEqualTo(409);
    Http.Response sameAccount = http.postJson("/api/v1/bodies/" + council + "/members",
        "{\"name\":\"委员乙（测试）\",\"role\":\"MEMBER\",\"termFrom\":\"" + today().minusMonths(8) + "\",\"username\":\"gridworker\"}", ADMIN);
    assertThat(sameAccount.status()).as(sameAccount.body()).isEqualTo(409);
    assertThat(memberCount(council)).isEqualTo(3);
    Http.Response again = http.postJson("/api/v1/bodies/" + council + "/members",
        "{\"name\":\"委员乙（测试）\",\"role\":\"DEPUTY_CHAIR\",\"termFrom\":\"" + today().minusMonths(5) + "\",\"username\":\"gridworker\"}", ADMIN);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().get("inTerm").asBoolean()).isTrue();
    assertThat(http.postJson("/api/v1/bodies/" + council + "/members/" + past + "/end", "{}", ADMIN).status()).isEqualTo(409);
  }

  @Test
  void termsOutsideTheBodysLifeOrInTheWrongOrderAreRefusedAndNothingStored() {
    String community = unitOf(COMMUNITY);
    LocalDate constituted = today().minusYears(1);
    long council = constitute(ADMIN, "COMPOUND_COUNCIL", "GRID", freeGrid("COMPOUND_COUNCIL", community), null,
        ",\"constitutedOn\":\"" + constituted + "\"");
    record Case(String json, int status, String field) {}
    List<Case> cases = List.of(
        new Case("{\"name\":\"错任期（测试）\",\"role\":\"MEMBER\",\"termFrom\":\"" + today() + "\",\"termTo\":\"" + today().minusDays(1) + "\"}", 422, "termTo"),
        new Case("{\"name\":\"错任期（测试）\",\"role\":\"MEMBER\",\"termFrom\":\"" + constituted.minusDays(1) + "\"}", 422, "termFrom"),
        new Case("{\"name\":\"错任期（测试）\",\"role\":\"BOSS\"}", 400, "role"),
        new Case("{\"name\":\"\",\"role\":\"MEMBER\"}", 400, "name"),
        new Case("{\"name\":\"错任期（测试）\",\"role\":\"MEMBER\",\"voting\":\"often\"}", 400, "voting"),
        new Case("{\"name\":\"错任期（测试）\",\"role\":\"MEMBER\",\"phone\":\"12345\"}", 422, "phone"),
        new Case("{\"name\":\"错任期（测试）\",\"role\":\"MEMBER\",\"partyMember\":987654321}", 422, "partyMember"),
        new Case("{\"name\":\"" + "长".repeat(51) + "\",\"role\":\"MEMBER\"}", 400, "name"));
    for (Case c : cases) {
      Http.Response r = http.postJson("/api/v1/bodies/" + council + "/members", c.json(), ADMIN);
      assertThat(r.status()).as(c.json() + " → " + r.body()).isEqualTo(c.status());
      assertThat(fields(r)).as(c.json()).contains(c.field());
    }
    assertThat(memberCount(council)).isZero();
    assertThat(http.postJson("/api/v1/bodies/987654321/members", "{\"name\":\"无组织（测试）\",\"role\":\"MEMBER\"}", ADMIN).status())
        .isEqualTo(404);
    // A dissolved body's members' terms end with it; a term after it is refused.
    long member = addMember(council, "{\"name\":\"到期丁（测试）\",\"role\":\"MEMBER\"}");
    assertThat(http.postJson("/api/v1/bodies/" + council + "/dissolve", "{\"on\":\"" + today().minusDays(2) + "\"}", ADMIN).status())
        .isEqualTo(200);
    JsonNode view = http.get("/api/v1/bodies/" + council, ADMIN).json();
    assertThat(view.at("/members/0/id").asLong()).isEqualTo(member);
    assertThat(view.at("/members/0/termTo").asString()).isEqualTo(today().minusDays(2).toString());
    assertThat(view.at("/members/0/inTerm").asBoolean()).isFalse();
    Http.Response late = http.postJson("/api/v1/bodies/" + council + "/members",
        "{\"name\":\"迟到戊（测试）\",\"role\":\"MEMBER\",\"termTo\":\"" + today() + "\"}", ADMIN);
    assertThat(late.status()).isEqualTo(422);
    assertThat(fields(late)).contains("termTo");
  }

  @Test
  void partyMembersRegisterWithTheirOrganisationAndDualReportNeedsDayAndService() {
    String community = unitOf(COMMUNITY);
    AreaView grid = gridsOf(community).get(0);
    long committee = committeeOf(community);
    String phone = newPhone();
    String name = unique("党员");
    Http.Response dual = http.postJson("/api/v1/party-members", partyJson(name, phone, committee, community, grid.code(),
        ",\"employer\":\"某单位（演示）\",\"dualReport\":true,\"reportedOn\":\"" + today().minusMonths(3) + "\",\"service\":\"助老\""), COMMUNITY);
    assertThat(dual.status()).as(dual.body()).isEqualTo(201);
    assertThat(dual.json().get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(dual.json().at("/organisation/id").asLong()).isEqualTo(committee);
    assertThat(dual.json().get("dualReport").asBoolean()).isTrue();
    assertThat(dual.json().get("service").asString()).isEqualTo("助老");
    assertThat(dual.body()).doesNotContain(phone);
    assertThat(jdbc.queryForObject("SELECT phone_sealed FROM party_member WHERE name = ?", String.class, name)).doesNotContain(phone);

    int before = count("party_member");
    Http.Response missing = http.postJson("/api/v1/party-members", partyJson(unique("党员"), newPhone(), committee, community, null,
        ",\"dualReport\":true"), ADMIN);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(fields(missing)).containsExactlyInAnyOrder("reportedOn", "service");
    Http.Response twice = http.postJson("/api/v1/party-members", partyJson(name, " " + phone, committee, community, null, ""), ADMIN);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("type").asString()).endsWith("/problems/duplicate-party-member");
    long council = constitute(ADMIN, "COMPOUND_COUNCIL", "GRID", freeGrid("COMPOUND_COUNCIL", community), null, "");
    Http.Response notParty = http.postJson("/api/v1/party-members", partyJson(unique("党员"), newPhone(), council, community, null, ""), ADMIN);
    assertThat(notParty.status()).isEqualTo(422);
    assertThat(fields(notParty)).containsExactly("organisation");
    Http.Response wrongGrid = http.postJson("/api/v1/party-members", partyJson(unique("党员"), newPhone(), committee, community,
        gridsOf(communityOutside(community)).get(0).code(), ""), ADMIN);
    assertThat(fields(wrongGrid)).containsExactly("homeGrid");
    Http.Response elsewhere = http.postJson("/api/v1/party-members", partyJson(unique("党员"), newPhone(), committee,
        communityOutside(community), null, ""), COMMUNITY);
    assertThat(elsewhere.status()).isEqualTo(403);
    assertThat(count("party_member")).isEqualTo(before);

    Http.Response list = http.get("/api/v1/party-members?dualReport=true&community=" + community, PLANNER);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValues("name").stream().map(JsonNode::asString)).contains(name);
    for (JsonNode m : list.json()) assertThat(m.get("dualReport").asBoolean()).isTrue();
    assertThat(list.body()).doesNotContain(phone);
    assertThat(http.get("/api/v1/party-members").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/party-members", RESIDENT).status()).isEqualTo(403);
  }

  @Test
  void coverageAgreesWithADirectCount() {
    String community = unitOf(COMMUNITY);
    long committee = committeeOf(community);
    String grid = freeGrid("PARTY_BRANCH", community);
    JsonNode before = coverage(community);
    assertThat(strings(before.get("gridsWithoutBranch"))).contains(grid);
    long branch = constitute(COMMUNITY, "PARTY_BRANCH", "GRID", grid, committee, "");
    http.postJson("/api/v1/party-members", partyJson(unique("党员"), newPhone(), branch, community, grid,
        ",\"dualReport\":true,\"reportedOn\":\"" + today() + "\",\"service\":\"环境整治\""), ADMIN);
    http.postJson("/api/v1/party-members", partyJson(unique("党员"), newPhone(), branch, community, grid, ""), ADMIN);

    JsonNode c = coverage(community);
    assertThat(c.at("/committee/id").asLong()).isEqualTo(committee);
    assertThat(strings(c.get("gridsWithoutBranch"))).doesNotContain(grid);
    List<String> withBranch = jdbc.queryForList("SELECT area_code FROM body WHERE kind = 'PARTY_BRANCH' AND area_kind = 'GRID'"
        + " AND community_code = ? AND constituted_on <= ? AND (dissolved_on IS NULL OR dissolved_on >= ?)", String.class,
        community, sql(today()), sql(today()));
    List<String> without = gridsOf(community).stream().map(AreaView::code).filter(g -> !withBranch.contains(g)).toList();
    assertThat(strings(c.get("gridsWithoutBranch"))).containsExactlyElementsOf(without);
    assertThat(c.get("partyMembers").asInt()).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(*) FROM party_member p JOIN body b ON b.id = p.body_id WHERE b.community_code = ?", Integer.class, community));
    assertThat(c.get("dualReportMembers").asInt()).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(*) FROM party_member WHERE dual_report = TRUE AND home_community_code = ?", Integer.class, community));
    JsonNode g = null;
    for (JsonNode x : c.get("grids")) if (x.get("grid").asString().equals(grid)) g = x;
    assertThat(g).isNotNull();
    assertThat(g.at("/branch/id").asLong()).isEqualTo(branch);
    assertThat(g.get("partyMembers").asInt()).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(*) FROM party_member WHERE home_grid_code = ?", Integer.class, grid)).isGreaterThanOrEqualTo(2);
    assertThat(g.get("dualReportMembers").asInt()).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(*) FROM party_member WHERE home_grid_code = ? AND dual_report = TRUE", Integer.class, grid)).isGreaterThanOrEqualTo(1);
    assertThat(c.get("branches").asInt()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM body WHERE kind = 'PARTY_BRANCH'"
        + " AND community_code = ? AND constituted_on <= ? AND (dissolved_on IS NULL OR dissolved_on >= ?)", Integer.class,
        community, sql(today()), sql(today())));

    Http.Response layer = http.get("/ogcapi/collections/party-coverage/items?limit=10000&hasBranch=true&community=" + community, PLANNER);
    assertThat(layer.status()).as(layer.body()).isEqualTo(200);
    assertThat(layer.json().get("features").findValues("grid").stream().map(JsonNode::asString).toList())
        .containsExactlyInAnyOrderElementsOf(withBranch.stream().distinct().toList());
    assertThat(http.get("/api/v1/party-organisation?community=" + community, RESIDENT).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/party-organisation?community=nowhere", ADMIN).status()).isEqualTo(400);
  }

  JsonNode coverage(String community) {
    Http.Response r = http.get("/api/v1/party-organisation?community=" + community, COMMUNITY);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).hasSize(1);
    return r.json().get(0);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  static String partyJson(String name, String phone, long organisation, String community, String grid, String extra) {
    return "{\"name\":\"%s\",\"phone\":\"%s\",\"organisation\":%d,\"homeCommunity\":\"%s\"%s%s}".formatted(name, phone, organisation,
        community, grid == null ? "" : ",\"homeGrid\":\"" + grid + "\"", extra);
  }

  int memberCount(long body) { return jdbc.queryForObject("SELECT COUNT(*) FROM body_member WHERE body_id = ?", Integer.class, body); }
}
