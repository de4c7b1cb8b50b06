package org.gridwatch.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request pipeline as a clumsy or hostile client meets it: a walker reads the generated OpenAPI document
 * ({@code /v3/api-docs}) and sends every operation of {@code /api/v1}, as the demo ADMIN, wrong JSON types for
 * each body property and query parameter, missing required fields, unknown extra fields, huge and negative
 * numbers, NaN, empty, array and malformed bodies, a wrong Content-Type and {@code Accept: application/xml}.
 * Every answer must be below 500, every 4xx an {@code application/problem+json} problem, and a refused write must
 * leave every table as it was (checked per operation whose requests were all refused). The walker takes turns at
 * asking in Chinese, in no language and in English: every problem's title and reasons must read in Chinese (contain
 * Han characters) for the first two and must not for English. All failures are reported together.
 */
abstract class RequestPipelineContract {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Values of the wrong kind or out of any sensible range, as JSON. */
  private static final List<String> BAD_VALUES = List.of("{\"x\":1}", "[1,2]", "\"abc\"", "true", "1e308",
      "9223372036854775808", "-1", "\"NaN\"");
  /** The same for query parameters (all strings on the wire). */
  private static final List<String> BAD_PARAMS = List.of("{\"x\":1}", "[1,2]", "abc", "true", "1e308",
      "2147483648", "9223372036854775808", "-1", "NaN");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, List<String>> failures = new java.util.TreeMap<>();
  private String operation = "";
  private int sent;
  private int accepted;
  private List<String> tables;
  private JsonNode components;

  record Sent(String method, String path, String query, String contentType, String accept, String body, String what) {}

  /** The readers the walker takes turns with: Chinese asked for, no header (Chinese by default) and English. */
  private static final List<String> LANGUAGES = java.util.Arrays.asList("zh-CN,zh;q=0.9", null, "en");
  private static final java.util.regex.Pattern CJK = java.util.regex.Pattern.compile("\\p{IsHan}");

  record Answer(int status, String contentType, String body) {}

  @Test
  void theDocumentIsOpenApi30WithSecuritySchemesAndPublicOperationsNeedNone() {
    Http.Response doc = new Http(port).get("/v3/api-docs");
    assertThat(doc.status()).as(doc.body()).isEqualTo(200);
    JsonNode api = doc.json();
    assertThat(api.get("openapi").asString()).startsWith("3.0");
    assertThat(api.get("paths").propertyNames()).allMatch(p -> p.startsWith("/api/v1/")).contains("/api/v1/incidents", "/api/v1/me");
    JsonNode schemes = api.at("/components/securitySchemes");
    assertThat(schemes.at("/basic/scheme").asString()).isEqualTo("basic");
    assertThat(schemes.at("/session/in").asString()).isEqualTo("cookie");
    assertThat(schemes.at("/session/name").asString()).isEqualTo("JSESSIONID");
    assertThat(schemes.at("/csrf/name").asString()).isEqualTo("X-XSRF-TOKEN");
    assertThat(api.at("/paths/~1api~1v1~1incidents/post/security").isEmpty()).as("reporting is public").isTrue();
    assertThat(api.at("/paths/~1api~1v1~1incidents/get/security").toString()).contains("basic", "session");
    String write = api.at("/paths/~1api~1v1~1categories~1{code}/put/security").toString();
    assertThat(write).contains("basic").contains("csrf");
    assertThat(new Http(port).get("/swagger-ui.html").status()).isIn(200, 302);
  }

  /** What Tomcat or the firewall refuses before any controller sees it is a problem too, in the reader's language. */
  @Test
  void requestsTheContainerRefusesAreProblemsToo() throws Exception {
    for (String target : List.of("/api/v1/areas/%zz", "/api/v1/areas/a%00b", "/api/v1//areas", "/api/v1/areas/%2e%2e/x")) {
      String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: zh-CN\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
          .contains("\"status\":400").contains("请求无效");
    }
    String english = raw("GET /api/v1/areas/%zz HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nConnection: close\r\n\r\n");
    assertThat(english).contains("Bad request");
    String byDefault = raw("GET /api/v1/areas/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(byDefault).as("no Accept-Language: Chinese").contains("请求无效");
    Http.Response xml = new Http(port).get("/api/v1/config", "Accept", "application/xml", "Accept-Language", "zh-CN,zh;q=0.9");
    assertThat(xml.status()).isEqualTo(406);
    assertThat(xml.contentType()).startsWith("application/problem+json");
    assertThat(xml.json().get("title").asString()).isEqualTo("无法提供所要求的格式");
    // A method the endpoint does not have, by a role the access table admits there (elsewhere: refused by default).
    Http.Response wrongMethod = new Http(port).delete("/api/v1/categories/SANITATION", Http.basic("admin", TestEnvironment.DEMO_PASSWORD));
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).contains("PUT");
    assertThat(wrongMethod.json().get("title").asString()).isEqualTo("Method not allowed");
  }

