package org.gridwatch.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gridwatch.address.AddressLine;
import org.gridwatch.address.AddressRegister;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The 12345 hotline through the HTTP API as the hotline system and the command centre use it: a signed ticket becomes
 * one case however often it is sent; a number reused for another request, an unsigned or badly signed ticket and bad
 * input are refused with nothing stored; a ticket with only an address is placed or queued, then located; the loop's
 * refusals and its 回单 in the outbox; the measures against a direct count of the rows.
 */
abstract class HotlineContract {
  /** As the test profiles set gridwatch.hotline.inbound-secret. */
  static final String SECRET = "test-hotline-secret";
  static final String GRID = "370203014001001";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AddressRegister addresses;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  static Point inside(String gridCode) {
    DemoFiles.Feature g = DemoFiles.read("grids").stream().filter(f -> f.code().equals(gridCode)).findFirst().orElseThrow();
    return new MaximumInscribedCircle(g.geometry(), 1e-6).getCenter();
  }

  static String number() { return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20); }

  static String ticket(String number, String content, String where) {
    Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return "{\"ticketNumber\":\"" + number + "\",\"receivedAt\":\"" + received + "\",\"dueBy\":\"" + received.plus(3, ChronoUnit.DAYS)
        + "\",\"requestType\":\"COMPLAINT\",\"category\":\"SANITATION\",\"content\":\"" + content + "\"" + where
        + ",\"caller\":{\"name\":\"王先生\",\"phone\":\"13812345678\"}}";
  }

  static String at(Point p) { return String.format(Locale.ROOT, ",\"lon\":%.7f,\"lat\":%.7f", p.getX(), p.getY()); }

  /** The hotline system's signature over the exact bytes sent, computed here independently of the server's code. */
  static String[] signed(String body, long epochSeconds, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String sig = HexFormat.of().formatHex(mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
      return new String[] {"X-Hotline-Timestamp", String.valueOf(epochSeconds), "X-Hotline-Signature", "sha256=" + sig};
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Http.Response send(String body) { return send(body, "application/json"); }

  Http.Response send(String body, String contentType) {
    return http.postBytes("/api/v1/hotline/tickets", body.getBytes(StandardCharsets.UTF_8), contentType,
        signed(body, Instant.now().getEpochSecond(), SECRET));
  }

  int tickets(String number) { return jdbc.queryForObject("select count(*) from hotline_ticket where ticket_number = ?", Integer.class, number); }

  int casesSaying(String content) { return jdbc.queryForObject("select count(*) from incident where description = ?", Integer.class, content); }

  String step(String number, String step, String body, int expected) { return step(number, step, body, expected, "operator"); }

  String step(String number, String step, String body, int expected, String user) {
    Http.Response r = http.postJson("/api/v1/hotline/tickets/" + number + "/" + step, body, as(user));
    assertThat(r.status()).as(step + " " + r.body()).isEqualTo(expected);
    return r.body();
  }

  JsonNode act(String caseId, String action, String body, String user) {
    Http.Response r = http.postJson("/api/v1/incidents/" + caseId + "/" + action, body, as(user));
    assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void aTicketReceivedTwiceIsOneCaseWithTheCallerSealed() {
    String n = number();
    String content = "小区门口垃圾三天没人清运 " + n;
    String body = ticket(n, content, at(inside(GRID)));
    Http.Response first = send(body);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String caseId = first.json().get("caseId").asString();
    assertThat(caseId).startsWith("GW-");
    assertThat(first.json().get("located").asBoolean()).isTrue();
    assertThat(first.json().get("status").asString()).isEqualTo("RECEIVED");
    Http.Response again = send(body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("caseId").asString()).isEqualTo(caseId);
    assertThat(casesSaying(content)).isEqualTo(1);

    JsonNode staff = http.get("/api/v1/incidents/" + caseId, as("operator")).json();
    assertThat(staff.get("channel").asString()).isEqualTo("HOTLINE");
    assertThat(staff.get("gridCode").asString()).isEqualTo(GRID);
    assertThat(staff.get("requestType").asString()).isEqualTo("COMPLAINT");
    assertThat(staff.at("/reporter/phone").asString()).isEqualTo("13812345678");
    assertThat(http.get("/api/v1/incidents/" + caseId).body()).doesNotContain("13812345678").doesNotContain("王先生");

    JsonNode view = http.get("/api/v1/hotline/tickets/" + n, as("operator")).json();
    assertThat(view.get("caseId").asString()).isEqualTo(caseId);
    assertThat(view.at("/incident/gridCode").asString()).isEqualTo(GRID);
    assertThat(Instant.parse(view.get("signBy").asString())).as("default sign limit: 2 h after receipt")
        .isEqualTo(Instant.parse(view.get("receivedAt").asString()).plus(2, ChronoUnit.HOURS));
    JsonNode byCase = http.get("/api/v1/hotline/tickets?case=" + caseId, as("operator")).json().get("tickets");
    assertThat(byCase).hasSize(1);
    assertThat(byCase.get(0).get("callerPhone").asString()).isEqualTo("138****5678");
  }

  @Test
  void aNumberReusedForAnotherRequestIsRefusedAndNothingStored() {
    String n = number();
    String content = "楼道灯坏了 " + n;
    assertThat(send(ticket(n, content, at(inside(GRID)))).status()).isEqualTo(201);
    String other = "噪音扰民 " + n;
    Http.Response r = send(ticket(n, other, at(inside(GRID))));
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("type").asString()).endsWith("/problems/ticket-conflict");
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("ticketNumber");
    assertThat(casesSaying(other)).isZero();
    assertThat(jdbc.queryForObject("select content from hotline_ticket where ticket_number = ?", String.class, n)).isEqualTo(content);
  }

  @Test
  void unsignedOrBadlySignedTicketsAreRefusedWithNothingStored() {
    String n = number();
    String body = ticket(n, "未签名工单 " + n, at(inside(GRID)));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    List<Http.Response> refused = List.of(
        http.postBytes("/api/v1/hotline/tickets", bytes, "application/json"),
        http.postBytes("/api/v1/hotline/tickets", bytes, "application/json", signed(body, now, "wrong-secret")),
        http.postBytes("/api/v1/hotline/tickets", bytes, "application/json", signed(body, now - 3600, SECRET)),
        http.postBytes("/api/v1/hotline/tickets", bytes, "application/json", signed(body.replace("未签名", "被篡改"), now, SECRET)),
        http.postBytes("/api/v1/hotline/tickets", bytes, "application/json", as("resident")));
    for (Http.Response r : refused) {
      assertThat(r.status()).as(r.body()).isEqualTo(401);
      assertThat(r.json().get("type").asString()).endsWith("/problems/bad-signature");
    }
    assertThat(tickets(n)).isZero();
    assertThat(casesSaying("未签名工单 " + n)).isZero();
    Http.Response byHand = http.postBytes("/api/v1/hotline/tickets", bytes, "application/json", as("operator"));
    assertThat(byHand.status()).as("an operator enters a ticket by hand, unsigned").isEqualTo(201);
  }

  @Test
  void aTicketWithOnlyAnAddressIsPlacedByTheGeocoderOrQueuedThenLocated() {
    AddressLine a = addresses.all().stream().filter(l -> l.building() != null && l.road().length() >= 3)
        .filter(l -> l.number().chars().allMatch(Character::isDigit)).findFirst().orElseThrow();
    String full = a.road() + a.number() + "号" + a.building() + "号楼";
    JsonNode expected = http.get("/api/v1/geocode?q=" + java.net.URLEncoder.encode(full, StandardCharsets.UTF_8)).json()
        .get("results").get(0);
    assertThat(expected.get("match").asString()).isEqualTo("EXACT");
    String placed = number();
    Http.Response r = send(ticket(placed, "地址工单 " + placed, ",\"address\":\"" + full + "\""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("located").asBoolean()).isTrue();
    JsonNode c = http.get("/api/v1/incidents/" + r.json().get("caseId").asString(), as("operator")).json();
    assertThat(c.get("gridCode").asString()).isEqualTo(expected.at("/grid/code").asString());

    String queued = number();
    r = send(ticket(queued, "找不到的地址 " + queued, ",\"address\":\"无此路99999号\""));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("located").asBoolean()).isFalse();
    assertThat(r.json().get("status").asString()).isEqualTo("TO_LOCATE");
    assertThat(r.json().get("caseId").isNull()).isTrue();
    JsonNode queue = http.get("/api/v1/hotline/tickets?status=TO_LOCATE&limit=1000", as("operator")).json().get("tickets");
    assertThat(queue.findValuesAsString("ticketNumber")).contains(queued).doesNotContain(placed);

    String far = number();
    r = send(ticket(far, "坐标在辖区外 " + far, ",\"lon\":100.0,\"lat\":30.0"));
    assertThat(r.status()).as("coordinates outside every grid: queued, never dropped").isEqualTo(201);
    assertThat(r.json().get("status").asString()).isEqualTo("TO_LOCATE");

    String outside = step(queued, "locate", "{\"lon\":100.0,\"lat\":30.0}", 400);
    assertThat(outside).contains("\"field\":\"lon\"");
    assertThat(tickets(queued)).isEqualTo(1);
    Point p = inside(GRID);
    JsonNode located = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(step(queued, "locate", String.format(Locale.ROOT, "{\"lon\":%.7f,\"lat\":%.7f}", p.getX(), p.getY()), 200));
    assertThat(located.get("status").asString()).isEqualTo("RECEIVED");
    assertThat(http.get("/api/v1/incidents/" + located.get("caseId").asString(), as("operator")).json().get("gridCode").asString())
        .isEqualTo(GRID);
    step(queued, "locate", String.format(Locale.ROOT, "{\"lon\":%.7f,\"lat\":%.7f}", p.getX(), p.getY()), 409);
    assertThat(casesSaying("找不到的地址 " + queued)).isEqualTo(1);
  }

  @Test
  void aReturnNeedsAReasonAndApprovalThenTheCaseIsRejectedAndTheHotlineTold() {
    String n = number();
    String caseId = send(ticket(n, "非本区事项 " + n, at(inside(GRID)))).json().get("caseId").asString();
    for (String body : List.of("{}", "{\"reason\":\"   \"}")) {
      String refused = step(n, "return", body, 422);
      assertThat(refused).contains("\"field\":\"reason\"");
    }
    assertThat(jdbc.queryForObject("select count(*) from hotline_event where ticket_number = ? and type = 'RETURN_REQUESTED'",
        Integer.class, n)).isZero();
    step(n, "return", "{\"reason\":\"不属于本区管辖\"}", 200);
    step(n, "return", "{\"reason\":\"again\"}", 409);
    // four eyes: who asked for the return does not approve it, and nothing changes when they try
    assertThat(step(n, "return/approve", "{}", 403)).contains("/problems/forbidden");
    assertThat(http.get("/api/v1/hotline/tickets/" + n, as("operator")).json().get("status").asString()).isNotEqualTo("RETURNED");
    step(n, "return/approve", "{}", 200, "admin");
    JsonNode view = http.get("/api/v1/hotline/tickets/" + n, as("operator")).json();
    assertThat(view.get("status").asString()).isEqualTo("RETURNED");
    assertThat(view.get("returnReason").asString()).isEqualTo("不属于本区管辖");
    assertThat(http.get("/api/v1/incidents/" + caseId, as("operator")).json().get("status").asString()).isEqualTo("REJECTED");
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where dedup_key = ? and template = 'HOTLINE_RETURN'"
        + " and recipient_kind = 'ENDPOINT' and recipient = 'hotline'", Integer.class, "HOTLINE_RETURN:" + n)).isEqualTo(1);
  }

  @Test
  void aReplyWaitsForTheResolvedCaseGoesToTheOutboxAndADissatisfiedVisitRedoesIt() {
    String n = number();
    String caseId = send(ticket(n, "路灯不亮 " + n, at(inside(GRID)))).json().get("caseId").asString();
    step(n, "reply", "{\"text\":\"已修复\",\"result\":\"SOLVED\"}", 409);
    step(n, "sign", "{}", 200);
    step(n, "sign", "{}", 409);
    assertThat(step(n, "reply", "{\"result\":\"SOLVED\"}", 422)).contains("\"field\":\"text\"");
    step(n, "reply", "{\"text\":\"已修复\",\"result\":\"SOLVED\"}", 409);
    act(caseId, "register", "{}", "operator");
    act(caseId, "dispatch", "{}", "operator");
    act(caseId, "resolve", "{\"note\":\"已更换灯泡\"}", "gridworker");
    step(n, "reply", "{\"text\":\"已更换灯泡，恢复照明\",\"result\":\"SOLVED\"}", 200);
    var message = jdbc.queryForMap("select template, recipient_kind, recipient, channel, params, status from outbox_message where dedup_key = ?",
        "HOTLINE_REPLY:" + n + ":1");
    assertThat(message.get("template")).isEqualTo("HOTLINE_REPLY");
    assertThat(message.get("recipient_kind")).isEqualTo("ENDPOINT");
    assertThat(message.get("recipient")).isEqualTo("hotline");
    assertThat(message.get("channel")).isEqualTo("WEBHOOK");
    JsonNode params = tools.jackson.databind.json.JsonMapper.builder().build().readTree((String) message.get("params"));
    assertThat(params.get("ticketNumber").asString()).isEqualTo(n);
    assertThat(params.get("result").asString()).isEqualTo("SOLVED");
    assertThat(params.get("text").asString()).isEqualTo("已更换灯泡，恢复照明");
    assertThat(Instant.parse(params.get("repliedAt").asString())).isBeforeOrEqualTo(Instant.now());
    assertThat(params.toString()).doesNotContain("13812345678");

    step(n, "visit", "{\"result\":\"DISSATISFIED\",\"note\":\"晚上还是不亮\"}", 200);
    JsonNode reopened = http.get("/api/v1/incidents/" + caseId, as("operator")).json();
    assertThat(reopened.get("status").asString()).isEqualTo("DISPATCHED");
    JsonNode view = http.get("/api/v1/hotline/tickets/" + n, as("operator")).json();
    assertThat(view.get("status").asString()).isEqualTo("SIGNED");
    assertThat(view.get("redos").asInt()).isEqualTo(1);
    assertThat(view.get("history").findValuesAsString("type")).containsSubsequence("RECEIVED", "SIGNED", "REPLIED", "VISITED");
  }

  @Test
  void badInputIsRefusedNamingTheFieldWithNothingStored() {
    String n = number();
    String good = ticket(n, "坏输入 " + n, at(inside(GRID)));
    record Case(String body, String field) {}
    List<Case> cases = List.of(
        new Case("{\"ticketNumber\":", "body"),
        new Case(good.replaceFirst("\"lon\":[0-9.]+", "\"lon\":\"east\""), "lon"),
        new Case(good.replaceFirst("\"lon\":[0-9.]+", "\"lon\":\"NaN\""), "lon"),
        new Case(good.replaceFirst("\"lat\":[0-9.]+", "\"lat\":95"), "lat"),
        new Case(good.replaceFirst("\"lat\":[0-9.]+,", ""), "lat"),
        new Case(good.replace("\"requestType\":\"COMPLAINT\"", "\"requestType\":\"SHOUT\""), "requestType"),
        new Case(good.replaceFirst("\"dueBy\":\"[^\"]+\",", ""), "dueBy"),
        new Case(good.replace("坏输入 " + n, "长".repeat(4001)), "content"),
        new Case(good.replace("\"ticketNumber\":\"" + n + "\"", "\"ticketNumber\":\"a/b\""), "ticketNumber"),
        new Case(good.replace("\"SANITATION\"", "\"NO_SUCH\""), "category"));
    for (Case c : cases) {
      Http.Response r = send(c.body());
      assertThat(r.status()).as(c.body()).isBetween(400, 422);
      assertThat(r.json().get("errors").findValuesAsString("field")).as(r.body()).contains(c.field());
    }
    assertThat(tickets(n)).isZero();
    assertThat(casesSaying("坏输入 " + n)).isZero();
  }

  @Test
  void aCsvBatchStoresTheGoodRowsAndNamesTheBadOnesByRow() {
    String a = number();
    String b = number();
    Point p = inside(GRID);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String header = "ticketNumber,receivedAt,dueBy,requestType,content,lon,lat,callerName,callerPhone\n";
    String rowA = String.format(Locale.ROOT, "%s,%s,%s,HELP,\"独居老人求助, 需要送餐\",%.7f,%.7f,张三,13900002222\n", a, now,
        now.plus(2, ChronoUnit.DAYS), p.getX(), p.getY());
    String rowB = String.format(Locale.ROOT, "%s,%s,,HELP,没有期限,%.7f,%.7f,,\n", b, now, p.getX(), p.getY());
    Http.Response r = send(header + rowA + rowB + rowA, "text/csv");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode rows = r.json().get("rows");
    assertThat(rows.get(0).get("outcome").asString()).isEqualTo("CREATED");
    assertThat(rows.get(1).get("row").asInt()).isEqualTo(3);
    assertThat(rows.get(1).get("outcome").asString()).isEqualTo("REFUSED");
    assertThat(rows.get(1).get("errors").findValuesAsString("field")).contains("dueBy");
    assertThat(rows.get(2).get("outcome").asString()).isEqualTo("REPEATED");
    assertThat(rows.get(2).at("/answer/caseId").asString()).isEqualTo(rows.get(0).at("/answer/caseId").asString());
    assertThat(tickets(a)).isEqualTo(1);
    assertThat(tickets(b)).isZero();
    assertThat(casesSaying("独居老人求助, 需要送餐")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void onlyTheCommandCentreReadsTicketsAndMeasures() {
    assertThat(http.get("/api/v1/hotline/tickets", as("community")).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/hotline/measures", as("gridworker")).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/hotline/tickets").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/hotline/tickets", as("admin")).status()).isEqualTo(200);
  }

  /**
   * Four tickets on a day of their own (random, years back, so that no other row shares it): A signed on time, resolved
   * and replied late, visited satisfied; B signed late, resolved and replied on time, visited dissatisfied (redone); C
   * never signed nor handled; D not located and returned. Every rate is checked against a direct count of the rows.
   */
  @Test
  void theMeasuresAgreeWithADirectCount() {
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
    java.time.LocalDate day = java.time.LocalDate.of(2000, 1, 1).plusDays(new java.util.Random().nextInt(7000));
    Instant received = day.atTime(10, 0).atZone(zone).toInstant();
    Instant far = Instant.parse("2099-01-01T00:00:00Z");
    String where = at(inside(GRID));
    String a = receiveOn(received, far, received.plus(3, ChronoUnit.DAYS), where);
    String b = receiveOn(received, null, far, where);
    receiveOn(received, null, received.plus(1, ChronoUnit.DAYS), where);
    String d = receiveOn(received, null, received.plus(1, ChronoUnit.DAYS), ",\"address\":\"无此路99999号\"");
    for (String n : List.of(a, b)) {
      step(n, "sign", "{}", 200);
      String caseId = http.get("/api/v1/hotline/tickets/" + n, as("operator")).json().get("caseId").asString();
      act(caseId, "register", "{}", "operator");
      act(caseId, "dispatch", "{}", "operator");
      act(caseId, "resolve", "{\"note\":\"已处理\"}", "gridworker");
      step(n, "reply", "{\"text\":\"已处理\",\"result\":\"SOLVED\"}", 200);
    }
    step(a, "visit", "{\"result\":\"SATISFIED\"}", 200);
    step(b, "visit", "{\"result\":\"DISSATISFIED\"}", 200);
    step(d, "return", "{\"reason\":\"地址不在本区\"}", 200);
    step(d, "return/approve", "{}", 200, "admin");

    JsonNode total = http.get("/api/v1/hotline/measures?from=" + day + "&to=" + day + "&by=department", as("operator")).json()
        .get("total");
    assertThat(total.get("tickets").asInt()).isEqualTo(4);
    String inDay = " from hotline_ticket t left join incident i on i.id = t.incident_id where t.received_at >= ? and t.received_at < ?";
    java.sql.Timestamp from = java.sql.Timestamp.from(received.minus(10, ChronoUnit.HOURS));
    java.sql.Timestamp to = java.sql.Timestamp.from(received.plus(14, ChronoUnit.HOURS));
    java.util.function.Function<String, Integer> count = cond -> jdbc.queryForObject("select count(*)" + inDay + " and " + cond,
        Integer.class, from, to);
    String notReturned = "t.status <> 'RETURNED'";
    String passed = "current_timestamp";
    expect(total, "signedOnTimeRate", count.apply("t.signed_at is not null and t.signed_at <= t.sign_by"),
        count.apply("(t.signed_at is not null or t.sign_by < " + passed + ")"), 1, 4);
    expect(total, "closedOnTimeRate", count.apply(notReturned + " and i.resolved_at is not null and i.resolved_at <= t.due_by"),
        count.apply(notReturned + " and (i.resolved_at is not null or t.due_by < " + passed + ")"), -1, 3);
    expect(total, "returnRate", count.apply("t.status = 'RETURNED'"), count.apply("1 = 1"), 1, 4);
    expect(total, "redoRate", count.apply("t.replies > 0 and t.redos > 0"), count.apply("t.replies > 0"), 1, 2);
    expect(total, "visitRate", count.apply("t.replies > 0 and t.visited_at is not null"), count.apply("t.replies > 0"), 2, 2);
    expect(total, "satisfactionRate", count.apply("t.replies > 0 and t.visit_result in ('SATISFIED', 'BASIC')"),
        count.apply("t.replies > 0 and t.visited_at is not null"), 1, 2);
    expect(total, "repliedOnTimeRate", count.apply(notReturned + " and t.replied_at is not null and t.replied_at <= t.due_by"),
        count.apply(notReturned + " and (t.replied_at is not null or t.due_by < " + passed + ")"), 1, 3);

    JsonNode byArea = http.get("/api/v1/hotline/measures?from=" + day + "&to=" + day + "&by=area&level=community", as("operator"))
        .json().get("rows");
    JsonNode community = null;
    JsonNode unlocated = null;
    for (JsonNode r : byArea) {
      if (r.get("code").isNull()) unlocated = r;
      else if (r.get("code").asString().equals(GRID.substring(0, 12))) community = r;
    }
    assertThat(byArea).hasSize(2);
    assertThat(community.get("tickets").asInt()).isEqualTo(3);
    assertThat(community.get("name").asString()).isNotBlank();
    assertThat(unlocated.get("tickets").asInt()).isEqualTo(1);
    assertThat(unlocated.at("/returnRate/rate").asDouble()).isEqualTo(1.0);
  }

  private String receiveOn(Instant received, Instant signBy, Instant dueBy, String where) {
    String n = number();
    String body = "{\"ticketNumber\":\"" + n + "\",\"receivedAt\":\"" + received + "\"" + (signBy == null ? "" : ",\"signBy\":\"" + signBy + "\"")
        + ",\"dueBy\":\"" + dueBy + "\",\"requestType\":\"HELP\",\"content\":\"考核 " + n + "\"" + where + "}";
    Http.Response r = send(body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return n;
  }

  /** The rate's counts equal the direct count and, where the test's own story fixes them (not -1), those numbers. */
  private static void expect(JsonNode row, String rate, int numerator, int denominator, int knownNumerator, int knownDenominator) {
    JsonNode r = row.get(rate);
    assertThat(r.get("numerator").asInt()).as(rate).isEqualTo(numerator);
    assertThat(r.get("denominator").asInt()).as(rate).isEqualTo(denominator);
    if (knownNumerator >= 0) assertThat(numerator).as(rate + " from the story").isEqualTo(knownNumerator);
    assertThat(denominator).as(rate + " from the story").isEqualTo(knownDenominator);
    assertThat(r.get("rate").asDouble()).as(rate).isCloseTo((double) numerator / denominator, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void theDemoHasSyntheticTicketsInEveryState() {
    for (String status : List.of("TO_LOCATE", "SIGNED", "RETURNED", "REPLIED", "VISITED")) {
      JsonNode list = http.get("/api/v1/hotline/tickets?status=" + status + "&limit=1000", as("operator")).json().get("tickets");
      List<String> demo = list.findValuesAsString("ticketNumber").stream().filter(n -> n.startsWith("DEMO-")).toList();
      assertThat(demo).as(status).isNotEmpty();
    }
    assertThat(jdbc.queryForObject("select count(*) from hotline_ticket where synthetic and content not like '%演示%'", Integer.class))
        .as("every demo ticket says it is synthetic").isZero();
    assertThat(jdbc.queryForObject("select count(*) from hotline_ticket where synthetic and redos > 0", Integer.class)).isPositive();
  }
}
