package org.gridwatch.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.gridwatch.support.ServerProcess;

/**
 * Intake admission control under overload (issue 18 §4; a harness, not a test), on PostGIS, in one run: the intake's
 * ceiling (closed loop, {@code GRIDWATCH_BENCH_CLIENTS} clients), then an open loop at {@code GRIDWATCH_BENCH_OVERLOAD}
 * (default 1.5) times that ceiling against a fresh server per setting of {@code gridwatch.intake.admission.max-in-flight}
 * ({@code GRIDWATCH_BENCH_GATES}, default {@code off,16}; {@code off} = effectively unbounded, the baseline), the
 * servers all started first and measured in turn for {@code GRIDWATCH_BENCH_ROUNDS} rounds (the shared machine's load
 * drifts; each setting meets the same drift). Each
 * client waits at most {@code GRIDWATCH_BENCH_CLIENT_TIMEOUT} seconds (default 5) for its answer. Prints, per
 * setting: reports accepted per second (2xx within the timeout), p50/p99 of the accepted, the shares refused (503)
 * and timed out at the client, and the accepted rate as a ratio of the baseline's. One transaction per report (the
 * default writer). See docs/benchmarks.md, "Intake admission control".
 */
public final class AdmissionBenchmark {
  private final String url = env("GRIDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_test");
  private final String user = env("GRIDWATCH_TEST_PG_USER", "gridwatch");
  private final String password = env("GRIDWATCH_TEST_PG_PASSWORD", "gridwatch");
  private final int clients = Integer.parseInt(env("GRIDWATCH_BENCH_CLIENTS", "16"));
  private final int warmup = Integer.parseInt(env("GRIDWATCH_BENCH_WARMUP", "20"));
  private final int seconds = Integer.parseInt(env("GRIDWATCH_BENCH_SECONDS", "20"));
  private final double overload = Double.parseDouble(env("GRIDWATCH_BENCH_OVERLOAD", "1.5"));
  private final Duration clientTimeout = Duration.ofSeconds(Long.parseLong(env("GRIDWATCH_BENCH_CLIENT_TIMEOUT", "5")));
  private final List<String> gates = List.of(env("GRIDWATCH_BENCH_GATES", "off,16").split(","));
  private final int rounds = Integer.parseInt(env("GRIDWATCH_BENCH_ROUNDS", "2"));
  private final List<double[]> points = IntakeBenchmark.points(20_000);

  /** What one open-loop run got: counts by outcome and the latencies of the accepted (from when each was due). */
  record Outcome(long sent, long accepted, long refused, long timedOut, long otherFailed, double seconds, long p50Micros,
      long p99Micros, java.util.Map<String, Long> others) {
    double acceptedPerSecond() { return accepted / seconds; }
    double share(long n) { return sent == 0 ? 0 : 100.0 * n / sent; }
  }

  public static void main(String[] args) throws Exception {
    new AdmissionBenchmark().run();
  }

