package org.gridwatch.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gridwatch.notification.Dispatcher;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 回单 reaches the hotline: a reply enqueued by the loop is posted by the outbox's WEBHOOK channel to a local test
 * receiver standing in for the hotline, which checks the signature with the shared secret and fails the first call;
 * the retry after the backoff delivers it, once, and the message is SENT.
 */
abstract class HotlineReplyDeliveryContract {
  static final String INBOUND = HotlineContract.SECRET;
  /** The test profiles point the hotline endpoint at this receiver's fixed port with this secret. */
  static final String OUTBOUND = "test-hotline-outbound";
  static final int RECEIVER_PORT = 47345;
  /** What the receiver got: "status message-id signature-valid body" per call. */
  static final List<String> CALLS = new CopyOnWriteArrayList<>();
  static final HttpServer RECEIVER = receiver();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Dispatcher dispatcher;
  @Autowired java.time.Clock clock;

  // The receiver is not stopped after a class: both store classes share it (it is static here), and the one run second
  // found it stopped ("connection failed"). The test JVM ends it.

  private static HttpServer receiver() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 0);
      server.createContext("/12345", ex -> {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String ts = ex.getRequestHeaders().getFirst("X-Gridwatch-Timestamp");
        boolean valid = ("sha256=" + hmac(OUTBOUND, ts + "." + body)).equals(ex.getRequestHeaders().getFirst("X-Gridwatch-Signature"));
        String id = ex.getRequestHeaders().getFirst("X-Gridwatch-Message-Id");
        // keyed by id and body: the H2 and PostGIS classes share this receiver, and their outbox ids may coincide
        boolean first = CALLS.stream().noneMatch(c -> c.split(" ")[1].equals(id) && c.endsWith(" " + body));
        int status = first ? 503 : 200;
        CALLS.add(status + " " + id + " " + valid + " " + body);
        ex.sendResponseHeaders(status, -1);
        ex.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theReplyIsDeliveredSignedAndRetriedAfterTheReceiverFailsFirst() {
    Http http = new Http(port);
    String[] operator = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
    String n = HotlineContract.number();
    String body = HotlineContract.ticket(n, "井盖缺失 " + n, HotlineContract.at(HotlineContract.inside(HotlineContract.GRID)));
    Http.Response received = http.postBytes("/api/v1/hotline/tickets", body.getBytes(StandardCharsets.UTF_8), "application/json",
        HotlineContract.signed(body, Instant.now().getEpochSecond(), INBOUND));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String caseId = received.json().get("caseId").asString();
    assertThat(http.postJson("/api/v1/hotline/tickets/" + n + "/sign", "{}", operator).status()).isEqualTo(200);
    for (String[] step : List.of(new String[] {"register", "operator"}, new String[] {"dispatch", "operator"},
        new String[] {"resolve", "gridworker"})) {
      Http.Response r = http.postJson("/api/v1/incidents/" + caseId + "/" + step[0], "{\"note\":\"已补装井盖\"}",
          Http.basic(step[1], TestEnvironment.DEMO_PASSWORD));
      assertThat(r.status()).as(step[0] + " " + r.body()).isEqualTo(200);
    }
    assertThat(http.postJson("/api/v1/hotline/tickets/" + n + "/reply", "{\"text\":\"已补装井盖\",\"result\":\"SOLVED\"}", operator)
        .status()).isEqualTo(200);
    long id = jdbc.queryForObject("select id from outbox_message where dedup_key = ?", Long.class, "HOTLINE_REPLY:" + n + ":1");

    Instant now = clock.instant(); // the application's clock: an earlier test in the JVM may have moved it
    dispatcher.runAt(now, "HOTLINE_REPLY");
    assertThat(status(id)).isEqualTo("PENDING");
    // the retry is due a minute later; a round may first meet replies other tests left waiting, so a few rounds on
    for (int minutes = 2; minutes <= 32 && !"SENT".equals(status(id)); minutes *= 2) {
      dispatcher.runAt(now.plus(Duration.ofMinutes(minutes)), "HOTLINE_REPLY");
    }
    assertThat(status(id)).as(jdbc.queryForMap("select * from outbox_message where id = ?", id).toString()).isEqualTo("SENT");

    List<String> mine = CALLS.stream().filter(c -> c.split(" ")[1].equals(String.valueOf(id)) && c.contains(n)).toList();
    assertThat(mine).hasSize(2);
    assertThat(mine.get(0)).startsWith("503 ");
    assertThat(mine.get(1)).startsWith("200 " + id + " true ");
    JsonNode delivered = JsonMapper.builder().build().readTree(mine.get(1).split(" ", 4)[3]);
    assertThat(delivered.get("template").asString()).isEqualTo("HOTLINE_REPLY");
    assertThat(delivered.at("/params/ticketNumber").asString()).isEqualTo(n);
    assertThat(delivered.at("/params/result").asString()).isEqualTo("SOLVED");
    assertThat(delivered.at("/params/text").asString()).isEqualTo("已补装井盖");
    assertThat(delivered.toString()).doesNotContain("13812345678");
  }

  private String status(long id) { return jdbc.queryForObject("select status from outbox_message where id = ?", String.class, id); }
}
