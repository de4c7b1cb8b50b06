package org.gridwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A demo project as its rows say, read with plain SQL, and the lifecycle rules of issue 15's contract its status must
 * agree with (written here from the contract, not from the demo's code).
 */
record DemoProjectFacts(long id, String status, boolean rectificationUsed, LocalDate startedOn, LocalDate endedOn, BigDecimal budget,
    List<Evaluation> evaluations, List<Tranche> tranches, List<Event> events) {

  record Evaluation(String stage, int attempt, String result, boolean checked) {}

  record Tranche(BigDecimal amount, String releasedOn, String status, boolean reopened) {}

  record Event(String action, String from, String to) {}

  private static final Set<String> BEFORE_CONTRACT = Set.of("APPLIED", "SHORTLISTED", "DECLINED", "APPROVED");

  static Map<Long, DemoProjectFacts> load(JdbcTemplate jdbc) {
    Map<Long, Object[]> heads = new LinkedHashMap<>();
    jdbc.query("SELECT id, status, rectification_used, started_on, ended_on, budget FROM project WHERE synthetic ORDER BY id", rs -> {
      heads.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getBoolean(3), rs.getObject(4, LocalDate.class),
          rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)});
    });
    Map<Long, List<Evaluation>> evaluations = new LinkedHashMap<>();
    jdbc.query("SELECT project_id, stage, attempt, result, checked_at FROM project_evaluation WHERE project_id IN (SELECT id FROM project WHERE synthetic) ORDER BY project_id, reported_at", rs -> {
      evaluations.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
          .add(new Evaluation(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getObject(5) != null));
    });
    Map<Long, List<Tranche>> tranches = new LinkedHashMap<>();
    jdbc.query("SELECT project_id, amount, released_on, status, reopened FROM project_tranche WHERE project_id IN (SELECT id FROM project WHERE synthetic) ORDER BY project_id, seq", rs -> {
      tranches.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
          .add(new Tranche(rs.getBigDecimal(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
    });
    Map<Long, List<Event>> events = new LinkedHashMap<>();
    jdbc.query("SELECT project_id, action, from_status, to_status FROM project_event WHERE project_id IN (SELECT id FROM project WHERE synthetic) ORDER BY project_id, at, id", rs -> {
      events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Event(rs.getString(2), rs.getString(3), rs.getString(4)));
    });
    Map<Long, DemoProjectFacts> out = new LinkedHashMap<>();
    heads.forEach((id, h) -> out.put(id, new DemoProjectFacts(id, (String) h[0], (Boolean) h[1], (LocalDate) h[2], (LocalDate) h[3],
        (BigDecimal) h[4], evaluations.getOrDefault(id, List.of()), tranches.getOrDefault(id, List.of()), events.getOrDefault(id, List.of()))));
    return out;
  }

  /** The published results in order, as STAGE:RESULT. */
  List<String> results() {
    return evaluations.stream().filter(e -> e.result() != null).map(e -> e.stage() + ":" + e.result()).toList();
  }

  void assertConsistent() {
    String what = "project " + id + " " + status + " " + results() + " " + tranches;
    assertThat(tranches.stream().map(Tranche::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).as(what).isEqualByComparingTo(budget);
    assertThat(tranches).as(what).allSatisfy(t -> assertThat(!t.reopened() || "RELEASED".equals(t.status())).isTrue());
    assertThat(events).as(what).isNotEmpty();
    assertThat(events.get(0)).as(what).isEqualTo(new Event("APPLIED", null, "APPLIED"));
    for (int i = 1; i < events.size(); i++) assertThat(events.get(i).from()).as(what + " event " + i).isEqualTo(events.get(i - 1).to());
    assertThat(events.get(events.size() - 1).to()).as(what).isEqualTo(status);
    if (BEFORE_CONTRACT.contains(status)) {
      assertThat(evaluations).as(what).isEmpty();
      assertThat(tranches).as(what).allSatisfy(t -> assertThat(t.status()).isEqualTo("PENDING"));
      assertThat(startedOn).as(what).isNull();
      return;
    }
    assertThat(tranches(step("CONTRACT"))).as(what).containsOnly("RELEASED");
    assertThat(startedOn).as(what).isNotNull();
    Evaluation last = evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
    switch (status) {
      case "RUNNING" -> {
        assertThat(last == null || "MIDTERM:PASS".equals(last.stage() + ":" + last.result())).as(what).isTrue();
        assertThat(tranches(step("MIDTERM"))).as(what).containsOnly(last == null ? "PENDING" : "RELEASED");
      }
      case "MIDTERM_REVIEW", "FINAL_REVIEW" -> {
        assertThat(last).as(what).isNotNull();
        assertThat(last.stage() + "_REVIEW").as(what).isEqualTo(status);
        assertThat(last.result()).as(what).isNull();
      }
      case "RECTIFYING" -> {
        assertThat(rectificationUsed).as(what).isTrue();
        assertThat(last.result()).as(what).isIn("RECTIFY", "FAIL");
        assertThat(tranches(step(last.stage()))).as(what).containsOnly("STOPPED");
      }
      case "CLOSED" -> {
        assertThat(last.stage()).as(what).isEqualTo("FINAL");
        assertThat(tranches(step("FINAL"))).as(what).containsOnly("PASS".equals(last.result()) ? "RELEASED" : "STOPPED");
        assertThat(tranches(step("MIDTERM"))).as(what).containsOnly("RELEASED");
        assertThat(endedOn).as(what).isNotNull();
      }
      case "TERMINATED" -> {
        assertThat(tranches).as(what).noneSatisfy(t -> assertThat(t.status()).isEqualTo("PENDING"));
        assertThat(endedOn).as(what).isNotNull();
      }
      default -> throw new AssertionError("unknown status: " + what);
    }
    assertThat(evaluations).as(what + ": every result published after a check")
        .allSatisfy(e -> assertThat(e.result() == null || e.checked()).isTrue());
  }

  private static java.util.function.Predicate<Tranche> step(String step) { return t -> t.releasedOn().equals(step); }

  private List<String> tranches(java.util.function.Predicate<Tranche> which) {
    return tranches.stream().filter(which).map(Tranche::status).toList();
  }
}