  void run() throws Exception {
    System.out.printf("machine: %d cores (shared), Java %s; ceiling with %d clients; %d s warm-up, %d s per measure; "
        + "client timeout %d s; %d rounds%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), clients,
        warmup, seconds, clientTimeout.toSeconds(), rounds);
    Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/postgresql").cleanDisabled(false)
        .load().clean();
    // one server per setting, all started first, then measured in turn, round after round: the machine is shared and
    // its load drifts, so each setting meets the same drift
    List<ServerProcess> servers = new ArrayList<>();
    try {
      for (String gate : gates) {
        String maxInFlight = gate.strip().equals("off") ? "1000000" : gate.strip();
        ServerProcess server = new ServerProcess(ServerProcess.freePort(), new File("target/bench-admission-" + gate.strip() + ".log"),
            "spring.datasource.url=" + url, "spring.datasource.username=" + user, "spring.datasource.password=" + password,
            "gridwatch.data-dir=" + Files.createTempDirectory("gridwatch-bench"), "gridwatch.demo-data.incidents=100",
            "gridwatch.demo-password=bench", "gridwatch.map.tile-url=none", "logging.level.root=WARN",
            "gridwatch.intake.admission.max-in-flight=" + maxInFlight);
        server.start();
        servers.add(server);
        closedLoop(intake(server), warmup);
      }
      double ceiling = closedLoop(intake(servers.get(0)), seconds);
      System.out.printf("ceiling, closed loop, %d clients, max-in-flight %s: %,.0f reports/s%n", clients, gates.get(0).strip(), ceiling);
      int rate = (int) Math.max(10, Math.round(overload * ceiling));
      long[][] sums = new long[gates.size()][5];
      for (int round = 1; round <= rounds; round++) {
        for (int k = 0; k < gates.size(); k++) {
          Outcome o = openLoop(intake(servers.get(k)), rate, seconds);
          long[] sum = sums[k];
          sum[0] += o.sent();
          sum[1] += o.accepted();
          sum[2] += o.refused();
          sum[3] += o.timedOut();
          sum[4] += o.otherFailed();
          System.out.printf("round %d, max-in-flight %s: offered %,d/s (%.0f %% of the ceiling) for %d s: accepted %,d of %,d = %,.0f/s, "
              + "p50 %.0f ms, p99 %.0f ms; refused (503) %.1f %%, timed out at the client %.1f %%, other failures %d %s%n", round,
              gates.get(k).strip(), rate, 100 * overload, seconds, o.accepted(), o.sent(), o.acceptedPerSecond(), o.p50Micros() / 1000.0,
              o.p99Micros() / 1000.0, o.share(o.refused()), o.share(o.timedOut()), o.otherFailed(), o.others());
          Thread.sleep(clientTimeout.toMillis()); // the server's backlog of abandoned requests drains before the next
        }
      }
      double base = sums[0][1];
      for (int k = 0; k < gates.size(); k++) {
        long[] sum = sums[k];
        System.out.printf("all rounds, max-in-flight %s: accepted %,d of %,d = %,.0f/s (%.2fx max-in-flight %s's), refused %.1f %%, "
            + "timed out %.1f %%, other %d%n", gates.get(k).strip(), sum[1], sum[0], sum[1] / (double) (rounds * seconds),
            base == 0 ? 0 : sum[1] / base, gates.get(0).strip(), 100.0 * sum[2] / sum[0], 100.0 * sum[3] / sum[0], sum[4]);
      }
    } finally {
      for (ServerProcess server : servers) server.stop();
    }
  }

  private static String intake(ServerProcess server) { return "http://localhost:" + server.port + "/api/v1/incidents"; }

  /**
   * Sends {@code perSecond} reports a second for {@code forSeconds} whatever the server does; each latency counts
   * from when its request was due (no coordinated omission). Waits until every request is answered or timed out.
   */
  private Outcome openLoop(String url, int perSecond, int forSeconds) throws Exception {
    int total = perSecond * forSeconds;
    long period = 1_000_000_000L / perSecond;
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
    AtomicLong refused = new AtomicLong(), timedOut = new AtomicLong(), other = new AtomicLong();
    java.util.Map<String, Long> others = new java.util.concurrent.ConcurrentSkipListMap<>();
    CountDownLatch done = new CountDownLatch(total);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    HttpClient http = HttpClient.newBuilder().connectTimeout(clientTimeout).executor(pool).build();
    long start = System.nanoTime();
    try {
      for (int i = 0; i < total; i++) {
        int n = i;
        long due = start + n * period;
        scheduler.schedule(() -> {
          HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(clientTimeout)
              .header("Content-Type", "application/json").header("Idempotency-Key", "admission-" + start + "-" + n)
              .POST(HttpRequest.BodyPublishers.ofString(report(n))).build();
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            long micros = (System.nanoTime() - due) / 1000;
            if (e == null && r.statusCode() / 100 == 2) latencies.add(micros);
            else if (e == null && r.statusCode() == 503) refused.incrementAndGet();
            else if (e != null && (e instanceof HttpTimeoutException || e.getCause() instanceof HttpTimeoutException)) timedOut.incrementAndGet();
            else {
              other.incrementAndGet();
              others.merge(e == null ? "HTTP " + r.statusCode() : (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName(), 1L, Long::sum);
            }
            done.countDown();
          });
        }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
      done.await(forSeconds + clientTimeout.toSeconds() + 60, TimeUnit.SECONDS);
    } finally {
      scheduler.shutdownNow();
      pool.shutdownNow();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    long p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.99)));
    return new Outcome(total, sorted.size(), refused.get(), timedOut.get(), other.get(), forSeconds, p50, p99, others);
  }

  /** Reports per second a closed loop of {@code clients} gets accepted (2xx), each client waiting for its answer. */
  private double closedLoop(String url, int forSeconds) throws Exception {
    return ClosedLoop.answeredPerSecond(clients, forSeconds, 1_000_000, n -> HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(report(n))).build());
  }

  private String report(int i) {
    double[] p = points.get(i % points.size());
    return String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
        + "\"description\":\"admission benchmark %d\"}", IntakeBenchmark.CATEGORIES[i % IntakeBenchmark.CATEGORIES.length], p[0], p[1], i);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
