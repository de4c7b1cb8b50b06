package org.gridwatch.staff;

import org.gridwatch.support.RosterFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
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
 * Issue 11 §3: a district brings its roster as a spreadsheet. Each test imports into grids of its own (the last grids
 * of the demo, by code) so that the tests do not depend on each other's order.
 */
abstract class RosterImportContract {
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  static final String[] OPERATOR = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);

  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog areas;
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  /** The n-th grid from the end, by code: far from the grids other tests edit. */
  String grid(int fromEnd) {
    List<String> codes = areas.now().level(AreaLevel.GRID).stream().map(AreaView::code).sorted().toList();
    return codes.get(codes.size() - 1 - fromEnd);
  }

  static List<Object> row(String code, String name, Object phone, String role, Object grid, String team, String teamName, String from) {
    List<Object> r = new ArrayList<>();
    r.add(code); r.add(name); r.add(phone); r.add(role); r.add(grid); r.add(null); r.add(team); r.add(teamName); r.add(from);
    return r;
  }

  static List<List<Object>> file(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    out.add(new ArrayList<>(RosterFiles.HEADER));
    out.addAll(rows);
    return out;
  }

  @Test
  void anImportedWorkbookIsTheGridsRosterWithRolesAndCompleteness() {
    String g = grid(0);
    String before = jdbc.queryForObject("select p.name from grid_assignment a join person p on p.id = a.person_id where a.grid_code = ? "
        + "and a.role = 'FULL_TIME_MEMBER' and a.valid_to is null", String.class, g);
    // The grid code and a phone typed as numbers, as they are in many district spreadsheets.
    byte[] book = RosterFiles.xlsx(file(List.of(
        row("X1001", "林晓燕", 18800001001L, "专职网格员", Long.parseLong(g), null, null, "2025-03-01"),
        row("X1002", "高志强", "188 0000 1002", "网格长", g, null, null, null),
        row("X1003", "物业 王海", null, "兼职网格员", g, null, null, null),
        row("X1004", "赵警官", "18800001004", "社区民警", g, null, null, null),
        row("X1005", "钱辅警", null, "辅警", g, null, null, null),
        row("X1006", "孙辅警", null, "AUXILIARY_OFFICER", g, null, null, null),
        row("X1007", "周队员", null, "巡防队", g, "XT-P-1", "红旗巡防队", null),
        row(null, null, null, "volunteer team", g, "XT-V-1", "邻里志愿服务队", null))));

    RosterFiles.Answer r = RosterFiles.post(http, "/api/v1/roster/import", book, RosterFiles.XLSX, ADMIN);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode report = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.text());
    assertThat(report.get("stored").asInt()).isEqualTo(8);
    assertThat(report.get("refused").asInt()).isZero();

    Http.Response roster = http.get("/api/v1/grids/" + g + "/roster", OPERATOR);
    assertThat(roster.status()).isEqualTo(200);
    JsonNode body = roster.json();
    assertThat(body.at("/gridMember/name").asString()).isEqualTo("林晓燕");
    assertThat(body.at("/policeOfficer/name").asString()).isEqualTo("赵警官");
    assertThat(body.at("/patrolTeam/name").asString()).isEqualTo("红旗巡防队");
    assertThat(body.at("/volunteerTeam/name").asString()).isEqualTo("邻里志愿服务队");
    assertThat(body.get("gaps").size()).isZero();
    List<String> roles = new ArrayList<>();
    body.get("people").forEach(h -> roles.add(h.get("role").asString() + ":" + (h.get("person").isNull() ? "-" : h.at("/person/code").asString())));
    assertThat(roles).containsExactlyInAnyOrder("GRID_HEAD:X1002", "FULL_TIME_MEMBER:X1001", "PART_TIME_MEMBER:X1003",
        "COMMUNITY_OFFICER:X1004", "AUXILIARY_OFFICER:X1005", "AUXILIARY_OFFICER:X1006", "PATROL_TEAM:X1007", "VOLUNTEER_TEAM:-");
    assertThat(roster.body()).as("the grid's former member is no longer listed").doesNotContain("\"" + before + "\"")
        .as("phones are never on the roster").doesNotContain("18800001001").doesNotContain("18800001004");
    assertThat(body.at("/people/1/roleZh").asString()).isNotBlank();
    // The dated history keeps the former member; the grid is complete in coverage's eyes too.
    assertThat(jdbc.queryForObject("select count(*) from grid_assignment a join person p on p.id = a.person_id where a.grid_code = ? "
        + "and p.name = ? and a.valid_to is not null", Integer.class, g, before)).isEqualTo(1);
    Http.Response coverage = http.get("/api/v1/coverage/grids/" + g, OPERATOR);
    assertThat(coverage.json().get("staffingComplete").asBoolean()).as(coverage.body()).isTrue();
    assertThat(jdbc.queryForObject("select phone from person where code = 'X1002'", String.class)).isEqualTo("18800001002");
  }

  @Test
  void aCaseInAGridOfAnImportedCsvReachesItsGridMemberWhoseAccountSeesItInTheQueue() {
    String g = grid(1), other = grid(2);
    // Excel on Chinese Windows saves "CSV" in GBK; only the full-time member and an officer: two teams missing.
    byte[] csv = RosterFiles.csv(file(List.of(
        row("X2001", "欧阳明, 网格员", "18800002001", "专职网格员", g, null, null, null),
        row("X2002", "韩警官", "18800002002", "社区民警", g, null, null, null))), Charset.forName("GBK"));
    RosterFiles.Answer r = RosterFiles.post(http, "/api/v1/roster/import", csv, "text/csv", ADMIN);
    assertThat(r.status()).as(r.text()).isEqualTo(200);

    JsonNode roster = http.get("/api/v1/grids/" + g + "/roster", OPERATOR).json();
    assertThat(roster.at("/gridMember/name").asString()).isEqualTo("欧阳明, 网格员");
    List<String> gaps = new ArrayList<>();
    roster.get("gaps").forEach(s -> gaps.add(s.asString()));
    assertThat(gaps).containsExactly("PATROL_TEAM", "VOLUNTEER_TEAM");
    JsonNode allGaps = http.get("/api/v1/roster/gaps", OPERATOR).json();
    List<String> incomplete = new ArrayList<>();
    allGaps.get("gaps").forEach(x -> incomplete.add(x.get("gridCode").asString()));
    assertThat(incomplete).contains(g);

    Http.Response account = http.postJson("/api/v1/people/X2001/account",
        "{\"username\":\"ouyang.ming\",\"password\":\"a-long-secret-2025\"}", ADMIN);
    assertThat(account.status()).as(account.body()).isEqualTo(201);
    assertThat(account.json().get("role").asString()).isEqualTo("GRID_WORKER");
    assertThat(account.body()).doesNotContain("a-long-secret-2025");

    String mine = report(g), notMine = report(other);
    String[] member = Http.basic("ouyang.ming", "a-long-secret-2025");
    Http.Response me = http.get("/api/v1/me", member);
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    List<String> queue = new ArrayList<>();
    http.get("/api/v1/incidents?limit=500", member).json().get("items").forEach(i -> queue.add(i.get("id").asString()));
    assertThat(queue).contains(mine).doesNotContain(notMine);
    assertThat(http.get("/api/v1/incidents/" + notMine, member).body()).as("another grid's case in full").doesNotContain("垃圾堆放");
  }

  @Test
  void accountsAreForAdminsOnePerPersonWithTheRoleOfTheirDuty() {
    String g = grid(3);
    RosterFiles.Answer r = RosterFiles.post(http, "/api/v1/roster/import", RosterFiles.csv(file(List.of(
        row("X3001", "冯警官", "18800003001", "社区民警", g, null, null, null))), StandardCharsets.UTF_8), "text/csv", ADMIN);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    String ok = "{\"username\":\"feng.police\",\"password\":\"another-long-secret\"}";
    assertThat(http.postJson("/api/v1/people/X3001/account", ok, OPERATOR).status()).isEqualTo(403);
    Http.Response wrongRole = http.postJson("/api/v1/people/X3001/account",
        "{\"username\":\"feng.police\",\"role\":\"GRID_WORKER\",\"password\":\"another-long-secret\"}", ADMIN);
    assertThat(wrongRole.status()).isEqualTo(400);
    assertThat(wrongRole.json().at("/errors/0/field").asString()).isEqualTo("role");
    Http.Response shortPassword = http.postJson("/api/v1/people/X3001/account", "{\"username\":\"feng.police\",\"password\":\"short\"}", ADMIN);
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.json().at("/errors/0/field").asString()).isEqualTo("password");
    assertThat(http.postJson("/api/v1/people/NOBODY/account", ok, ADMIN).status()).isEqualTo(404);
    Http.Response taken = http.postJson("/api/v1/people/X3001/account", "{\"username\":\"admin\",\"password\":\"another-long-secret\"}", ADMIN);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(http.get("/api/v1/me", Http.basic("feng.police", "another-long-secret")).status()).as("nothing half-made").isEqualTo(401);

    Http.Response created = http.postJson("/api/v1/people/X3001/account", ok, ADMIN);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("role").asString()).isEqualTo("POLICE");
    assertThat(http.postJson("/api/v1/people/X3001/account", "{\"username\":\"feng2\",\"password\":\"another-long-secret\"}", ADMIN).status())
        .isEqualTo(409);
    assertThat(http.get("/api/v1/me", Http.basic("feng.police", "another-long-secret")).status()).isEqualTo(200);
  }

  @Test
  void everyBadRowIsNamedAndNothingIsStored() {
    String g = grid(4);
    String rosterBefore = http.get("/api/v1/grids/" + g + "/roster", OPERATOR).body();
    long[] counts = counts();
    List<List<Object>> rows = List.of(
        row("X4001", "甲", "18800004001", "网格长", g, null, null, null),
        row("X4001", "乙", "18800004001", "兼职网格员", g, null, null, null),   // rows[1]: one code, two names
        row("X4002", "丙", null, "专职网格员", "370203999999999", null, null, null), // rows[2]: no such grid
        row("X4003", "丁", null, "网格大王", g, null, null, null),              // rows[3]: no such role
        row("X4004", "戊", "12345", "兼职网格员", g, null, null, null),          // rows[4]: not a phone
        row("X4001", "甲", null, "GRID_HEAD", g, null, null, null),             // rows[5]: the same person twice in one role and grid
        row("X4005", "己", null, "巡防队", g, "XT-NEW", null, null),            // rows[6]: a new team without its name
        row("X4006", "庚", null, "专职网格员", g, null, null, "2999-01-01"));   // rows[7]: a role that has not begun
    RosterFiles.Answer r = RosterFiles.post(http, "/api/v1/roster/import", RosterFiles.xlsx(file(rows)), RosterFiles.XLSX, ADMIN);
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode problem = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.text());
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactly("rows[1].name", "rows[2].grid", "rows[3].role", "rows[4].phone", "rows[5].code",
        "rows[6].team_name", "rows[7].valid_from");
    assertThat(r.text()).as("the place the user sees: the header is spreadsheet row 1").contains("spreadsheet row 3");
    assertThat(counts()).as("nothing stored").isEqualTo(counts);
    assertThat(http.get("/api/v1/grids/" + g + "/roster", OPERATOR).body()).isEqualTo(rosterBefore);
    RosterFiles.Answer zh = RosterFiles.post(http, "/api/v1/roster/import", RosterFiles.xlsx(file(rows)), RosterFiles.XLSX, ADMIN,
        "Accept-Language", "zh-CN");
    assertThat(zh.text()).as("reasons in the reader's language").contains("表格第 3 行").contains("未知角色“网格大王”");

    // The dry run reports the same and stores nothing; partial=true keeps the good row.
    RosterFiles.Answer dry = RosterFiles.post(http, "/api/v1/roster/import?dryRun=true", RosterFiles.xlsx(file(rows)), RosterFiles.XLSX, ADMIN);
    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.text()).contains("\"refused\":7").contains("\"stored\":1").contains("\"dryRun\":true");
    assertThat(counts()).isEqualTo(counts);
    RosterFiles.Answer partial = RosterFiles.post(http, "/api/v1/roster/import?partial=true", RosterFiles.xlsx(file(rows)), RosterFiles.XLSX, ADMIN);
    assertThat(partial.status()).as(partial.text()).isEqualTo(200);
    assertThat(partial.text()).contains("\"refused\":7").contains("\"stored\":1");
    assertThat(http.get("/api/v1/grids/" + g + "/roster", OPERATOR).json().get("people").toString()).contains("X4001");
  }

  @Test
  void malformedAndOversizedFilesAreRefusedNamingTheFile() {
    long[] counts = counts();
    byte[] random = new byte[4096];
    new Random(11).nextBytes(random);
    assertRefusesFile(RosterFiles.post(http, "/api/v1/roster/import", random, RosterFiles.XLSX, ADMIN), "xlsx");
    List<List<Object>> noHeader = List.of(row("X5001", "甲", null, "专职网格员", grid(5), null, null, null));
    assertRefusesFile(RosterFiles.post(http, "/api/v1/roster/import", RosterFiles.xlsx(noHeader), RosterFiles.XLSX, ADMIN), "header");
    assertRefusesFile(RosterFiles.post(http, "/api/v1/roster/import", RosterFiles.xlsx(List.of()), RosterFiles.XLSX, ADMIN), "empty");
    assertRefusesFile(RosterFiles.post(http, "/api/v1/roster/import", RosterFiles.xlsx(List.of(new ArrayList<>(RosterFiles.HEADER))),
        RosterFiles.XLSX, ADMIN), "no rows");
    assertRefusesFile(RosterFiles.post(http, "/api/v1/roster/import", "\"unclosed,quote\r\n".getBytes(StandardCharsets.UTF_8), "text/csv", ADMIN),
        "never closed");
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    RosterFiles.Answer tooBig = RosterFiles.post(http, "/api/v1/roster/import", huge, "text/csv", ADMIN);
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.contentType()).startsWith("application/problem+json");
    assertThat(RosterFiles.post(http, "/api/v1/roster/import", random, RosterFiles.XLSX, OPERATOR).status()).isEqualTo(403);
    assertThat(counts()).isEqualTo(counts);
  }

  @Test
  void theExportRoundTripsAndHoldsPhonesForAdminsOnly() {
    assertThat(RosterFiles.get(http, "/api/v1/roster/export?f=csv", OPERATOR).status()).isEqualTo(403);
    assertThat(RosterFiles.get(http, "/api/v1/roster/export?f=pdf", ADMIN).status()).isEqualTo(400);
    for (String f : List.of("xlsx", "csv")) {
      RosterFiles.Answer export = RosterFiles.get(http, "/api/v1/roster/export?f=" + f, ADMIN);
      assertThat(export.status()).isEqualTo(200);
      String type = f.equals("xlsx") ? RosterFiles.XLSX : "text/csv";
      assertThat(export.contentType()).startsWith(type);
      long[] counts = counts();
      RosterFiles.Answer again = RosterFiles.post(http, "/api/v1/roster/import?dryRun=true", export.body(), type, ADMIN);
      assertThat(again.status()).as(again.text().substring(0, Math.min(2000, again.text().length()))).isEqualTo(200);
      JsonNode report = tools.jackson.databind.json.JsonMapper.builder().build().readTree(again.text());
      assertThat(report.get("refused").asInt()).as(again.text().substring(0, Math.min(2000, again.text().length()))).isZero();
      assertThat(report.get("added").asInt()).as(f).isZero();
      assertThat(report.get("ended").asInt()).as(f).isZero();
      int grids = jdbc.queryForObject("select count(*) from grid_assignment where valid_to is null", Integer.class);
      assertThat(report.get("unchanged").asInt()).isEqualTo(grids);
      assertThat(counts()).isEqualTo(counts);
    }
    String csv = RosterFiles.get(http, "/api/v1/roster/export?f=csv", ADMIN).text();
    String phone = jdbc.queryForObject("select min(phone) from person", String.class);
    assertThat(csv).startsWith("\uFEFF人员编号 code,").contains(phone);
  }

  private void assertRefusesFile(RosterFiles.Answer r, String says) {
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text()).contains("\"field\":\"file\"").contains(says);
  }

  private long[] counts() {
    return new long[] {
        jdbc.queryForObject("select count(*) from person", Long.class),
        jdbc.queryForObject("select count(*) from team", Long.class),
        jdbc.queryForObject("select count(*) from grid_assignment", Long.class),
        jdbc.queryForObject("select count(*) from grid_assignment where valid_to is null", Long.class)};
  }

  /** Reports a case at a point inside the grid and answers its number. */
  private String report(String grid) {
    Point p = areas.now().find(grid).orElseThrow().boundary().getInteriorPoint();
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT, "{\"category\":\"SANITATION\",\"location\":"
        + "{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾堆放\"}", p.getX(), p.getY()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("gridCode") == null ? grid : r.json().get("gridCode").asString()).isEqualTo(grid);
    return r.json().get("id").asString();
  }
}
