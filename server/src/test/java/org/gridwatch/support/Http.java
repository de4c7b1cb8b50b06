package org.gridwatch.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the server under test, as an API client would call it. */
public final class Http {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  public Http(int port) { this.base = "http://localhost:" + port; }

  public record Response(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() { return JSON.readTree(body); }
    public String contentType() { return headers.firstValue("Content-Type").orElse(""); }
    public String header(String name) { return headers.firstValue(name).orElse(null); }
  }

  public Response get(String path, String... headers) { return send(request(path, headers).GET().build()); }

  public Response head(String path, String... headers) {
    return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  public Response postJson(String path, String json, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public Response patch(String path, String json, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public Response put(String path, String json, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public Response post(String path, String body, String contentType, String... headers) {
    return send(request(path, headers).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  /** A file as the raw body, as a client uploads a delivery ({@code curl --data-binary @file}). */
  public Response postBytes(String path, byte[] body, String contentType, String... headers) {
    return send(request(path, headers).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** A file as a browser form uploads it: {@code multipart/form-data} with one part {@code file}. */
  public Response upload(String path, String filename, String contentType, byte[] file, String... headers) {
    return upload(path, java.util.Map.of(), filename, contentType, file, headers);
  }

  /** A form of plain {@code fields} (in their order) and one part {@code file}, as a browser sends it. */
  public Response upload(String path, java.util.Map<String, String> fields, String filename, String contentType, byte[] file,
      String... headers) {
    String boundary = "----gridwatch-test-" + Long.toHexString(System.nanoTime());
    java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    form.writeBytes(file);
    form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return postBytes(path, form.toByteArray(), "multipart/form-data; boundary=" + boundary, headers);
  }

  public Response options(String path, String... headers) {
    return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
  }

  public Response delete(String path, String... headers) { return send(request(path, headers).DELETE().build()); }

  public Response postForm(String path, String form, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
  }

  public static String[] basic(String user, String password) {
    return new String[] {"Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))};
  }

  public String url(String path) { return path.startsWith("http") ? path : base + path; }

  /**
   * Tests read the English texts unless they ask for another language: the server's default (no header) is Chinese,
   * so a request that names no {@code Accept-Language} is sent with {@code en}.
   */
  private HttpRequest.Builder request(String path, String... headers) {
    return withHeaders(HttpRequest.newBuilder(URI.create(url(path))), headers);
  }

  /** Adds the headers (name, value, name, value, ...) and {@code Accept-Language: en} unless they name a language. */
  public static HttpRequest.Builder withHeaders(HttpRequest.Builder b, String... headers) {
    boolean language = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      language |= headers[i].equalsIgnoreCase("Accept-Language");
    }
    if (!language) b.header("Accept-Language", "en");
    return b;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
