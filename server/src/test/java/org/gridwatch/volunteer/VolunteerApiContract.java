package org.gridwatch.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.privacy.ResidentIdNumber;
import org.gridwatch.security.AccountSeeding;
import org.gridwatch.security.Role;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Volunteers and social workers through the API, on the demo: registration of both kinds, refusals that store
 * nothing, the same person twice (also at once), masking everywhere but the audited full record, and who sees whom.
 */
abstract class VolunteerApiContract extends VolunteerFixtures {
  @Test
  void registersAVolunteerAndASocialWorkerShownMasked() {
    String grid = gridsOf(unitOf(COMMUNITY)).get(0).code();
    String id = newIdNumber();
    String phone = newPhone();
    Http.Response v = http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试志愿者甲", id, phone, grid, ""), COMMUNITY);
    assertThat(v.status()).as(v.body()).isEqualTo(201);
    JsonNode j = v.json();
    assertThat(j.get("kind").asString()).isEqualTo("VOLUNTEER");
    assertThat(j.get("idNumber").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
    assertThat(j.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(j.get("homeGrid").asString()).isEqualTo(grid);
    assertThat(j.get("skills").toString()).contains("助餐", "上门探访");
    assertThat(j.at("/availability/0/weekday").asInt()).isEqualTo(6);
    assertThat(j.at("/availability/0/from").asString()).startsWith("09:00");
    assertThat(j.get("starLevel").asInt()).isEqualTo(2);
    assertThat(j.get("certificateLevel").isNull()).isTrue();
    assertThat(v.body()).doesNotContain(id).doesNotContain(phone);

    Http.Response s = http.postJson("/api/v1/volunteers",
        body("SOCIAL_WORKER", "测试社工乙", newIdNumber(), newPhone(), grid, ",\"certificateLevel\":\"INTERMEDIATE\""), COMMUNITY);
    assertThat(s.status()).as(s.body()).isEqualTo(201);
    assertThat(s.json().get("kind").asString()).isEqualTo("SOCIAL_WORKER");
    assertThat(s.json().get("certificateLevel").asString()).isEqualTo("INTERMEDIATE");
    long sid = s.json().get("id").asLong();
    assertThat(http.get("/api/v1/volunteers?kind=SOCIAL_WORKER&grid=" + grid, COMMUNITY).json().findValues("id").stream()
        .map(JsonNode::asLong)).contains(sid).doesNotContain(j.get("id").asLong());
  }

  @Test
  void aWrongCheckDigitOrBirthDateIsRefusedAndNothingStored() {
    String grid = gridsOf(unitOf(COMMUNITY)).get(0).code();
    String good = newIdNumber();
    char wrong = good.charAt(17) == '1' ? '2' : '1';
    String badCheck = good.substring(0, 17) + wrong;
    String feb30 = "11010519900230123";
    String badDate = feb30 + ResidentIdNumber.checkCharacter(feb30);
    for (String id : List.of(badCheck, badDate, "1101051990")) {
      Http.Response r = http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试错号丙", id, newPhone(), grid, ""), COMMUNITY);
      assertThat(r.status()).as(id).isEqualTo(422);
      assertThat(r.json().get("type").asString()).endsWith("/problems/invalid-registration");
      assertThat(r.json().findValues("field").stream().map(JsonNode::asString)).containsExactly("idNumber");
    }
    Http.Response cert = http.postJson("/api/v1/volunteers",
        body("VOLUNTEER", "测试错号丙", newIdNumber(), newPhone(), grid, ",\"certificateLevel\":\"SENIOR\""), COMMUNITY);
    assertThat(cert.status()).isEqualTo(422);
    assertThat(cert.json().findValues("field").stream().map(JsonNode::asString)).containsExactly("certificateLevel");
    Http.Response star = http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试错号丙", newIdNumber(), newPhone(), grid, "")
        .replace("\"starLevel\":2", "\"starLevel\":9"), COMMUNITY);
    assertThat(star.status()).isEqualTo(400);
    assertThat(star.json().findValues("field").stream().map(JsonNode::asString)).containsExactly("starLevel");
    assertThat(rowsNamed("测试错号丙")).isZero();
  }

  @Test
  void theSamePersonTwiceIsAConflictAlsoWhenBothComeAtOnce() throws Exception {
    String grid = gridsOf(unitOf(COMMUNITY)).get(0).code();
    String id = newIdNumber();
    register(ADMIN, "VOLUNTEER", "测试重复丁", id, grid, "");
    // The same number with a lower-case x, or with spaces around, is the same person.
    Http.Response again = http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试重复丁", " " + id.toLowerCase() + " ", newPhone(), grid, ""), ADMIN);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("/problems/duplicate-volunteer");
    assertThat(again.json().findValues("field").stream().map(JsonNode::asString)).containsExactly("idNumber");
    assertThat(rowsNamed("测试重复丁")).isOne();

    String both = newIdNumber();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Integer> call = () -> {
          start.await();
          return http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试并发戊", both, newPhone(), grid, ""), ADMIN).status();
        };
        answers.add(pool.submit(call));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : answers) statuses.add(f.get());
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(rowsNamed("测试并发戊")).isOne();
  }

