package org.gridwatch.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged report is lost when the primary dies: the packaged server runs on the primary/standby pair of
 * {@code .ci/replicas.sh} through a multi-host JDBC URL ({@code targetServerType=primary}); several residents report
 * cases; the primary's postmaster is killed with -9 mid-intake; the standby is promoted (what Patroni would do); the
 * server reconnects by itself and takes reports again. Every case number handed out, before and after, is on the new
 * primary: synchronous replication means a commit is acknowledged only once the standby has it (RPO 0).
 * Prints the figures: acknowledged before/after, lost, and the time without service. Runs after {@code package}.
 * Leaves the pair broken (the old primary dead): {@code .ci/replicas.sh} makes a new one.
 */
@EnabledIf("org.gridwatch.replica.Replicas#available")
class FailoverIT {
  private static final int REPORTERS = 6;
  private static final String[] CATEGORIES = {"SANITATION", "ROAD_NOT_CLEAN", "PROPERTY_MANAGEMENT", "MUNICIPAL_FACILITY"};
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  /** A case number the server handed out, and when (System.nanoTime). */
  private record Ack(String id, long at) {}

  private final ConcurrentLinkedQueue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final List<double[]> points = new ArrayList<>();

  @Test
  void noAcknowledgedReportIsLostWhenThePrimaryDiesAndTheStandbyIsPromoted(@TempDir Path dir) throws Exception {
    String url = Replicas.env("GRIDWATCH_TEST_PG_FAILOVER_URL");
    String newPrimary = Replicas.env("GRIDWATCH_TEST_PG_NEW_PRIMARY_URL");
    assertSynchronousStandby(url);
    for (DemoFiles.Feature g : DemoFiles.read("grids")) {
      var p = g.geometry().getInteriorPoint();
      points.add(new double[] {p.getX(), p.getY()});
    }
    // Fast failure detection: a dead server is noticed within seconds, the promoted one is tried again after one.
    String jdbc = url + (url.contains("?") ? "&" : "?") + "connectTimeout=2&loginTimeout=5&socketTimeout=30&tcpKeepAlive=true&hostRecheckSeconds=1";
    Files.createDirectories(Path.of("target"));
    Path log = Path.of("target", "failover-server.log");
    Files.deleteIfExists(log);
    ServerProcess server = new ServerProcess(ServerProcess.freePort(), log.toFile(),
        "gridwatch.data-dir=" + dir, "spring.datasource.url=" + jdbc, "spring.datasource.username=" + Replicas.user(),
        "spring.datasource.password=" + Replicas.password(), "spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.validation-timeout=1000", "gridwatch.demo-data.incidents=100",
        "gridwatch.demo-password=failover-test", "gridwatch.map.tile-url=none", "logging.level.root=WARN",
        // with synchronous replication every commit waits for the standby: where the group writer is meant to be on
        "gridwatch.intake.group.enabled=true");
    long killedAt;
    long promotedAt;
    long promotedAfterMillis;
    try {
      server.start(Duration.ofMinutes(12));
      AtomicBoolean reporting = new AtomicBoolean(true);
      ExecutorService reporters = Executors.newFixedThreadPool(REPORTERS);
      for (int r = 0; r < REPORTERS; r++) reporters.submit(() -> report(server.port, reporting));
      awaitAcks(30, 60, "the server acknowledged no reports before the failover");

      killedAt = System.nanoTime();
      shell(Replicas.env("GRIDWATCH_TEST_PG_KILL_PRIMARY"));
      Thread.sleep(1000); // the time a failover manager takes to see the primary gone, at the least
      shell(Replicas.env("GRIDWATCH_TEST_PG_PROMOTE_STANDBY"));
      promotedAt = System.nanoTime();
      promotedAfterMillis = (promotedAt - killedAt) / 1_000_000;

      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (acknowledgedAfter(promotedAt).size() < 30 && System.nanoTime() < end) Thread.sleep(100);
      reporting.set(false);
      reporters.shutdown();
      assertTrue(reporters.awaitTermination(60, TimeUnit.SECONDS), "reporters did not stop");
    } finally {
      server.stop();
    }

    List<Ack> all = new ArrayList<>(acknowledged);
    List<Ack> before = all.stream().filter(a -> a.at() < killedAt).toList();
    List<Ack> after = acknowledgedAfter(promotedAt);
    // Service is back at the first acknowledgement after the promotion; it stopped at the last one before that (the
    // old primary's backends may finish a commit or two after the kill: the standby already had them).
    long back = after.stream().mapToLong(Ack::at).min().orElse(Long.MAX_VALUE);
    long stopped = all.stream().mapToLong(Ack::at).filter(at -> at < promotedAt).max().orElse(killedAt);
    Set<String> stored = casesOn(newPrimary);
    List<String> lost = all.stream().map(Ack::id).filter(id -> !stored.contains(id)).sorted().toList();
    String figures = String.format(Locale.ROOT,
        "failover: %d reports acknowledged of %d attempts (%d before the kill, %d between the kill and the promotion, %d after),"
            + " %d lost; standby promoted %d ms after the kill; no report acknowledged from %d ms to %d ms after the kill"
            + " (%d ms without service), the first %d ms after the promotion",
        all.size(), attempts.get(), before.size(), all.size() - before.size() - after.size(), after.size(), lost.size(),
        promotedAfterMillis, (stopped - killedAt) / 1_000_000, (back - killedAt) / 1_000_000, (back - stopped) / 1_000_000,
        (back - promotedAt) / 1_000_000);
    System.out.println(figures);
    Files.writeString(Path.of("target", "failover-figures.txt"), figures + System.lineSeparator());

    assertFalse(after.isEmpty(), "the server took no reports after the standby was promoted: " + figures);
    assertEquals(List.of(), lost, "acknowledged reports are missing on the new primary: " + figures);
    assertEquals(all.size(), new HashSet<>(all.stream().map(Ack::id).toList()).size(), "a case number was handed out twice: " + figures);
  }

