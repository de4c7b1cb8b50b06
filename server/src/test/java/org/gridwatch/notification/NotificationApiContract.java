package org.gridwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Notifications seen from outside: area fan-out (the area and the areas inside it, not a neighbour), case hooks and
 * case subscriptions, the webhook's signature at a real receiver (retried after its first failure), the LOG channel
 * without personal data, preferences and the administrator's outbox.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class NotificationApiContract {
  @LocalServerPort int port;
  @Autowired Dispatcher dispatcher;
  @Autowired Outbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog areas;
  @Autowired LogChannel logChannel;
  @Autowired WebhookChannel webhookChannel;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  static String unique(String prefix) { return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT); }

  String status(long id) { return jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, id); }

  void subscribe(String username, String kind, String target) {
    jdbc.update("INSERT INTO subscription (id, username, kind, target, created_at) VALUES (?, ?, ?, ?, ?)",
        jdbc.queryForObject(sequence("subscription_seq"), Long.class), username, kind, target, Timestamp.from(Instant.now()));
  }

  String sequence(String name) {
    boolean pg = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    return pg ? "select nextval('" + name + "')" : "select next value for " + name;
  }

  @Test
  void anAreaMessageReachesSubscribersOfTheAreaAndAreasInsideItNotOfANeighbour() {
    AreaView community = areas.now().level(AreaLevel.COMMUNITY).stream()
        .filter(c -> areas.now().children(c.code()).size() >= 2).findFirst().orElseThrow();
    AreaView neighbour = areas.now().children(community.parentCode()).stream()
        .filter(c -> !c.code().equals(community.code())).findFirst().orElseThrow();
    String grid = areas.now().children(community.code()).get(0).code();
    String neighbourGrid = areas.now().children(neighbour.code()).get(0).code();
    String ofCommunity = unique("c-"), ofGrid = unique("g-"), ofNeighbour = unique("n-"), ofSubdistrict = unique("s-");
    subscribe(ofCommunity, "AREA", community.code());
    subscribe(ofGrid, "AREA", grid);
    subscribe(ofNeighbour, "AREA", neighbourGrid);
    subscribe(ofSubdistrict, "AREA", community.parentCode());
    String template = unique("T_AREA_");
    long parent = outbox.enqueue(new OutboxMessage(template, RecipientKind.AREA_SUBSCRIBERS, community.code(), null,
        Map.of("title", "停水通知（演示）"), template));
    DispatcherContract.Recording log = new DispatcherContract.Recording("LOG");
    dispatcher.with(List.of(log), DispatcherContract.settings(8, null, Set.of())).runAt(Instant.now(), template);

    assertThat(status(parent)).isEqualTo("FANNED_OUT");
    assertThat(jdbc.queryForList("SELECT recipient FROM outbox_message WHERE parent_id = ? AND status = 'SENT'", String.class, parent))
        .containsExactlyInAnyOrder(ofCommunity, ofGrid);
    assertThat(log.got).hasSize(2).allSatisfy(d -> assertThat(d.text()).contains("停水通知（演示）"));
  }

  @Test
  void aDispatchTellsTheUnitAndProgressReachesTheCaseSubscribers() {
    String grid = jdbc.queryForObject("SELECT MIN(g.grid_code) FROM grid_assignment g JOIN person p ON p.id = g.person_id"
        + " WHERE p.username = 'gridworker' AND g.valid_to IS NULL AND g.role = 'FULL_TIME_MEMBER'", String.class);
    Point p = areas.now().find(grid).orElseThrow().boundary().getInteriorPoint();
    Http.Response reported = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"通知测试（合成）\"}",
        p.getX(), p.getY()));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    String id = reported.json().get("id").asString();
    String token = reported.json().get("followToken").asString();
    assertThat(http.postJson("/api/v1/incidents/" + id + "/register", "{}", as("operator")).status()).isEqualTo(200);
    Http.Response d = http.postJson("/api/v1/incidents/" + id + "/dispatch", "{}", as("operator"));
    assertThat(d.status()).as(d.body()).isEqualTo(200);
    assertThat(jdbc.queryForList("SELECT recipient_kind FROM outbox_message WHERE template = 'CASE_DISPATCHED' AND params LIKE ?",
        String.class, "%" + id + "%")).as("one message to the unit the case went to").containsExactly("UNIT");

    Http.Response noToken = http.postJson("/api/v1/subscriptions", "{\"kind\":\"CASE\",\"target\":\"" + id + "\"}", as("resident"));
    assertThat(noToken.status()).isEqualTo(403);
    Http.Response follow = http.postJson("/api/v1/subscriptions",
        "{\"kind\":\"CASE\",\"target\":\"" + id + "\",\"followToken\":\"" + token + "\"}", as("resident"));
    assertThat(follow.status()).as(follow.body()).isEqualTo(201);
    Http.Response again = http.postJson("/api/v1/subscriptions",
        "{\"kind\":\"CASE\",\"target\":\"" + id + "\",\"followToken\":\"" + token + "\"}", as("resident"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asLong()).isEqualTo(follow.json().get("id").asLong());

    Http.Response started = http.postJson("/api/v1/incidents/" + id + "/start", "{}", as("gridworker"));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Long progress = jdbc.queryForObject("SELECT id FROM outbox_message WHERE template = 'CASE_PROGRESS'"
        + " AND recipient_kind = 'CASE_SUBSCRIBERS' AND recipient = ?", Long.class, id);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE template = 'CASE_PROGRESS' AND recipient = ?"
        + " AND recipient_kind = 'REPORTER'", Long.class, id)).as("an anonymous reporter left no way to reach them").isZero();
    DispatcherContract.Recording log = new DispatcherContract.Recording("LOG");
    Dispatcher d2 = dispatcher.with(List.of(log), DispatcherContract.settings(8, null, Set.of()));
    jdbc.update("UPDATE outbox_message SET next_attempt_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)), progress);
    d2.runAt(Instant.now(), "CASE_PROGRESS");
    assertThat(status(progress)).isEqualTo("FANNED_OUT");
    assertThat(log.got).filteredOn(g -> id.equals(g.params().get("case"))).singleElement()
        .satisfies(g -> assertThat(g.params()).containsEntry("status", "IN_PROGRESS"));
    assertThat(http.get("/api/v1/subscriptions", as("resident")).json().toString()).contains(id);
    long sid = follow.json().get("id").asLong();
    assertThat(http.delete("/api/v1/subscriptions/" + sid, as("community")).status()).as("not theirs").isEqualTo(404);
    assertThat(http.delete("/api/v1/subscriptions/" + sid, as("resident")).status()).isEqualTo(204);
  }

  @Test
  void subscriptionsRefuseUnknownAreasAndNeedSignIn() {
    Http.Response unknown = http.postJson("/api/v1/subscriptions", "{\"kind\":\"AREA\",\"target\":\"999999999999\"}", as("resident"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("target");
    Http.Response badChannel = http.postJson("/api/v1/subscriptions", "{\"kind\":\"AREA\",\"target\":\"x\",\"channel\":\"FAX\"}", as("resident"));
    assertThat(badChannel.json().at("/errors/0/field").asString()).isEqualTo("channel");
    Http.Response badKind = http.postJson("/api/v1/subscriptions", "{\"kind\":\"STREET\",\"target\":\"x\"}", as("resident"));
    assertThat(badKind.status()).isBetween(400, 422);
    assertThat(http.postJson("/api/v1/subscriptions", "{\"kind\":\"AREA\",\"target\":\"x\"}").status()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subscription WHERE target IN ('999999999999', 'x')", Long.class)).isZero();
  }

  @Test
  void preferencesAreCheckedWholeAndTheOptOutHolds() {
    Http.Response bad = http.put("/api/v1/notification-preferences",
        "{\"optOut\":[\"AREA_NOTICE\"],\"channel\":\"WEBHOOK\",\"quietHours\":\"25:00-07:00\",\"language\":\"fr\"}", as("planner"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("quietHours", "language", "webhookUrl");
    // a personal webhook on this machine or a private network is refused: the server would post to its neighbours
    for (String inside : List.of("https://127.0.0.1/x", "https://localhost:8443/x", "https://10.1.2.3/x", "https://[::1]/x",
        "https://169.254.169.254/latest")) {
      Http.Response refused = http.put("/api/v1/notification-preferences", "{\"channel\":\"WEBHOOK\",\"webhookUrl\":\"" + inside + "\"}",
          as("planner"));
      assertThat(refused.status()).as(inside).isEqualTo(422);
      assertThat(refused.json().get("errors").findValuesAsString("field")).as(inside).containsExactly("webhookUrl");
    }
    assertThat(http.get("/api/v1/notification-preferences", as("planner")).json().get("optOut")).isEmpty();
    Http.Response ok = http.put("/api/v1/notification-preferences",
        "{\"optOut\":[\"AREA_NOTICE\"],\"quietHours\":\"21:30-06:30\",\"language\":\"en\"}", as("planner"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("quietHours").asString()).isEqualTo("21:30-06:30");
    String template = "AREA_NOTICE";
    long id = outbox.enqueue(new OutboxMessage(template, RecipientKind.USER, "planner", null, Map.of("title", "t"), unique("PREF:")));
    jdbc.update("UPDATE outbox_message SET next_attempt_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(5)), id);
    dispatcher.with(List.of(new DispatcherContract.Recording("LOG")), DispatcherContract.settings(8, null, Set.of()))
        .runAt(Instant.now().minusSeconds(1), template);
    assertThat(status(id)).isEqualTo("SKIPPED");
    http.put("/api/v1/notification-preferences", "{}", as("planner"));
  }

  @Test
  void theWebhookIsSignedAndRetriedWhenTheReceiverFailsFirst() throws Exception {
    String secret = "test-secret-" + UUID.randomUUID();
    List<String> verified = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      String ts = ex.getRequestHeaders().getFirst("X-Gridwatch-Timestamp");
      String sig = ex.getRequestHeaders().getFirst("X-Gridwatch-Signature");
      int status = calls.incrementAndGet() == 1 ? 500 : 200;
      if (status == 200 && hmac(secret, ts + "." + new String(body, StandardCharsets.UTF_8)).equals(sig)
          && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) < 300) {
        verified.add(ex.getRequestHeaders().getFirst("X-Gridwatch-Message-Id") + " " + new String(body, StandardCharsets.UTF_8));
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
    try {
      String template = unique("T_HOOK_");
      long id = outbox.enqueue(new OutboxMessage(template, RecipientKind.ENDPOINT, "hotline", "WEBHOOK",
          Map.of("ticketNumber", "12345-0001"), template));
      DispatchSettings s = new DispatchSettings(10, 8, Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofMinutes(5), null,
          Set.of(), Map.of("hotline", new DispatchSettings.Endpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", secret)));
      Dispatcher d = dispatcher.with(List.of(webhookChannel), s);
      Instant now = Instant.now();
      d.runAt(now, template);
      assertThat(status(id)).isEqualTo("PENDING");
      assertThat(jdbc.queryForObject("SELECT last_error FROM outbox_message WHERE id = ?", String.class, id)).isEqualTo("HTTP 500");
      d.runAt(now.plus(Duration.ofMinutes(1)), template);
      assertThat(status(id)).isEqualTo("SENT");
      assertThat(verified).singleElement().satisfies(v -> assertThat(v).startsWith(id + " ").contains("\"ticketNumber\":\"12345-0001\""));
    } finally {
      server.stop(0);
    }
  }

  /** The signature computed here, independently of the channel's code. */
  static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theLogChannelWritesNoPhoneNameOrText(CapturedOutput output) {
    String template = unique("T_LOG_");
    String person = unique("张三丰");
    long id = outbox.enqueue(new OutboxMessage(template, RecipientKind.USER, person, null,
        Map.of("title", "请联系 13812345678 王小明"), template));
    dispatcher.with(List.of(logChannel), DispatcherContract.settings(8, null, Set.of())).runAt(Instant.now(), template);
    assertThat(status(id)).isEqualTo("SENT");
    assertThat(output.getAll()).contains("message " + id).doesNotContain("13812345678").doesNotContain("王小明").doesNotContain(person);
  }

  @Test
  void theOutboxIsTheAdministratorsWithPersonsMaskedAndFailedOnesRetried() {
    String template = unique("T_ADMIN_");
    long id = outbox.enqueue(new OutboxMessage(template, RecipientKind.USER, "someone", "FLAKY", Map.of(), template));
    jdbc.update("UPDATE outbox_message SET status = 'FAILED', attempts = 8, last_error = 'HTTP 503' WHERE id = ?", id);
    assertThat(http.get("/api/v1/outbox", as("operator")).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/outbox").status()).isEqualTo(401);
    JsonNode list = http.get("/api/v1/outbox?status=FAILED&template=" + template, as("admin")).json();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("recipient").asString()).isEqualTo("s***");
    assertThat(list.get(0).get("lastError").asString()).isEqualTo("HTTP 503");
    assertThat(http.get("/api/v1/outbox?status=LOST", as("admin")).json().at("/errors/0/field").asString()).isEqualTo("status");
    assertThat(http.get("/api/v1/outbox?limit=0", as("admin")).json().at("/errors/0/field").asString()).isEqualTo("limit");
    Http.Response retried = http.postJson("/api/v1/outbox/" + id + "/retry", "{}", as("admin"));
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(retried.json().get("status").asString()).isEqualTo("PENDING");
    assertThat(retried.json().get("attempts").asInt()).isZero();
    Http.Response twice = http.postJson("/api/v1/outbox/" + id + "/retry", "{}", as("admin"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("type").asString()).endsWith("/problems/illegal-transition");
    assertThat(http.postJson("/api/v1/outbox/987654321987/retry", "{}", as("admin")).status()).isEqualTo(404);
    jdbc.update("UPDATE outbox_message SET status = 'SKIPPED' WHERE id = ?", id);
  }
}
