package org.gridwatch.bench.city;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time to ready of a Gridwatch start on the city (issue 18): each run starts a server in a JVM of its own on
 * {@code GRIDWATCH_CITY_PG_URL} and times it until {@code /api/v1/status} says ready, with each start-up step's own time
 * from its log line. Alternates two builds in one run, {@code before} (the classpath in
 * {@code GRIDWATCH_START_BEFORE_CP}, e.g. main's classes and the same dependencies) and {@code after} (
 * {@code GRIDWATCH_START_AFTER_CP}, default this JVM's classpath), {@code GRIDWATCH_START_RUNS} times each (default 1;
 * before left out when not given), and prints the ratio after/before of the medians. After ready it also waits for the
 * after build's background work ("Built ahead ...") and prints when it ended. Starts the servers read-only in effect:
 * the SLA clock and the outbox are off, no demo data; the only writes are the server's own bookkeeping (catalog
 * instance row, migrations already applied). A harness, not a test: nothing asserts on a time.
 */
public final class StartupBenchmark {
  private static final Pattern STEP = Pattern.compile("(\\w+) \\d+/\\d+: (.+?) \\.\\.\\. done in (\\d+) ms");
  private static final Pattern AHEAD = Pattern.compile("Built ahead (\\d+) ms after the start");

  record Run(String build, double readySeconds, Map<String, Long> stepsMs, Double aheadSeconds) {}

  public static void main(String[] args) throws Exception {
    CitySettings s = CitySettings.fromEnvironment();
    String before = System.getenv("GRIDWATCH_START_BEFORE_CP");
    String after = env("GRIDWATCH_START_AFTER_CP", System.getProperty("java.class.path"));
    int runs = Integer.parseInt(env("GRIDWATCH_START_RUNS", "1"));
    String xmx = env("GRIDWATCH_START_XMX", "4g");
    System.out.printf("start on %s, -Xmx%s, %d run(s) per build; machine: %d cores, load: %s%n", s.url(), xmx, runs,
        Runtime.getRuntime().availableProcessors(), load());
    List<Run> done = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      if (before != null && !before.isBlank()) done.add(start("before", before, s, xmx));
      done.add(start("after", after, s, xmx));
    }
    System.out.println();
    for (Run r : done) {
      System.out.printf("%-6s ready %8.1f s  %s%s%n", r.build(), r.readySeconds(), r.stepsMs(),
          r.aheadSeconds() == null ? "" : String.format("  (background done %.1f s after the first start-up step)", r.aheadSeconds()));
    }
    double b = median(done, "before"), a = median(done, "after");
    System.out.printf("time to ready, median: before %.1f s, after %.1f s%s; load now: %s%n", b, a,
        Double.isNaN(b) ? "" : String.format(", after/before %.2f (%.1f× faster)", a / b, b / a), load());
  }

  private static Run start(String build, String classpath, CitySettings s, String xmx) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path data = Files.createTempDirectory("gridwatch-start-");
    List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + xmx, "-cp", classpath, "org.gridwatch.GridwatchApplication"));
    // the server's data directory (target/city-data) under a fresh working directory
    command.addAll(List.of(s.serverArgs("--server.port=" + port,
        "--gridwatch.escalation.enabled=false", "--gridwatch.notification.enabled=false",
        "--logging.level.org.gridwatch.startup=INFO")));
    Process p = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true).start();
    Map<String, Long> steps = new LinkedHashMap<>();
    Double[] ahead = {null};
    Thread reader = new Thread(() -> read(p, steps, ahead), "server-log");
    reader.setDaemon(true);
    reader.start();
    long t = System.nanoTime();
    try {
      double ready = ready(port, t, p);
      System.out.printf("%s: ready in %.1f s%n", build, ready);
      // the background work after ready (only the after build has it): wait for it, at most 30 minutes
      long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
      if (build.equals("after")) while (ahead[0] == null && p.isAlive() && System.nanoTime() < until) Thread.sleep(500);
      synchronized (steps) {
        return new Run(build, ready, new LinkedHashMap<>(steps), ahead[0]);
      }
    } finally {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }
  }

  private static void read(Process p, Map<String, Long> steps, Double[] ahead) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null;) {
        Matcher m = STEP.matcher(line);
        if (m.find()) synchronized (steps) {
          steps.put(m.group(2), Long.parseLong(m.group(3)));
        }
        Matcher a = AHEAD.matcher(line);
        if (a.find()) ahead[0] = Long.parseLong(a.group(1)) / 1000.0;
        if (line.contains("ERROR") || line.contains("Exception")) System.out.println("  server: " + line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private static double ready(int port, long startedNanos, Process p) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    while (true) {
      if (!p.isAlive()) throw new IllegalStateException("the server ended before it was ready (exit " + p.exitValue() + ")");
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/status"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"ready\":true")) return (System.nanoTime() - startedNanos) / 1e9;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
  }

  private static double median(List<Run> runs, String build) {
    double[] v = runs.stream().filter(r -> r.build().equals(build)).mapToDouble(Run::readySeconds).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String javaBin() { return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java"; }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
