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
  /** Every photo the server acknowledged (201), by its id: each reporter attaches one to every other case. */
  private final List<String> photos = Collections.synchronizedList(new ArrayList<>());
  private final byte[] photo = png();
  private final AtomicInteger sequence = new AtomicInteger();
  /** Volunteers the server acknowledged (201): their id and the ID number sent, which must read back unmasked. */
  private final Map<String, String> volunteers = Collections.synchronizedMap(new HashMap<>());
  /** Needs recorded by hand the server acknowledged (201), by id. */
  private final Set<String> needs = Collections.synchronizedSet(new HashSet<>());
  /** 12345 tickets the server acknowledged (201), by ticket number. */
  private final Set<String> tickets = Collections.synchronizedSet(new HashSet<>());
  private final List<String> gridCodes = new ArrayList<>();
  private final List<Long> killedAfterMillis = new ArrayList<>();

  KillNineRun(ServerProcess server, int kills, long seed) {
    this.server = server;
    this.kills = kills;
    this.seed = seed;
    for (DemoFiles.Feature g : DemoFiles.read("grids")) {
      var p = g.geometry().getInteriorPoint();
      points.add(new double[] {p.getX(), p.getY()});
      gridCodes.add(g.code());
    }
  }

  List<String> acknowledged() { return acknowledged; }

  List<String> photos() { return photos; }

  void killAndRestart() throws Exception {
    Random random = new Random(seed);
    server.start();
    for (int k = 0; k < kills; k++) {
      awaitAddressIndex();
      AtomicBoolean reporting = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 3);
      for (int c = 0; c < CLIENTS; c++) clients.submit(() -> report(reporting));
      clients.submit(() -> register(reporting));
      clients.submit(() -> recordNeeds(reporting));
      clients.submit(() -> receiveTickets(reporting));
      long after = 2500 + random.nextInt(3000); // a random moment while all clients are reporting (after their first round)
      Thread.sleep(after);
      server.kill9();
      killedAfterMillis.add(after);
      reporting.set(false);
      clients.shutdown();
      clients.awaitTermination(30, TimeUnit.SECONDS);
      server.start(); // must open the database again
    }
  }

  /**
   * Waits until the server's address index is built (since issue 18 it is built after ready, and a hotline ticket's
   * address waits for it), so every kind of write is under way when the kill comes, not only those that need no index.
   */
  private void awaitAddressIndex() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    http.send(admin(HttpRequest.newBuilder(URI.create(base() + "/api/v1/geocode?q=" + java.net.URLEncoder.encode("路", "UTF-8"))))
        .timeout(Duration.ofSeconds(180)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
          String id = member(r.body(), "id");
          acknowledged.add(id);
          if (i % 2 == 0) attachPhoto(http, id, member(r.body(), "followToken"));
        }
      } catch (Exception e) {
        // the server was killed under this request: not acknowledged, so nothing is owed
      }
    }
    return null;
  }

  /**
   * A community worker registering volunteers (ID numbers and phones sealed with the key the first start wrote to the
   * data directory) until told to stop; a failed request is not retried.
   */
  private Void register(AtomicBoolean reporting) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Random random = new Random(seed + 1);
    while (reporting.get()) {
      int i = sequence.incrementAndGet();
      String first17 = String.format(Locale.ROOT, "110105%04d%02d%02d%03d", 1950 + random.nextInt(55), 1 + random.nextInt(12),
          1 + random.nextInt(28), random.nextInt(1000));
      String idNumber = first17 + org.gridwatch.privacy.ResidentIdNumber.checkCharacter(first17);
      String body = String.format(Locale.ROOT, "{\"kind\":\"VOLUNTEER\",\"name\":\"kill -9 volunteer %d\",\"idNumber\":\"%s\","
          + "\"phone\":\"139%08d\",\"homeGrid\":\"%s\",\"skills\":[\"助餐\"],\"starLevel\":1}", i, idNumber, i,
          gridCodes.get(i % gridCodes.size()));
      try {
        HttpResponse<String> r = http.send(admin(HttpRequest.newBuilder(URI.create(base() + "/api/v1/volunteers")))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) volunteers.put(numberMember(r.body(), "id"), idNumber);
      } catch (Exception e) {
        // killed under this request: not acknowledged
      }
    }
    return null;
  }

  /** A planner recording needs by hand (issue 15) until told to stop; a failed request is not retried. */
  private Void recordNeeds(AtomicBoolean reporting) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (reporting.get()) {
      int i = sequence.incrementAndGet();
      String body = String.format(Locale.ROOT, "{\"area\":\"%s\",\"category\":\"ELDERLY_CARE\",\"source\":\"SURVEY\","
          + "\"description\":\"kill -9 need %d\",\"residentsAffected\":%d}", gridCodes.get(i % gridCodes.size()), i, i % 50);
      try {
        HttpResponse<String> r = http.send(admin(HttpRequest.newBuilder(URI.create(base() + "/api/v1/needs/recorded")))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) needs.add(numberMember(r.body(), "id"));
      } catch (Exception e) {
        // killed under this request: not acknowledged
      }
    }
    return null;
  }

  /**
   * The command centre entering 12345 tickets (issue 17) with only an address no geocoder places, so each waits in the
   * to-be-located queue, until told to stop; a failed request is not retried.
   */
  private Void receiveTickets(AtomicBoolean reporting) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (reporting.get()) {
      int i = sequence.incrementAndGet();
      String number = "KN" + seed + "-" + i;
      java.time.Instant now = java.time.Instant.now();
      String body = String.format(Locale.ROOT, "{\"ticketNumber\":\"%s\",\"receivedAt\":\"%s\",\"dueBy\":\"%s\","
          + "\"requestType\":\"HELP\",\"content\":\"kill -9 ticket %d\",\"address\":\"kill -9 road %d\"}", number, now,
          now.plus(Duration.ofDays(3)), i, i);
      try {
        HttpResponse<String> r = http.send(admin(HttpRequest.newBuilder(URI.create(base() + "/api/v1/hotline/tickets")))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) tickets.add(number);
      } catch (Exception e) {
        // killed under this request: not acknowledged
      }
    }
    return null;
  }

  /** After the last restart, with the server up: every acknowledged volunteer's full record opens to the ID number sent. */
  List<String> unreadableVolunteers() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> v : new HashMap<>(volunteers).entrySet()) {
      HttpResponse<String> r = http.send(admin(HttpRequest.newBuilder(URI.create(base() + "/api/v1/volunteers/" + v.getKey() + "/record")))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 || !r.body().contains("\"" + v.getValue() + "\"")) wrong.add(v.getKey() + " → " + r.statusCode());
    }
    return wrong;
  }

  int volunteersAcknowledged() { return volunteers.size(); }

  int needsAcknowledged() { return needs.size(); }

  int ticketsAcknowledged() { return tickets.size(); }

  private String base() { return "http://localhost:" + server.port; }

  private static HttpRequest.Builder admin(HttpRequest.Builder b) {
    String basic = java.util.Base64.getEncoder().encodeToString("admin:kill-test".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return b.timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic);
  }

  private static String numberMember(String json, String name) {
    int at = json.indexOf("\"" + name + "\":") + name.length() + 3;
    int end = at;
    while (end < json.length() && Character.isDigit(json.charAt(end))) end++;
    return json.substring(at, end);
  }

  /** The reporter's photo of their case, sent as the report page sends it (a form, with the follow token). */
  private void attachPhoto(HttpClient http, String caseId, String followToken) throws Exception {
    String boundary = "----kill-test-" + System.nanoTime();
    java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
    form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    form.writeBytes(photo);
    form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port + "/api/v1/incidents/"
            + caseId + "/media")).timeout(Duration.ofSeconds(10)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Follow-Token", followToken).POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 201) photos.add(member(r.body(), "id"));
  }

  private static String member(String json, String name) {
    int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(at, json.indexOf('"', at));
  }

  private static byte[] png() {
    try {
      var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < 64; x++) for (int y = 0; y < 48; y++) image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 90);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String summary() {
    return String.format("kill -9 test (seed %d): %d reports, %d photos, %d volunteers, %d recorded needs and %d hotline tickets acknowledged,"
        + " killed after %s ms of reporting", seed, acknowledged.size(), photos.size(), volunteers.size(), needs.size(), tickets.size(),
        killedAfterMillis);
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

    assertEquals(List.of(), lostPhotos(c), "acknowledged photos are gone or lost their bytes: " + found);
    assertEquals(List.of(), lostVolunteers(c), "acknowledged volunteers are gone: " + found);
    assertEquals(List.of(), lostNeeds(c), "acknowledged recorded needs are gone: " + found);
    assertEquals(List.of(), lostTickets(c), "acknowledged hotline tickets are gone: " + found);
    assertEquals(List.of(), tilingViolations(c), "the areas no longer tile after the crashes");
  }

  /** Acknowledged photos without their row, or without the original, public copy and thumbnail it was answered with. */
  private List<String> lostPhotos(Connection c) throws Exception {
    Map<String, Integer> variants = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select m.public_id, count(v.variant) from media m "
        + "left join media_content v on v.media_id = m.id group by m.public_id")) {
      while (rs.next()) variants.put(rs.getString(1), rs.getInt(2));
    }
    return new ArrayList<>(photos).stream().filter(id -> variants.getOrDefault(id, 0) < 3).sorted().toList();
  }

  private List<String> lostVolunteers(Connection c) throws Exception {
    Set<String> stored = new HashSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from volunteer")) {
      while (rs.next()) stored.add(Long.toString(rs.getLong(1)));
    }
    return new ArrayList<>(volunteers.keySet()).stream().filter(id -> !stored.contains(id)).sorted().toList();
  }

  private List<String> lostNeeds(Connection c) throws Exception {
    Set<String> stored = new HashSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from need_record")) {
      while (rs.next()) stored.add(Long.toString(rs.getLong(1)));
    }
    return new ArrayList<>(needs).stream().filter(id -> !stored.contains(id)).sorted().toList();
  }

  private List<String> lostTickets(Connection c) throws Exception {
    Set<String> stored = new HashSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select ticket_number from hotline_ticket")) {
      while (rs.next()) stored.add(rs.getString(1));
    }
    return new ArrayList<>(tickets).stream().filter(n -> !stored.contains(n)).sorted().toList();
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