  private String raw(String request) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyOperationAnswersBadInputWithAProblemNeverA500AndARefusedWriteStoresNothing() throws Exception {
    JsonNode api = new Http(port).get("/v3/api-docs").json();
    components = api.path("components").path("schemas");
    tables = tables();
    Map<String, String> vars = pathVariables();
    for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) continue;
        String method = op.getKey().toUpperCase();
        Map<String, Long> before = method.equals("GET") ? null : counts();
        int acceptedBefore = accepted;
        operation = method + " " + path.getKey();
        walk(method, path.getKey(), op.getValue(), vars);
        if (before != null && accepted == acceptedBefore) { // every request refused: nothing may have been stored
          Map<String, Long> after = counts();
          List<String> changed = new ArrayList<>();
          before.forEach((t, n) -> { if (!n.equals(after.get(t))) changed.add(t + " " + n + "→" + after.get(t)); });
          if (!changed.isEmpty()) fail("every request refused, yet stored " + changed);
        }
      }
    }
    assertThat(sent).as("the walker sent requests").isGreaterThan(200);
    StringBuilder report = new StringBuilder();
    int total = 0;
    for (Map.Entry<String, List<String>> f : failures.entrySet()) {
      total += f.getValue().size();
      report.append("\n").append(f.getKey()).append(": ").append(f.getValue().size()).append(" failed, e.g.");
      f.getValue().stream().limit(4).forEach(line -> report.append("\n    ").append(line));
    }
    assertThat(failures).as(total + " of " + sent + " requests failed, in " + failures.size() + " operations:" + report).isEmpty();
  }

  private void walk(String method, String template, JsonNode op, Map<String, String> vars) throws Exception {
    boolean destructive = method.equals("DELETE");
    String path = template;
    for (Map.Entry<String, String> v : vars.entrySet()) {
      path = path.replace("{" + v.getKey() + "}", destructive ? "walker-none-" + v.getValue() : v.getValue());
    }
    path = path.replaceAll("\\{[^}]+}", "walker-unknown");
    if (op.toString().contains("text/event-stream")) { // a stream that never ends: only what it must refuse
      send(new Sent(method, path, "", null, "application/xml", null, "Accept: application/xml"));
      return;
    }
    Map<String, JsonNode> query = new LinkedHashMap<>();
    List<String> requiredQuery = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      if (!"query".equals(p.path("in").asString(""))) continue;
      String name = p.get("name").asString();
      if (p.path("required").asBoolean(false)) {
        requiredQuery.add(name);
        query.put(name, sample(resolve(p.path("schema")), name));
      }
    }
    String base = queryString(query, null, null);
    JsonNode bodySchema = null;
    String bodyType = null;
    for (Map.Entry<String, JsonNode> c : op.path("requestBody").path("content").properties()) {
      bodyType = c.getKey();
      bodySchema = resolve(c.getValue().path("schema"));
      break;
    }
    boolean json = bodyType != null && bodyType.contains("json");
    String baseBody = json ? JSON.writeValueAsString(sample(bodySchema, "body")) : bodyType == null ? null : "x";
    String ct = bodyType == null ? null : json ? "application/json" : bodyType;

    send(new Sent(method, path, base, ct, "application/xml", baseBody, "Accept: application/xml"));
    for (JsonNode p : op.path("parameters")) {
      if (!"query".equals(p.path("in").asString(""))) continue;
      String name = p.get("name").asString();
      for (String bad : BAD_PARAMS) {
        send(new Sent(method, path, queryString(query, name, bad), ct, null, baseBody, "query " + name + "=" + bad));
      }
    }
    for (String name : requiredQuery) {
      Map<String, JsonNode> less = new LinkedHashMap<>(query);
      less.remove(name);
      send(new Sent(method, path, queryString(less, null, null), ct, null, baseBody, "without required query " + name));
    }
    if (method.equals("GET") || method.equals("DELETE")) return;

    if (bodySchema != null && json && bodySchema.has("properties")) {
      ObjectNode sample = (ObjectNode) JSON.readTree(baseBody);
      for (Map.Entry<String, JsonNode> prop : bodySchema.get("properties").properties()) {
        for (String bad : BAD_VALUES) {
          ObjectNode b = sample.deepCopy();
          b.set(prop.getKey(), JSON.readTree(bad));
          send(new Sent(method, path, base, ct, null, b.toString(), "body " + prop.getKey() + "=" + bad));
        }
      }
      for (JsonNode required : bodySchema.path("required")) {
        ObjectNode b = sample.deepCopy();
        b.remove(required.asString());
        send(new Sent(method, path, base, ct, null, b.toString(), "without required " + required.asString()));
      }
      ObjectNode extra = sample.deepCopy();
      extra.put("walkerUnknownField", "surplus");
      extra.set("walkerUnknownObject", JSON.readTree("{\"a\":[1,{\"b\":null}]}"));
      send(new Sent(method, path, base, ct, null, extra.toString(), "extra unknown fields"));
    }
    String jsonType = json ? ct : "application/json";
    for (String bad : List.of("", "[{}]", "{\"a\":", "{}", "{\"location\":[1,2],\"points\":\"x\",\"stops\":{}}")) {
      send(new Sent(method, path, base, jsonType, null, bad, bad.isEmpty() ? "an empty body" : "body " + bad));
    }
    send(new Sent(method, path, base, "text/plain", null, baseBody == null ? "x" : baseBody, "Content-Type: text/plain"));
    send(new Sent(method, path, base, "application/xml", null, "<a/>", "Content-Type: application/xml"));
    send(new Sent(method, path, base, "multipart/form-data; boundary=walker", null, "--walker--\r\n", "an empty multipart body"));
  }

  private void send(Sent s) throws Exception {
    sent++;
    Answer a;
    try {
      a = exchange(s);
    } catch (java.io.IOException e) {
      fail(describe(s) + " → no answer (" + e + ")");
      return;
    }
    if (a.status() >= 500) {
      fail(describe(s) + " → " + a.status() + " " + abbreviate(a.body()));
    } else if (a.status() >= 400 && !a.contentType().startsWith("application/problem+json")) {
      fail(describe(s) + " → " + a.status() + " as " + a.contentType() + ", not a problem: " + abbreviate(a.body()));
    }
    if (a.status() < 300 && !s.method().equals("GET")) accepted++;
    if (a.status() >= 400 && a.contentType().startsWith("application/problem+json")) readable(s, a);
  }

  /** A problem reads in the language asked for: every title and reason Chinese for zh or no header, none for en. */
  private void readable(Sent s, Answer a) {
    String language = LANGUAGES.get(sent % LANGUAGES.size());
    boolean chinese = language == null || language.startsWith("zh");
    JsonNode problem = JSON.readTree(a.body());
    List<String> texts = new ArrayList<>();
    texts.add(problem.path("title").asString(""));
    for (JsonNode e : problem.path("errors")) texts.add(e.path("reason").asString(""));
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      // English may quote what must be written in Chinese (a column header such as 楼栋编码): it reads in English
      // when Latin letters outnumber Han characters; a title has none.
      long han = CJK.matcher(text).results().count(), latin = text.chars().filter(c -> c < 128 && Character.isLetter(c)).count();
      boolean readsChinese = chinese ? han > 0 : i == 0 ? han > 0 : han >= latin;
      if (readsChinese != chinese) {
        fail(describe(s) + " [Accept-Language: " + language + "] → " + a.status() + " reads " + (chinese ? "not in Chinese" : "in Chinese")
            + ": " + abbreviate(text));
      }
    }
  }

  private org.gridwatch.support.FormLogin.Session admin;

  private void fail(String what) { failures.computeIfAbsent(operation, k -> new ArrayList<>()).add(what); }

  private Answer exchange(Sent s) throws Exception {
    String url = "http://localhost:" + port + s.path() + (s.query().isEmpty() ? "" : "?" + s.query());
    // A session signed in once: a Basic header would cost one bcrypt per request, thousands of them per walk.
    if (admin == null) admin = org.gridwatch.support.FormLogin.signIn(new Http(port), "admin");
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Cookie", admin.cookies()).header("X-XSRF-TOKEN", admin.csrf());
    if (s.accept() != null) b.header("Accept", s.accept());
    String language = LANGUAGES.get(sent % LANGUAGES.size());
    if (language != null) b.header("Accept-Language", language);
    if (s.contentType() != null) b.header("Content-Type", s.contentType());
    HttpRequest.BodyPublisher body = s.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(s.body(), StandardCharsets.UTF_8);
    HttpResponse<String> r = client.send(b.method(s.method(), body).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  private static String describe(Sent s) {
    return s.method() + " " + s.path() + (s.query().isEmpty() ? "" : "?" + s.query()) + " [" + s.what() + "]";
  }

  private static String abbreviate(String body) {
    String b = body == null ? "" : body.replaceAll("\\s+", " ");
    return b.length() > 160 ? b.substring(0, 160) + "…" : b;
  }

  private static String queryString(Map<String, JsonNode> query, String replaced, String raw) {
    List<String> parts = new ArrayList<>();
    boolean done = false;
    for (Map.Entry<String, JsonNode> e : query.entrySet()) {
      if (e.getKey().equals(replaced)) {
        parts.add(param(e.getKey(), raw));
        done = true;
      } else {
        parts.add(param(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString()));
      }
    }
    if (replaced != null && !done) parts.add(param(replaced, raw));
    return String.join("&", parts);
  }

  private static String param(String name, String value) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A value of the right shape for {@code schema}: what a careless but well-meaning client would send. */
  private JsonNode sample(JsonNode schema, String name) {
    schema = resolve(schema);
    if (schema.has("example")) return schema.get("example");
    if (schema.has("enum")) return schema.get("enum").get(0);
    String type = schema.path("type").asString("object");
    switch (type) {
      case "integer": return NODES.numberNode(1);
      case "number": return NODES.numberNode(1.5);
      case "boolean": return NODES.booleanNode(true);
      case "string": return NODES.stringNode(schema.path("format").asString("").equals("date") ? "2026-05-01"
          : schema.path("format").asString("").equals("date-time") ? "2026-05-01T08:00:00Z" : "walker-" + name);
      case "array": {
        ArrayNode a = NODES.arrayNode();
        a.add(sample(schema.path("items"), name));
        return a;
      }
      default: {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
          o.set(p.getKey(), sample(p.getValue(), p.getKey()));
        }
        return o;
      }
    }
  }

  private JsonNode resolve(JsonNode schema) {
    for (int i = 0; i < 10 && schema != null && schema.has("$ref"); i++) {
      String ref = schema.get("$ref").asString();
      schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    if (schema != null && schema.has("allOf") && schema.get("allOf").size() == 1) return resolve(schema.get("allOf").get(0));
    return schema == null ? NODES.objectNode() : schema;
  }

  /** Path variables from the demo data, so that the walker reaches the handlers. */
  private Map<String, String> pathVariables() {
    Http http = new Http(port);
    String[] admin = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
    Map<String, String> vars = new LinkedHashMap<>();
    JsonNode grid = first(http.get("/api/v1/areas?q=" + URLEncoder.encode("网格", StandardCharsets.UTF_8), admin).json(),
        n -> n.has("code") && "grid".equals(n.path("level").asString("")));
    vars.put("code", grid == null ? "walker-grid" : grid.get("code").asString());
    JsonNode incident = first(http.get("/api/v1/incidents?limit=5", admin).json(), n -> n.has("id") && n.has("status"));
    vars.put("id", incident == null ? "walker-case" : incident.get("id").asString());
    vars.put("action", "register");
    vars.put("level", "grids");
    vars.put("year", "2026");
    vars.put("kind", "split");
    return vars;
  }

  private static JsonNode first(JsonNode tree, Predicate<JsonNode> wanted) {
    if (tree == null) return null;
    if (tree.isObject() && wanted.test(tree)) return tree;
    Iterator<JsonNode> children = tree.values().iterator();
    while (children.hasNext()) {
      JsonNode found = first(children.next(), wanted);
      if (found != null) return found;
    }
    return null;
  }

  /**
   * Every table of the application's schema (what a refused write might have touched), but the HTTP sessions: a
   * refused request may still open or touch its caller's session (sessions live in the database since issue 18).
   */
  private List<String> tables() {
    return jdbc.queryForList("select table_name from information_schema.tables where lower(table_schema) = lower(current_schema)"
        + " and table_type in ('BASE TABLE', 'TABLE')", String.class).stream()
        .filter(t -> !List.of("flyway_schema_history", "spatial_ref_sys", "spring_session", "spring_session_attributes")
            .contains(t.toLowerCase()))
        .sorted().toList();
  }

  private Map<String, Long> counts() {
    StringBuilder sql = new StringBuilder();
    for (String t : tables) {
      if (!sql.isEmpty()) sql.append(" union all ");
      sql.append("select '").append(t).append("' as t, count(*) as n from \"").append(t).append('"');
    }
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.query(sql.toString(), rs -> { out.put(rs.getString(1), rs.getLong(2)); });
    return out;
  }
}
