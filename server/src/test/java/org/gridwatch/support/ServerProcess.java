package org.gridwatch.support;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged server as a separate process, as it runs in production, so that it can be killed with -9. Used by
 * the benchmarks and by the kill -9 integration test (which runs after {@code package}, so the jar is there).
 */
public final class ServerProcess {
  public final int port;
  private final List<String> args;
  private final File log;
  private Process process;

  public ServerProcess(int port, File log, String... properties) {
    this.port = port;
    this.log = log;
    this.args = new ArrayList<>(List.of("java", "-Xmx2g", "-jar", jar().toString(), "--server.port=" + port));
    for (String p : properties) args.add("--" + p);
  }

  /** A port nobody listens on now. */
  public static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public static Path jar() {
    for (Path p : new Path[] {Path.of("target/gridwatch-server.jar"), Path.of("server/target/gridwatch-server.jar")}) {
      if (p.toFile().isFile()) return p.toAbsolutePath();
    }
    throw new IllegalStateException("build the server first: ./mvnw -DskipTests package");
  }

  /** Starts the server and returns once {@code /actuator/health} says UP. */
  public void start() throws Exception {
    start(Duration.ofMinutes(5));
  }

  /** As {@link #start()}, waiting up to {@code limit} (a loaded machine can take minutes to start the server). */
  public void start(Duration limit) throws Exception {
    process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) throw new IllegalStateException("the server exited; see " + log);
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) return;
      } catch (Exception e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server did not become healthy; see " + log);
  }

  /** SIGKILL: no shutdown hooks, no flushing, like a power cut for the JVM. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
