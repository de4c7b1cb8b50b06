package org.gridwatch.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a message as JSON {@code {"id","template","params","createdAt","language","text"}} to a URL. Headers:
 * {@code X-Gridwatch-Message-Id} (the idempotency key), {@code X-Gridwatch-Timestamp} (epoch seconds) and, when the
 * endpoint has a secret, {@code X-Gridwatch-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))}.
 * A 2xx answer is delivered; any other status, a timeout or a refused connection is a failed attempt.
 */
@Component
class WebhookChannel implements DeliveryChannel {
  static final String NAME = "WEBHOOK";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final Duration timeout;

  record Body(long id, String template, Map<String, String> params, String createdAt, String language, String text) {}

  WebhookChannel(@Value("${gridwatch.notification.webhook-timeout:PT10S}") Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override public String name() { return NAME; }

  @Override
  public void deliver(Delivery d) throws DeliveryFailed {
    if (d.url() == null) throw new DeliveryFailed("no webhook URL");
    String body = JSON.writeValueAsString(new Body(d.messageId(), d.template(), d.params(), d.createdAt().toString(),
        d.language(), d.text()));
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(d.url())).timeout(timeout);
    } catch (IllegalArgumentException e) {
      throw new DeliveryFailed("not a webhook URL");
    }
    request.header("Content-Type", "application/json; charset=utf-8")
        .header("X-Gridwatch-Message-Id", Long.toString(d.messageId()))
        .header("X-Gridwatch-Timestamp", timestamp);
    if (d.secret() != null && !d.secret().isEmpty()) request.header("X-Gridwatch-Signature", signature(d.secret(), timestamp, body));
    int status;
    try {
      status = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.net.http.HttpTimeoutException e) {
      throw new DeliveryFailed("timeout");
    } catch (java.io.IOException e) {
      throw new DeliveryFailed("connection failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted");
    }
    if (status < 200 || status > 299) throw new DeliveryFailed("HTTP " + status);
  }

  /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
  static String signature(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
