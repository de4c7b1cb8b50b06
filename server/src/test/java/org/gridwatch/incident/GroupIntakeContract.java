package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: intake through the group-committing writer. Many residents reporting at once are all answered, each
 * with its own case in the right grid and its own number; the same idempotency key sent at once by many callers
 * makes one case and one answer; a report the database refuses does not take its batch-mates down with it. The writer
 * is off by default; the test profiles switch it on (a property of its own here would start a second context on the
 * shared database).
 */
abstract class GroupIntakeContract {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired GroupIntake group;
  @Autowired Intake intake;
  @Autowired IntakeWrite write;
  @Autowired Duplicates duplicates;
  @Autowired PlatformTransactionManager transactions;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  record Spot(String grid, Point point) {}

  static List<Spot> spots(int n) {
    return DemoFiles.read("grids").stream().limit(n).map(g -> new Spot(g.code(), g.geometry().getInteriorPoint())).toList();
  }

  static String report(String category, Point p, String description) {
    return String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
        + "\"description\":\"%s\"}", category, p.getX(), p.getY(), description);
  }

  /** Runs the calls on {@code threads} threads, released together, and returns the answers in call order. */
  static <T> List<T> together(int threads, List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> c : calls) futures.add(pool.submit(() -> {
        go.await();
        return c.call();
      }));
      go.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> f : futures) answers.add(f.get(120, TimeUnit.SECONDS));
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoHundredReportsFromSixteenThreadsAreAllStoredInTheirGridsWithDistinctNumbers() throws Exception {
    List<Spot> spots = spots(200);
    long commitsBefore = group.commits();
    List<Callable<Http.Response>> calls = new ArrayList<>();
    for (Spot s : spots) calls.add(() -> http.postJson("/api/v1/incidents", report("SANITATION", s.point(), "group intake " + s.grid())));
    List<Http.Response> answers = together(16, calls);
    long commits = group.commits() - commitsBefore;

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      Http.Response r = answers.get(i);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      String id = r.json().get("id").asString();
      ids.add(id);
      assertThat(r.header("Location")).endsWith("/api/v1/incidents/" + id);
      String grid = jdbc.queryForObject("select grid_code from incident where public_id = ?", String.class, id);
      assertThat(grid).as("report %d placed in the grid it lies in", i).isEqualTo(spots.get(i).grid());
      assertThat(jdbc.queryForObject("select count(*) from incident_event e join incident c on c.id = e.incident_id"
          + " where c.public_id = ? and e.type = 'REPORTED'", Integer.class, id)).as("its first history entry").isEqualTo(1);
    }
    assertThat(new HashSet<>(ids)).as("no number given twice").hasSize(200);
    assertThat(commits).as("reports arriving together shared commits").isLessThan(200).isPositive();
  }

  @Test
  void theSameKeyFromSixteenThreadsAtOnceMakesOneCaseAndOneAnswer() throws Exception {
    Point p = spots(1).get(0).point();
    String body = report("ROAD_NOT_CLEAN", p, "same key many times");
    String key = "group-" + System.nanoTime();
    int before = count();
    List<Callable<Http.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) calls.add(() -> http.postJson("/api/v1/incidents", body, "Idempotency-Key", key));
    List<Http.Response> answers = together(16, calls);

    assertThat(count()).as("exactly one case made").isEqualTo(before + 1);
    String made = jdbc.queryForObject("select i.public_id from incident i join idempotency_key k on k.incident_id = i.id"
        + " where k.idem_key = ?", String.class, key);
    assertThat(answers.stream().filter(r -> r.status() == 201).count()).as("one call made it").isEqualTo(1);
    String token = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().get("followToken").asString();
    for (Http.Response r : answers) {
      assertThat(r.status()).as(r.body()).isIn(200, 201);
      assertThat(r.json().get("id").asString()).isEqualTo(made);
      assertThat(r.json().get("followToken").asString()).as("the same follow token for every caller").isEqualTo(token);
    }
    Http.Response later = http.postJson("/api/v1/incidents", body, "Idempotency-Key", key);
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.json().get("id").asString()).isEqualTo(made);
  }

  @Test
  void aDifferentBodyWithAKeyInUseIsTheConflict() throws Exception {
    Point p = spots(2).get(1).point();
    String road = report("ROAD_NOT_CLEAN", p, "first body");
    String sanitation = report("SANITATION", p, "second body");
    String key = "group-conflict-" + System.nanoTime();
    int before = count();
    List<Callable<Http.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String body = i % 2 == 0 ? road : sanitation;
      calls.add(() -> http.postJson("/api/v1/incidents", body, "Idempotency-Key", key));
    }
    List<Http.Response> answers = together(16, calls);

    assertThat(count()).as("one case for the key").isEqualTo(before + 1);
    String category = jdbc.queryForObject("select i.category_code from incident i join idempotency_key k on k.incident_id = i.id"
        + " where k.idem_key = ?", String.class, key);
    int refused = 0;
    for (int i = 0; i < answers.size(); i++) {
      Http.Response r = answers.get(i);
      String sent = i % 2 == 0 ? "ROAD_NOT_CLEAN" : "SANITATION";
      if (sent.equals(category)) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
      } else {
        refused++;
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/type").asString()).endsWith("idempotency-key-reused");
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
      }
    }
    assertThat(refused).isEqualTo(8);
  }

  /** A report the database refuses (here: a check constraint the test adds) fails alone; its batch-mates are stored. */
  @Test
  void oneReportTheDatabaseRefusesDoesNotFailItsNeighbours() throws Exception {
    List<Spot> spots = spots(40).subList(20, 40);
    jdbc.execute("alter table incident add constraint test_refuses_poison check (description <> 'poison')");
    try {
      Http.Response alone = http.postJson("/api/v1/incidents", report("SANITATION", spots.get(0).point(), "poison"));
      assertThat(alone.status()).as("the database refuses it: " + alone.body()).isNotEqualTo(201);
      List<Callable<Http.Response>> calls = new ArrayList<>();
      for (int i = 0; i < spots.size(); i++) {
        String description = i == 10 ? "poison" : "neighbour " + i;
        Point p = spots.get(i).point();
        calls.add(() -> http.postJson("/api/v1/incidents", report("SANITATION", p, description)));
      }
      List<Http.Response> answers = together(16, calls);
      for (int i = 0; i < answers.size(); i++) {
        Http.Response r = answers.get(i);
        if (i == 10) {
          assertThat(r.status()).as("refused as it is alone: " + r.body()).isEqualTo(alone.status());
        } else {
          assertThat(r.status()).as(r.body()).isEqualTo(201);
          assertThat(jdbc.queryForObject("select description from incident where public_id = ?", String.class,
              r.json().get("id").asString())).isEqualTo("neighbour " + i);
        }
      }
      assertThat(jdbc.queryForObject("select count(*) from incident where description = 'poison'", Integer.class)).isZero();
    } finally {
      jdbc.execute("alter table incident drop constraint test_refuses_poison");
    }
  }

  /**
   * The writer stores a batch with one duplicate query for all its reports: each report still links to the nearest
   * open case before it, stored or earlier in the same batch, exactly as one-by-one writes would; one 300 m away
   * links to none.
   */
  @Test
  void aBatchLinksEachReportToTheNearestEarlierReportAsOneByOneWritesWould() {
    String category = "MUNICIPAL_FACILITY";
    double metre = 1 / 111_320.0; // degrees of latitude per metre
    Point base = spots(400).stream().skip(100).map(Spot::point)
        .filter(p -> duplicates.likelyDuplicates(List.of(new Duplicates.Probe(category, p), new Duplicates.Probe(category,
            org.gridwatch.geo.Geometries.point(p.getX(), p.getY() + 300 * metre))), java.time.Instant.now()).stream()
            .allMatch(java.util.Optional::isEmpty))
        .findFirst().orElseThrow();
    List<Intake.Checked> batch = new ArrayList<>();
    for (int k = 0; k < 5; k++) batch.add(checked(category, base.getX(), base.getY() + 8 * k * metre));
    batch.add(checked(category, base.getX(), base.getY() + 300 * metre));

    List<Intake.Result> written = new TransactionTemplate(transactions).execute(status -> write.writeAll(batch));

    assertThat(written.get(0).duplicateOf()).as("the first has nothing before it").isNull();
    for (int k = 1; k < 5; k++) {
      String previous = written.get(k - 1).incident().getPublicId();
      assertThat(written.get(k).duplicateOf()).as("report %d links to the report 8 m before it", k).isEqualTo(previous);
      assertThat(jdbc.queryForObject("select p.public_id from incident i join incident p on p.id = i.duplicate_of"
          + " where i.public_id = ?", String.class, written.get(k).incident().getPublicId())).isEqualTo(previous);
    }
    assertThat(written.get(5).duplicateOf()).as("300 m away is no duplicate").isNull();
    assertThat(written.stream().map(r -> r.incident().getPublicId()).distinct()).hasSize(6);
  }

  private Intake.Checked checked(String category, double lon, double lat) {
    return intake.check(new Submission(category, lon, lat, org.gridwatch.geo.Crs.WGS84, null, "batch duplicate", null, null,
        null, Channel.RESIDENT_WEB, Submission.Reporter.NONE, Submission.Fields.NATIVE, null), Actor.ANONYMOUS_RESIDENT, null, null);
  }

  private int count() { return jdbc.queryForObject("select count(*) from incident", Integer.class); }
}