  /** One resident after another: a closed loop of reports; a failed one (no database for a moment) is not retried. */
  private Void report(int port, AtomicBoolean reporting) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://localhost:" + port + "/api/v1/incidents");
    while (reporting.get()) {
      int i = attempts.incrementAndGet();
      double[] p = points.get(i % points.size());
      String body = String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
          + "\"description\":\"failover test report %d\"}", CATEGORIES[i % CATEGORIES.length], p[0], p[1], i);
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
          Matcher m = ID.matcher(r.body());
          if (m.find()) acknowledged.add(new Ack(m.group(1), System.nanoTime()));
        } else {
          Thread.sleep(50); // the server answered an error (no database): not acknowledged, nothing owed
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (Exception e) {
        // no answer: not acknowledged
      }
    }
    return null;
  }

  private List<Ack> acknowledgedAfter(long at) {
    return acknowledged.stream().filter(a -> a.at() >= at).toList();
  }

  private void awaitAcks(int count, int seconds, String message) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (acknowledged.size() < count) {
      if (System.nanoTime() > end) throw new AssertionError(message);
      Thread.sleep(50);
    }
  }

  /** The pair must be fresh from .ci/replicas.sh: a primary with a synchronous standby (an earlier run breaks it). */
  private static void assertSynchronousStandby(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, Replicas.user(), Replicas.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from pg_stat_replication where sync_state = 'sync'")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "no synchronous standby: run .ci/replicas.sh again (an earlier failover test breaks the pair)");
    }
  }

  private static Set<String> casesOn(String url) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(url, Replicas.user(), Replicas.password()); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
        rs.next();
        assertFalse(rs.getBoolean(1), "the standby was not promoted");
      }
      try (ResultSet rs = s.executeQuery("select public_id from incident")) {
        while (rs.next()) ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static void shell(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), "`" + command + "` failed: " + out);
  }
}
