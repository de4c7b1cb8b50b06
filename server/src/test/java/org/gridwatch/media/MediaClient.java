package org.gridwatch.media;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gridwatch.support.Http;

/** Uploads as a browser form sends them (part {@code file}, field {@code kind}) and downloads as bytes. */
final class MediaClient {
  record Bytes(int status, java.net.http.HttpHeaders headers, byte[] body) {
    String header(String name) { return headers.firstValue(name).orElse(null); }
  }

  private final Http http;
  private final HttpClient client = HttpClient.newHttpClient();

  MediaClient(Http http) { this.http = http; }

  Http.Response upload(String caseId, String filename, String contentType, byte[] file, String kind, String... headers) {
    return http.upload("/api/v1/incidents/" + caseId + "/media", kind == null ? java.util.Map.of() : java.util.Map.of("kind", kind),
        filename, contentType, file, headers);
  }

  Bytes get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.url(path)));
    Http.withHeaders(b, headers); // English texts unless a test asks for another language
    try {
      HttpResponse<byte[]> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
