package org.gridwatch.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.aopalliance.aop.Advice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reads that may lag go to the standby, proved by the server that answers ({@code pg_is_in_recovery()}) and by what it
 * sees: a row written while the standby's replay is paused. A client that just wrote reads from the primary; a standby
 * lagging past {@code max-lag} gets no reads. Runs on the primary/standby pair of {@code .ci/replicas.sh}.
 */
@SpringBootTest
@ActiveProfiles("test-postgis")
@EnabledIf("org.gridwatch.replica.Replicas#available")
class ReplicaRoutingTest {
  private static final long MAX_LAG_MILLIS = 4000;

  @DynamicPropertySource
  static void replicas(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> Replicas.env("GRIDWATCH_TEST_PG_PRIMARY_URL"));
    registry.add("spring.datasource.username", Replicas::user);
    registry.add("spring.datasource.password", Replicas::password);
    registry.add("gridwatch.datasource.replica.url", () -> Replicas.env("GRIDWATCH_TEST_PG_STANDBY_URL"));
    registry.add("gridwatch.datasource.replica.max-lag", () -> MAX_LAG_MILLIS + "ms");
    registry.add("gridwatch.datasource.replica.check-interval", () -> "100ms");
    registry.add("gridwatch.demo-data.enabled", () -> "false");
    registry.add("gridwatch.data-dir", () -> "target/replica-routing-data");
  }

  /** What a map layer or a measure would do, seen from the server that answers. */
  @TestConfiguration
  static class Reads {
    @Bean
    Reader reader(JdbcTemplate jdbc) { return new Reader(jdbc); }
  }

  static class Reader {
    private final JdbcTemplate jdbc;

    Reader(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @MayLag
    Answer mayLag(String note) { return answer(note); }

    Answer mustNotLag(String note) { return answer(note); }

    private Answer answer(String note) {
      return new Answer(Boolean.TRUE.equals(jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class)),
          jdbc.queryForObject("select count(*) from replica_routing_note where note = ?", Long.class, note) > 0);
    }
  }

  /** Which server answered (the standby is the one in recovery) and whether it sees the note. */
  record Answer(boolean standby, boolean seesNote) {}

  @Autowired Reader reader;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReplicaRoutingDataSource dataSource;
  @Autowired ApplicationContext context;

  @BeforeEach
  void standbyCaughtUp() throws Exception {
    jdbc.execute("create table if not exists replica_routing_note (note text primary key)");
    onStandby("select pg_wal_replay_resume()");
    awaitTrue(() -> dataSource.freshness().fresh(), "the standby never became fresh");
  }

  @AfterEach
  void resumeReplay() throws Exception {
    onStandby("select pg_wal_replay_resume()");
  }

  @Test
  void aReadThatMayLagIsAnsweredByTheStandbyAndOthersByThePrimary() {
    assertTrue(reader.mayLag("none").standby(), "a @MayLag read was not answered by the standby");
    assertFalse(reader.mustNotLag("none").standby(), "a plain read was answered by the standby");
    assertFalse(jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class), "writes' connections must be the primary's");
  }

  @Test
  void aWriteAndTheReadAfterItGoToThePrimaryWhileOthersStillReadTheStandby() throws Exception {
    onStandby("select pg_wal_replay_pause()");
    String note = "written-" + System.nanoTime();
    ReadYourWrites filter = new ReadYourWrites(dataSource.freshness(), java.time.Duration.ofMillis(MAX_LAG_MILLIS));

    MockHttpServletResponse wrote = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/something"), wrote, (req, res) -> {
      jdbc.update("insert into replica_routing_note (note) values (?)", note);
      res.getWriter().write("{}");
      res.flushBuffer();
    });
    Cookie position = wrote.getCookie(ReadYourWrites.COOKIE);
    assertNotNull(position, "a successful write answered without the position to read it back from");

    Answer writer = readThrough(filter, position, note);
    Answer someoneElse = readThrough(filter, null, note);
    assertEquals(new Answer(false, true), writer, "the writer's next read did not see their write on the primary");
    assertEquals(new Answer(true, false), someoneElse, "another reader was not served by the (paused) standby");

    // a failed write remembers nothing
    MockHttpServletResponse refused = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/something"), refused, (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).sendError(400));
    assertEquals(null, refused.getCookie(ReadYourWrites.COOKIE));
  }

  @Test
  void aStandbyLaggingPastTheBoundGetsNoReadsUntilItCatchesUp() throws Exception {
    onStandby("select pg_wal_replay_pause()");
    String note = "lagging-" + System.nanoTime();
    jdbc.update("insert into replica_routing_note (note) values (?)", note);
    long paused = System.nanoTime();
    assertEquals(new Answer(true, false), reader.mayLag(note), "within the bound the paused standby answers, without the note");

    awaitTrue(() -> !reader.mayLag(note).standby(), "reads stayed on a standby lagging past max-lag");
    long movedAfterMillis = (System.nanoTime() - paused) / 1_000_000;
    assertTrue(movedAfterMillis >= MAX_LAG_MILLIS - 200, "reads left the standby after " + movedAfterMillis + " ms, before max-lag");
    assertEquals(new Answer(false, true), reader.mayLag(note), "the primary answers while the standby lags");

    onStandby("select pg_wal_replay_resume()");
    awaitTrue(() -> reader.mayLag(note).standby(), "reads did not come back to the standby once it caught up");
    assertTrue(reader.mayLag(note).seesNote(), "the caught-up standby does not have the note");
  }

  @Test
  void theOgcItemReadsMayLag() {
    Object items = context.getBean("itemsController");
    assertTrue(items instanceof Advised advised && Arrays.stream(advised.getAdvisors()).map(a -> (Advice) a.getAdvice())
        .anyMatch(MayLagInterceptor.class::isInstance), "the OGC item reads are not routed");
  }

  private Answer readThrough(ReadYourWrites filter, Cookie cookie, String note) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ogcapi/collections/grids/items");
    if (cookie != null) request.setCookies(cookie);
    Answer[] answer = new Answer[1];
    filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> answer[0] = reader.mayLag(note));
    return answer[0];
  }

  private static void onStandby(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(Replicas.env("GRIDWATCH_TEST_PG_STANDBY_URL"), Replicas.user(), Replicas.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String message) throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) return;
      Thread.sleep(50);
    }
    throw new AssertionError(message);
  }
}
