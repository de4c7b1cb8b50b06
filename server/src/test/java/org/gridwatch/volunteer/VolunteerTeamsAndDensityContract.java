package org.gridwatch.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.privacy.PersonalData;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * What is stored (sealed ID numbers and phones), teams with their members, and the public density per area checked
 * against a count made in the test from the rows themselves.
 */
abstract class VolunteerTeamsAndDensityContract extends VolunteerFixtures {
  @Autowired PersonalData personal;
  @Value("${gridwatch.privacy.key}") String key;

  @Test
  void theDatabaseHoldsNoPlainIdNumberOrPhoneAndAnotherKeyCannotOpenThem() {
    String grid = gridsOf(unitOf(COMMUNITY)).get(0).code();
    String id = newIdNumber();
    String phone = newPhone();
    long vid = http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试密文寅", id, phone, grid, ""), ADMIN).json().get("id").asLong();
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM volunteer WHERE id = ?", vid);
    String everything = row.values().toString();
    assertThat(everything).doesNotContain(id).doesNotContain(id.substring(4, 14)).doesNotContain(phone);
    String sealedId = (String) row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id_number_cipher")).findFirst().orElseThrow().getValue();
    String sealedPhone = (String) row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("phone_cipher")).findFirst().orElseThrow().getValue();
    assertThat(personal.open(sealedId)).as("the server's own key opens it").isEqualTo(id);
    assertThat(personal.open(sealedPhone)).isEqualTo(phone);
    byte[] other = Base64.getDecoder().decode(key);
    other[0] ^= 1;
    PersonalData otherKey = new PersonalData(other);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherKey.open(sealedId)).isInstanceOf(IllegalStateException.class);
    assertThat(otherKey.lookupHash(id)).as("nor finds the person by hash").isNotEqualTo(personal.lookupHash(id));
  }

  @Test
  void teamsHaveMembersAddedAndRemovedInTheStaffsArea() {
    String community = unitOf(COMMUNITY);
    String grid = gridsOf(community).get(0).code();
    long a = register(COMMUNITY, "VOLUNTEER", "测试队员卯", newIdNumber(), grid, "");
    long b = register(COMMUNITY, "VOLUNTEER", "测试队员辰", newIdNumber(), grid, "");
    String name = "测试志愿服务队" + System.nanoTime();
    Http.Response team = http.postJson("/api/v1/volunteer-teams", "{\"name\":\"" + name + "\",\"grid\":\"" + grid + "\"}", COMMUNITY);
    assertThat(team.status()).as(team.body()).isEqualTo(201);
    long tid = team.json().get("id").asLong();
    assertThat(http.put("/api/v1/volunteer-teams/" + tid + "/members/" + a, "", COMMUNITY).status()).isEqualTo(200);
    assertThat(http.put("/api/v1/volunteer-teams/" + tid + "/members/" + b, "", COMMUNITY).status()).isEqualTo(200);
    assertThat(http.put("/api/v1/volunteer-teams/" + tid + "/members/" + b, "", COMMUNITY).status()).as("again: no change").isEqualTo(200);
    JsonNode listed = teamIn(grid, tid);
    assertThat(listed.get("members").findValues("id").stream().map(JsonNode::asLong)).containsExactly(a, b);
    assertThat(listed.toString()).doesNotContain("idNumber").doesNotContain("phone");

    Http.Response left = http.delete("/api/v1/volunteer-teams/" + tid + "/members/" + a, COMMUNITY);
    assertThat(left.status()).isEqualTo(200);
    assertThat(teamIn(grid, tid).get("members").findValues("id").stream().map(JsonNode::asLong)).containsExactly(b);

    Http.Response same = http.postJson("/api/v1/volunteer-teams", "{\"name\":\"" + name + "\",\"grid\":\"" + grid + "\"}", COMMUNITY);
    assertThat(same.status()).isEqualTo(409);
    assertThat(same.json().findValues("field").stream().map(JsonNode::asString)).containsExactly("name");
    String outside = gridOutside(community);
    assertThat(http.postJson("/api/v1/volunteer-teams", "{\"name\":\"x\",\"grid\":\"" + outside + "\"}", COMMUNITY).status()).isEqualTo(403);
    long stranger = register(ADMIN, "VOLUNTEER", "测试外人巳", newIdNumber(), outside, "");
    assertThat(http.put("/api/v1/volunteer-teams/" + tid + "/members/" + stranger, "", COMMUNITY).status()).isEqualTo(404);
    assertThat(http.put("/api/v1/volunteer-teams/" + tid + "/members/99999999", "", COMMUNITY).status()).isEqualTo(404);
    assertThat(http.postJson("/api/v1/volunteer-teams", "{\"name\":\"x\",\"grid\":\"999\"}", ADMIN).status()).isEqualTo(422);
  }

  JsonNode teamIn(String grid, long id) {
    for (JsonNode t : http.get("/api/v1/volunteer-teams?grid=" + grid, COMMUNITY).json()) if (t.get("id").asLong() == id) return t;
    throw new AssertionError("team " + id + " not listed in " + grid);
  }

  @Test
  void densityPerAreaMatchesACountOfTheRowsAndIsPublic() {
    String grid = gridsOf(unitOf(COMMUNITY)).get(0).code();
    register(ADMIN, "VOLUNTEER", "测试密度午", newIdNumber(), grid, "");
    register(ADMIN, "SOCIAL_WORKER", "测试密度未", newIdNumber(), grid, ",\"certificateLevel\":\"SENIOR\"");
    // Brute force: every row, its home grid's community found by walking up the hierarchy one parent at a time.
    Map<String, int[]> expected = new HashMap<>();
    for (Map<String, Object> row : jdbc.queryForList("SELECT home_grid, kind FROM volunteer")) {
      Object g = row.get("home_grid") != null ? row.get("home_grid") : row.get("HOME_GRID");
      Object kind = row.get("kind") != null ? row.get("kind") : row.get("KIND");
      AreaView area = g == null ? null : catalog.now().find((String) g).orElse(null);
      if (area == null || area.level() != AreaLevel.GRID) continue;
      AreaView community = catalog.now().find(area.parentCode()).orElseThrow();
      expected.computeIfAbsent(community.code(), k -> new int[2])["VOLUNTEER".equals(kind) ? 0 : 1]++;
    }
    Http.Response answer = http.get("/api/v1/volunteers/density?level=community");
    assertThat(answer.status()).as("public").isEqualTo(200);
    JsonNode d = answer.json();
    assertThat(d.get("level").asString()).isEqualTo("community");
    assertThat(d.get("areas")).hasSize(catalog.now().level(AreaLevel.COMMUNITY).size());
    int checked = 0;
    for (JsonNode a : d.get("areas")) {
      int[] c = expected.getOrDefault(a.get("code").asString(), new int[2]);
      int residents = catalog.now().find(a.get("code").asString()).orElseThrow().residents();
      assertThat(a.get("volunteers").asInt()).as(a.get("code").asString()).isEqualTo(c[0]);
      assertThat(a.get("socialWorkers").asInt()).isEqualTo(c[1]);
      assertThat(a.get("residents").asInt()).isEqualTo(residents);
      if (residents > 0) {
        assertThat(a.get("per1000").decimalValue()).isEqualByComparingTo(
            BigDecimal.valueOf(c[0] * 1000L).divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP));
      }
      if (c[0] > 0) checked++;
    }
    assertThat(checked).as("some community has volunteers").isPositive();
    assertThat(answer.body()).doesNotContain("测试密度午");

    JsonNode item = http.get("/ogcapi/collections/volunteer-density/items/" + grid, "Accept", "application/geo+json").json();
    int inGrid = jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE home_grid = ? AND kind = 'VOLUNTEER'", Integer.class, grid);
    assertThat(item.at("/properties/volunteers").asInt()).isEqualTo(inGrid);
    assertThat(item.at("/geometry/type").asString()).contains("Polygon");
    assertThat(http.get("/api/v1/volunteers/density?level=street").status()).isEqualTo(400);
  }
}
