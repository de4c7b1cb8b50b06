package org.gridwatch.bench;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.gridwatch.support.ServerProcess;

/**
 * What keeping sessions in the database costs (a harness, not a test): the packaged server on PostGIS answers
 * signed-in requests (a session cookie, {@code GET /api/v1/me}) from 8 closed-loop clients, first with its sessions in
 * PostgreSQL (spring-session-jdbc: a read of the session and a write of its last access on every request), then,
 * as the baseline in the same run, the same server on the same database with the session store switched off
 * (sessions in the servlet container's memory, as before issue 18). An anonymous request without any session
 * ({@code GET /api/v1/config}) is measured on both as the floor. Run with {@code ./mvnw -Pbench -DskipTests verify}.
 */
public final class SessionBenchmark {
  static final int PORT = 18090;
  static final String ADMIN_PASSWORD = "bench-admin-password";
  static final String IN_MEMORY = "spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

  final String url = env("GRIDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_test");
  final String user = env("GRIDWATCH_TEST_PG_USER", "gridwatch");
  final String password = env("GRIDWATCH_TEST_PG_PASSWORD", "gridwatch");
  final int seconds = Integer.parseInt(env("GRIDWATCH_BENCH_SECONDS", "20"));

  record Figures(double perSecond, long p50Micros, long p99Micros) {
    @Override
    public String toString() {
      return String.format("%,8.0f requests/s, p50 %5.1f ms, p99 %5.1f ms", perSecond, p50Micros / 1e3, p99Micros / 1e3);
    }
  }

  public static void main(String[] args) throws Exception {
    new SessionBenchmark().run();
  }

  void run() throws Exception {
    System.out.printf("machine: %d cores, Java %s; 8 clients, %d s per figure after %d s of warm-up%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seconds, seconds);
    Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/postgresql").cleanDisabled(false)
        .load().clean();
    Figures[] database = measure("sessions in PostgreSQL (spring-session-jdbc)");
    Figures[] memory = measure("sessions in the node's memory (baseline)", IN_MEMORY);
    System.out.println();
    System.out.println("== Sessions: signed-in GET /api/v1/me, and anonymous GET /api/v1/config, PostGIS");
    System.out.printf("signed in, sessions in PostgreSQL : %s%n", database[0]);
    System.out.printf("signed in, sessions in memory     : %s%n", memory[0]);
    System.out.printf("ratio (database / memory)         : %.2f%n", database[0].perSecond() / memory[0].perSecond());
    System.out.printf("anonymous, no session (floor)     : %s (database run) / %s (memory run)%n", database[1], memory[1]);
  }

  /** Starts the server (an empty system: no district is needed to be signed in), signs in, measures, stops it. */
  private Figures[] measure(String label, String... extra) throws Exception {
    List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + url, "spring.datasource.username=" + user,
        "spring.datasource.password=" + password, "gridwatch.demo-data.enabled=false", "gridwatch.admin.password=" + ADMIN_PASSWORD,
        "gridwatch.map.tile-url=none",
        "gridwatch.data-dir=target/bench-data", "logging.level.root=WARN"));
    properties.addAll(List.of(extra));
    ServerProcess server = new ServerProcess(PORT, new File("target/bench-session-server.log"), properties.toArray(String[]::new));
    System.out.println("starting the server: " + label);
    server.start();
    try {
      String base = "http://localhost:" + PORT;
      String cookie = signIn(base);
      closedLoop(base + "/api/v1/me", cookie, seconds);
      Figures signedIn = closedLoop(base + "/api/v1/me", cookie, seconds);
      closedLoop(base + "/api/v1/config", null, seconds / 2);
      Figures anonymous = closedLoop(base + "/api/v1/config", null, seconds);
      return new Figures[] {signedIn, anonymous};
    } finally {
      server.stop();
    }
  }

  /** A form login as the browser does it; answers the session cookie. */
  private static String signIn(String base) throws Exception {
    HttpClient c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> page = c.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    String xsrf = cookie(page, "XSRF-TOKEN");
    HttpResponse<String> login = c.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD + "&_csrf="
            + URLEncoder.encode(xsrf.substring(xsrf.indexOf('=') + 1), StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    String session = cookie(login, "JSESSIONID");
    int me = c.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Cookie", session).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
    if (me != 200) throw new IllegalStateException("not signed in: " + me);
    return session;
  }

  private static String cookie(HttpResponse<String> r, String name) {
    return r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).filter(c -> c.startsWith(name + "="))
        .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " cookie: " + r.statusCode()));
  }

  /** 8 clients, each sending the next request when the last is answered; counts only 200s. */
  private static Figures closedLoop(String url, String cookie, int seconds) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.submit(() -> {
        HttpClient c = HttpClient.newHttpClient();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) b.header("Cookie", cookie);
        HttpRequest request = b.build();
        while (System.nanoTime() < end) {
          long s = System.nanoTime();
          if (c.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) latencies.add((System.nanoTime() - s) / 1000);
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    if (sorted.isEmpty()) return new Figures(0, 0, 0);
    return new Figures(sorted.size() / (double) seconds, sorted.get(sorted.size() / 2),
        sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.99))));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
