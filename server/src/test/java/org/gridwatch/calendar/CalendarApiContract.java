package org.gridwatch.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The working calendar per year: public to read, ADMIN replaces a year (validated, audited), deadlines of new
 * cases follow at once, and {@code /actuator/health} warns about a year that is due but not loaded.
 */
abstract class CalendarApiContract {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String REPORT = "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\","
      + "\"coordinates\":[120.3754,36.0989]},\"description\":\"垃圾满溢\"}";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired YearSchedules schedules;

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  static String body(List<String> holidays, List<String> workdays, String source) {
    return "{\"holidays\":" + array(holidays) + ",\"workdays\":" + array(workdays) + ",\"source\":\"" + source + "\"}";
  }

  static String array(List<String> dates) {
    return dates.stream().map(d -> "\"" + d + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  /** Puts a year back as it was: its old schedule, or unpublished (straight in the database: there is no DELETE). */
  void restore(int year, JsonNode before) {
    if (before.get("published").asBoolean()) {
      Http.Response r = new Http(port).put("/api/v1/calendar/" + year,
          body(strings(before.get("holidays")), strings(before.get("workdays")), before.get("source").asString()), as("admin"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    } else {
      jdbc.update("delete from calendar_year where year_number = ?", year);
      schedules.reload();
    }
  }

  @Test
  void theShippedYearsArePublicAndAYearWithoutDataSaysSo() {
    Http http = new Http(port);
    JsonNode y2026 = http.get("/api/v1/calendar/2026").json();
    assertThat(y2026.get("published").asBoolean()).isTrue();
    assertThat(strings(y2026.get("holidays"))).contains("2026-02-15", "2026-10-07").doesNotContain("2026-10-10");
    assertThat(strings(y2026.get("workdays"))).containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
        "2026-09-20", "2026-10-10");
    assertThat(y2026.get("source").asString()).contains("国务院办公厅");
    assertThat(http.get("/api/v1/calendar/2025").json().get("published").asBoolean()).isTrue();

    JsonNode y2031 = http.get("/api/v1/calendar/2031", "Accept-Language", "zh-CN").json();
    assertThat(y2031.get("published").asBoolean()).isFalse();
    assertThat(y2031.get("holidays")).isEmpty();
    assertThat(y2031.get("rule").asString()).contains("周一至周五");
    assertThat(http.get("/api/v1/calendar/1999").status()).isEqualTo(400);
    assertThat(http.get("/api/v1/calendar").json().get("published").toString()).contains("2025", "2026");
  }

  @Test
  void onlyAnAdminReplacesAYearAndEveryChangeIsAudited() {
    Http http = new Http(port);
    String put2031 = body(List.of("2031-01-01", "2031-01-22", "2031-01-23"), List.of("2031-01-26"), "测试安排");
    assertThat(http.put("/api/v1/calendar/2031", put2031).status()).isIn(401, 403);
    for (String user : List.of("operator", "resident")) {
      Http.Response denied = http.put("/api/v1/calendar/2031", put2031, as(user));
      assertThat(denied.status()).as(user).isEqualTo(403);
      assertThat(denied.json().get("detail").asString()).contains("ADMIN");
    }
    assertThat(http.get("/api/v1/calendar/2031").json().get("published").asBoolean()).isFalse();
    assertThat(http.get("/api/v1/calendar/2031/changes", as("operator")).status()).isEqualTo(403);
    try {
      Http.Response ok = http.put("/api/v1/calendar/2031", put2031, as("admin"));
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      assertThat(ok.json().get("published").asBoolean()).isTrue();
      assertThat(strings(http.get("/api/v1/calendar/2031").json().get("holidays"))).containsExactly("2031-01-01", "2031-01-22", "2031-01-23");

      Http.Response edit = http.put("/api/v1/calendar/2031",
          body(List.of("2031-01-01", "2031-01-22", "2031-01-24"), List.of(), "测试安排"), as("admin"));
      assertThat(edit.status()).as(edit.body()).isEqualTo(200);
      JsonNode changes = http.get("/api/v1/calendar/2031/changes", as("admin")).json();
      assertThat(changes).hasSize(2);
      JsonNode last = changes.get(0);
      assertThat(last.get("by").asString()).isEqualTo("admin");
      assertThat(last.get("role").asString()).isEqualTo("ADMIN");
      assertThat(Instant.parse(last.get("at").asString())).isAfter(Instant.now().minusSeconds(60));
      assertThat(last.get("summary").asString()).contains("+2031-01-24", "-2031-01-23", "workdays -2031-01-26");
      assertThat(changes.get(1).get("summary").asString()).startsWith("published");
    } finally {
      jdbc.update("delete from calendar_change where year_number = 2031");
      restore(2031, http.get("/api/v1/calendar/2030").json()); // 2030 is unpublished: unpublish 2031 again
    }
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndStoresNothing() {
    Http http = new Http(port);
    Http.Response outside = http.put("/api/v1/calendar/2031",
        body(List.of("2031-01-01", "2032-01-01"), List.of("2031-13-40"), "x"), as("admin"));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.contentType()).startsWith("application/problem+json");
    assertThat(outside.json().at("/errors/0/field").asString()).isEqualTo("holidays[1]");
    assertThat(outside.json().at("/errors/0/reason").asString()).contains("not in 2031");
    assertThat(outside.json().at("/errors/1/field").asString()).isEqualTo("workdays[0]");

    Http.Response both = http.put("/api/v1/calendar/2031", body(List.of("2031-02-01"), List.of("2031-02-01"), ""),
        "Accept-Language", "zh-CN", as("admin")[0], as("admin")[1]);
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().at("/errors/0/field").asString()).isEqualTo("workdays[0]");
    assertThat(both.json().at("/errors/0/reason").asString()).contains("既放假又上班");
    assertThat(both.json().at("/errors/1/field").asString()).isEqualTo("source");

    Http.Response missing = http.put("/api/v1/calendar/2031", "{\"source\":\"x\"}", as("admin"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("\"holidays\"", "\"workdays\"");
    assertThat(http.put("/api/v1/calendar/2031", "{\"holidays\":{},\"workdays\":[],\"source\":\"x\"}", as("admin")).status()).isEqualTo(400);
    assertThat(http.put("/api/v1/calendar/99999", body(List.of(), List.of(), "x"), as("admin")).status()).isEqualTo(400);
    assertThat(http.get("/api/v1/calendar/2031").json().get("published").asBoolean()).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from calendar_change where year_number = 2031", Integer.class)).isZero();
  }

  /** Issue 10: wrong JSON types and out-of-range years are 400s naming the field; nothing is stored or audited. */
  @Test
  void wrongTypesAndYearsAreRefusedNamingTheFieldAndStoreNothing() {
    Http http = new Http(port);
    JsonNode before = http.get("/api/v1/calendar/2032").json();
    String[][] cases = {
        {"{\"holidays\":\"2032-01-01\",\"workdays\":[],\"source\":\"x\"}", "holidays"},
        {"{\"holidays\":[{\"date\":\"2032-01-01\"}],\"workdays\":[],\"source\":\"x\"}", "holidays[0]"},
        {"{\"holidays\":[],\"workdays\":[[\"2032-01-01\"]],\"source\":\"x\"}", "workdays[0]"},
        {"{\"holidays\":[],\"workdays\":[],\"source\":{\"notice\":\"x\"}}", "source"},
        {"{\"holidays\":[],\"workdays\":[],\"source\":\"" + "x".repeat(401) + "\"}", "source"},
        {"[\"2032-01-01\"]", "body"}};
    for (String[] c : cases) {
      Http.Response r = http.put("/api/v1/calendar/2032", c[0], as("admin"));
      assertThat(r.status()).as(c[0] + " " + r.body()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().at("/errors/0/field").asString()).as(r.body()).isEqualTo(c[1]);
    }
    for (String year : List.of("1999", "2101", "-2032", "99999999999", "twenty")) {
      Http.Response r = http.put("/api/v1/calendar/" + year, body(List.of(), List.of(), "x"), as("admin"));
      assertThat(r.status()).as(year + " " + r.body()).isEqualTo(400);
      assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("year");
      assertThat(http.get("/api/v1/calendar/" + year).status()).isEqualTo(400);
    }
    assertThat(http.get("/api/v1/calendar/2032").json()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from calendar_change where year_number = 2032", Integer.class)).isZero();
  }

  @Test
  void aNewHolidayMovesTheDeadlineOfTheNextCase() {
    Http http = new Http(port);
    Http.Response first = http.postJson("/api/v1/incidents", REPORT);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    LocalDate due = Instant.parse(first.json().get("deadline").asString()).atZone(BEIJING).toLocalDate();
    int year = due.getYear();
    JsonNode before = http.get("/api/v1/calendar/" + year).json();
    List<String> holidays = new ArrayList<>(strings(before.get("holidays")));
    holidays.add(due.toString());
    String source = before.get("published").asBoolean() ? before.get("source").asString() : "test";
    try {
      Http.Response put = http.put("/api/v1/calendar/" + year, body(holidays, strings(before.get("workdays")), source), as("admin"));
      assertThat(put.status()).as(put.body()).isEqualTo(200);
      Http.Response second = http.postJson("/api/v1/incidents", REPORT);
      LocalDate moved = Instant.parse(second.json().get("deadline").asString()).atZone(BEIJING).toLocalDate();
      assertThat(moved).as("the day the first case was due is now a holiday").isAfter(due);
    } finally {
      jdbc.update("delete from calendar_change where year_number = ? and changed_by = 'admin'", year);
      restore(year, before);
    }
  }

  @Test
  void healthWarnsAboutAYearThatIsDueButStaysUp() {
    Http http = new Http(port);
    List<String> due = strings(http.get("/api/v1/calendar").json().get("due"));
    JsonNode health = http.get("/actuator/health").json();
    assertThat(health.get("status").asString()).isEqualTo("UP");
    JsonNode calendar = health.at("/components/calendar");
    if (!due.isEmpty()) { // from 1 December, or in a year shipped without its schedule
      assertThat(calendar.get("status").asString()).isEqualTo("WARNING");
      assertThat(calendar.get("description").asString()).contains(due.get(0));
    }
    List<JsonNode> before = new ArrayList<>();
    for (String y : due) before.add(http.get("/api/v1/calendar/" + y).json());
    try {
      for (String y : due) {
        assertThat(http.put("/api/v1/calendar/" + y, body(List.of(y + "-01-01"), List.of(), "test"), as("admin")).status()).isEqualTo(200);
      }
      JsonNode loaded = http.get("/actuator/health").json();
      assertThat(loaded.at("/components/calendar/status").asString()).isEqualTo("UP");
      assertThat(loaded.get("status").asString()).isEqualTo("UP");
    } finally {
      for (int i = 0; i < due.size(); i++) {
        jdbc.update("delete from calendar_change where year_number = ? and changed_by = 'admin'", Integer.parseInt(due.get(i)));
        restore(Integer.parseInt(due.get(i)), before.get(i));
      }
    }
  }
}