  @Test
  void listsAndViewsAreMaskedTheFullRecordIsAuditedWithItsReader() {
    String grid = gridsOf(unitOf(COMMUNITY)).get(0).code();
    String id = newIdNumber();
    String phone = newPhone();
    Http.Response created = http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试档案己", id, phone, grid, ""), ADMIN);
    long vid = created.json().get("id").asLong();
    Http.Response list = http.get("/api/v1/volunteers?grid=" + grid, COMMUNITY);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(id).doesNotContain(phone).contains("测试档案己");
    for (JsonNode v : list.json()) {
      if (!v.get("idNumber").isNull()) assertThat(v.get("idNumber").asString()).matches("[0-9]{4}\\*{10}[0-9]{3}[0-9X]");
    }
    assertThat(http.get("/api/v1/volunteers/" + vid, COMMUNITY).body()).doesNotContain(id).doesNotContain(phone);
    assertThat(http.get("/api/v1/volunteers/" + vid + "/record-reads", ADMIN).json()).isEmpty();

    Http.Response record = http.get("/api/v1/volunteers/" + vid + "/record", COMMUNITY);
    assertThat(record.status()).isEqualTo(200);
    assertThat(record.json().get("idNumber").asString()).isEqualTo(id);
    assertThat(record.json().get("phone").asString()).isEqualTo(phone);

    JsonNode reads = http.get("/api/v1/volunteers/" + vid + "/record-reads", ADMIN).json();
    assertThat(reads).hasSize(1);
    assertThat(reads.get(0).get("reader").asString()).isEqualTo("community");
    assertThat(reads.get(0).get("role").asString()).isEqualTo("COMMUNITY_STAFF");
    assertThat(reads.get(0).get("at").asString()).isNotBlank();
    assertThat(http.get("/api/v1/volunteers/" + vid + "/record-reads", COMMUNITY).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/volunteers/" + vid).status()).as("no public read of a person").isEqualTo(401);
    assertThat(http.get("/api/v1/volunteers").status()).isEqualTo(401);
  }

  @Test
  void staffSeeAndRegisterOnlyInTheirAreaAVolunteerOnlyThemself() {
    String community = unitOf(COMMUNITY);
    String inside = gridsOf(community).get(0).code();
    String outside = gridOutside(community);
    long mine = register(COMMUNITY, "VOLUNTEER", "测试辖区庚", newIdNumber(), inside, "");
    long theirs = register(ADMIN, "VOLUNTEER", "测试辖外辛", newIdNumber(), outside, "");

    Http.Response refused = http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试越权壬", newIdNumber(), newPhone(), outside, ""), COMMUNITY);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(rowsNamed("测试越权壬")).isZero();

    List<String> insideCodes = gridsOf(community).stream().map(AreaView::code).toList();
    JsonNode seen = http.get("/api/v1/volunteers", COMMUNITY).json();
    assertThat(seen.findValues("homeGrid").stream().map(JsonNode::asString)).isNotEmpty().allMatch(insideCodes::contains);
    assertThat(seen.findValues("id").stream().map(JsonNode::asLong)).contains(mine).doesNotContain(theirs);
    assertThat(http.get("/api/v1/volunteers/" + theirs, COMMUNITY).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/volunteers/" + theirs + "/record", COMMUNITY).status()).isEqualTo(404);
    assertThat(http.patch("/api/v1/volunteers/" + theirs, "{\"starLevel\":5}", COMMUNITY).status()).isEqualTo(404);

    // The subdistrict's staff see their whole subdistrict.
    String subdistrict = unitOf(SUBDISTRICT);
    List<String> subdistrictGrids = gridsOf(subdistrict).stream().map(AreaView::code).toList();
    long inSubdistrict = register(ADMIN, "VOLUNTEER", "测试街道丑", newIdNumber(), subdistrictGrids.get(subdistrictGrids.size() - 1), "");
    JsonNode subdistrictSees = http.get("/api/v1/volunteers", SUBDISTRICT).json();
    assertThat(subdistrictSees.findValues("homeGrid").stream().map(JsonNode::asString)).allMatch(subdistrictGrids::contains);
    assertThat(subdistrictSees.findValues("id").stream().map(JsonNode::asLong)).contains(inSubdistrict);

    // A social worker reads the people of their community; registers nobody.
    String swName = "test-socialworker-" + port;
    accounts.ensure(List.of(new AccountSeeding.WantedAccount(swName, "Test social worker", Role.SOCIAL_WORKER)), TestEnvironment.DEMO_PASSWORD, false);
    long sw = register(ADMIN, "SOCIAL_WORKER", "测试社工癸", newIdNumber(), inside, ",\"certificateLevel\":\"ASSISTANT\"");
    jdbc.update("UPDATE volunteer SET username = ? WHERE id = ?", swName, sw);
    String[] socialWorker = Http.basic(swName, TestEnvironment.DEMO_PASSWORD);
    JsonNode swSees = http.get("/api/v1/volunteers", socialWorker).json();
    assertThat(swSees.findValues("id").stream().map(JsonNode::asLong)).contains(mine, sw).doesNotContain(theirs);
    assertThat(http.postJson("/api/v1/volunteers", body("VOLUNTEER", "测试越权壬", newIdNumber(), newPhone(), inside, ""), socialWorker).status())
        .isEqualTo(403);
    assertThat(http.get("/api/v1/volunteers/" + mine + "/record", socialWorker).status()).isEqualTo(403);

    // A volunteer sees only their own record, the full one audited as their own read.
    String volName = "test-volunteer-" + port;
    accounts.ensure(List.of(new AccountSeeding.WantedAccount(volName, "Test volunteer", Role.VOLUNTEER)), TestEnvironment.DEMO_PASSWORD, false);
    jdbc.update("UPDATE volunteer SET username = ? WHERE id = ?", volName, mine);
    String[] volunteer = Http.basic(volName, TestEnvironment.DEMO_PASSWORD);
    assertThat(http.get("/api/v1/volunteers", volunteer).json().findValues("id").stream().map(JsonNode::asLong)).containsExactly(mine);
    assertThat(http.get("/api/v1/volunteers/" + sw, volunteer).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/volunteers/" + mine + "/record", volunteer).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/volunteers/" + mine + "/record-reads", ADMIN).json().findValues("reader").stream()
        .map(JsonNode::asString)).containsExactly(volName);
    assertThat(http.patch("/api/v1/volunteers/" + mine, "{\"starLevel\":5}", volunteer).status()).isEqualTo(403);
  }

  @Test
  void staffChangeSkillsAvailabilityAndStars() {
    String grid = gridsOf(unitOf(COMMUNITY)).get(0).code();
    long id = register(COMMUNITY, "VOLUNTEER", "测试变更子", newIdNumber(), grid, "");
    Http.Response changed = http.patch("/api/v1/volunteers/" + id,
        "{\"skills\":[\"维修\"],\"availability\":[{\"weekday\":1,\"from\":\"18:00\",\"to\":\"20:30\"}],\"starLevel\":4}", COMMUNITY);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonNode v = http.get("/api/v1/volunteers/" + id, COMMUNITY).json();
    assertThat(v.get("skills").toString()).isEqualTo("[\"维修\"]");
    assertThat(v.at("/availability/0/to").asString()).startsWith("20:30");
    assertThat(v.get("starLevel").asInt()).isEqualTo(4);
    assertThat(http.get("/api/v1/volunteers?skill=维修&grid=" + grid, COMMUNITY).json().findValues("id").stream().map(JsonNode::asLong)).contains(id);
    Http.Response backwards = http.patch("/api/v1/volunteers/" + id,
        "{\"skills\":[\"文艺\"],\"availability\":[{\"weekday\":1,\"from\":\"18:00\",\"to\":\"08:00\"}]}", COMMUNITY);
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.json().findValues("field").stream().map(JsonNode::asString)).containsExactly("availability[0].to");
    assertThat(http.get("/api/v1/volunteers/" + id, COMMUNITY).json().get("skills").toString()).as("nothing half-changed").isEqualTo("[\"维修\"]");
  }

