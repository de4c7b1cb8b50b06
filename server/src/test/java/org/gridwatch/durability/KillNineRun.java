package org.gridwatch.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.ServerProcess;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Several reporters posting cases to a server process that is killed with -9 at random moments and restarted:
 * remembers every case number the server acknowledged (a 2xx answer), then checks the database against them.
 */
final class KillNineRun {
  static final int CLIENTS = 8;
  private static final String[] CATEGORIES = {"SANITATION", "ROAD_NOT_CLEAN", "PROPERTY_MANAGEMENT", "MUNICIPAL_FACILITY"};

  private final ServerProcess server;
  private final int kills;
  private final long seed;
  private final List<double[]> points = new ArrayList<>();
  /** Every number handed to a reporter, in the order given; a number given twice appears twice. */
  private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<Long> killedAfterMillis = new ArrayList<>();

  KillNineRun(ServerProcess server, int kills, long seed) {
    this.server = server;
    this.kills = kills;
    this.seed = seed;
    for (DemoFiles.Feature g : DemoFiles.read("grids")) {
      var p = g.geometry().getInteriorPoint();
      points.add(new double[] {p.getX(), p.getY()});
    }
  }

  List<String> acknowledged() { return acknowledged; }

  void killAndRestart() throws Exception {
    Random random = new Random(seed);
    server.start();
    for (int k = 0; k < kills; k++) {
      AtomicBoolean reporting = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) clients.submit(() -> report(reporting));
      long after = 1000 + random.nextInt(2500); // a random moment while all clients are reporting
      Thread.sleep(after);
      server.kill9();
      killedAfterMillis.add(after);
      reporting.set(false);
      clients.shutdown();
      clients.awaitTermination(30, TimeUnit.SECONDS);
      server.start(); // must open the database again
    }
  }

  /** One reporter: a closed loop of reports until told to stop; a failed request (the server is dead) is not retried. */
  private Void report(AtomicBoolean reporting) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String url = "http://localhost:" + server.port + "/api/v1/incidents";
    while (reporting.get()) {
      int i = sequence.incrementAndGet();
      double[] p = points.get(i % points.size());
      String body = String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
          + "\"description\":\"kill -9 test report %d\"}", CATEGORIES[i % CATEGORIES.length], p[0], p[1], i);
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
          String b = r.body();
          int at = b.indexOf("\"id\":\"") + 6;
          acknowledged.add(b.substring(at, b.indexOf('"', at)));
        }
      } catch (Exception e) {
        // the server was killed under this request: not acknowledged, so nothing is owed
      }
    }
    return null;
  }

  String summary() {
    return String.format("kill -9 test (seed %d): %d reports acknowledged, killed after %s ms of reporting", seed,
        acknowledged.size(), killedAfterMillis);
  }

  /** What a reporter and a planner would notice after the crashes, read straight from the database. */
  void assertDurable(Connection c) throws Exception {
    List<String> given = new ArrayList<>(acknowledged);
    Set<String> stored = new HashSet<>();
    long rows = 0;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select public_id from incident")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
        rows++;
      }
    }
    long givenTwice = given.size() - new HashSet<>(given).size();
    List<String> lost = given.stream().filter(id -> !stored.contains(id)).distinct().sorted().toList();
    String found = String.format("%d acknowledged, %d numbers given to two reporters, %d acknowledged cases gone; %s",
        given.size(), givenTwice, lost.size(), summary());
    System.out.println(found);
    assertEquals(0, givenTwice, "a case number was given to two reporters: " + found);
    assertEquals(List.of(), lost, "acknowledged cases are gone: " + found);
    assertEquals(rows, stored.size(), "two stored cases share a case number");

    assertEquals(List.of(), tilingViolations(c), "the areas no longer tile after the crashes");
  }

  /** The current outlines of every level checked with the same rule the server applies to an edit. */
  private static List<TilingCheck.Violation> tilingViolations(Connection c) throws Exception {
    Map<String, Geometry> outline = new HashMap<>();
    Map<String, String> parent = new HashMap<>();
    WKTReader wkt = new WKTReader();
    try (PreparedStatement ps = c.prepareStatement("select a.code, a.parent_code, ST_AsText(v.boundary) from area a "
        + "join area_version v on v.area_id = a.id where a.retired_at is null and v.valid_to is null");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        outline.put(rs.getString(1), wkt.read(rs.getString(3)));
        if (rs.getString(2) != null) parent.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<String, List<Geometry>> children = new HashMap<>();
    parent.forEach((child, p) -> children.computeIfAbsent(p, x -> new ArrayList<>()).add(outline.get(child)));
    Map<String, Geometry> parents = new HashMap<>();
    children.keySet().forEach(p -> parents.put(p, outline.get(p)));
    if (parents.size() < 100) throw new AssertionError("the demo hierarchy is missing: " + parents.size() + " parents");
    return TilingCheck.check(parents, children);
  }
}