  @Test
  void theDemoHasVolunteersAndSocialWorkersInEverySubdistrictAndItsVolunteerAccountSeesItself() {
    JsonNode subdistricts = http.get("/api/v1/volunteers/density?level=subdistrict").json().get("areas");
    assertThat(subdistricts).hasSize(catalog.now().level(AreaLevel.SUBDISTRICT).size());
    for (JsonNode a : subdistricts) {
      assertThat(a.get("volunteers").asInt()).as(a.get("name").asString()).isPositive();
      assertThat(a.get("socialWorkers").asInt()).as(a.get("name").asString()).isPositive();
    }
    JsonNode own = http.get("/api/v1/volunteers", Http.basic("volunteer", TestEnvironment.DEMO_PASSWORD)).json();
    assertThat(own).hasSize(1);
    assertThat(own.get(0).get("name").asString()).as("demo people say they are synthetic").endsWith("（合成）");
    assertThat(own.get(0).get("homeGrid").asString()).isIn(gridsOf(unitOf(COMMUNITY)).stream().map(AreaView::code).toList());
    JsonNode seen = http.get("/api/v1/volunteers", Http.basic("socialworker", TestEnvironment.DEMO_PASSWORD)).json();
    assertThat(seen.findValues("id").stream().map(JsonNode::asLong)).contains(own.get(0).get("id").asLong());
    JsonNode record = http.get("/api/v1/volunteers/" + own.get(0).get("id").asLong() + "/record", ADMIN).json();
    assertThat(ResidentIdNumber.problem(record.get("idNumber").asString(), java.time.LocalDate.now())).isEmpty();
    assertThat(http.get("/api/v1/volunteer-teams", COMMUNITY).json().findValues("name").stream().map(JsonNode::asString))
        .anyMatch(n -> n.endsWith("志愿服务队（合成）"));
  }

  @Test
  void aPersonServesWithAnOrganisationThatExists() {
    String grid = gridsOf(unitOf(COMMUNITY)).get(0).code();
    long org = 990_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
    // Part A's table as the foundation made it: a row by plain SQL, not through the organisations' code.
    jdbc.update("INSERT INTO organisation (id, credit_code, name, kind, created_at) VALUES (?, ?, ?, 'SOCIAL_ORGANISATION', CURRENT_TIMESTAMP)",
        org, String.valueOf(org).substring(0, 9) + "TESTCODE0", "测试社会组织");
    Http.Response withOrg = http.postJson("/api/v1/volunteers",
        body("SOCIAL_WORKER", "测试机构卯", newIdNumber(), newPhone(), grid, ",\"certificateLevel\":\"SENIOR\",\"organisation\":" + org), COMMUNITY);
    assertThat(withOrg.status()).as(withOrg.body()).isEqualTo(201);
    assertThat(withOrg.json().get("organisation").asLong()).isEqualTo(org);
    Http.Response unknown = http.postJson("/api/v1/volunteers",
        body("VOLUNTEER", "测试机构辰", newIdNumber(), newPhone(), grid, ",\"organisation\":" + (org + 1)), COMMUNITY);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().findValues("field").stream().map(JsonNode::asString)).containsExactly("organisation");
    assertThat(rowsNamed("测试机构辰")).isZero();
  }
}
