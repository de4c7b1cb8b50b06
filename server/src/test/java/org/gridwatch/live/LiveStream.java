package org.gridwatch.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test client of {@code /api/v1/live}: collects the data lines of "incident" and "boundaries" events. */
final class LiveStream implements AutoCloseable {
  final BlockingQueue<String> incidents = new LinkedBlockingQueue<>();
  final BlockingQueue<String> boundaries = new LinkedBlockingQueue<>();
  /** Every incident event received, in order, kept even after {@link #awaitEventFor} consumed it. */
  final java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
  final CompletableFuture<HttpResponse<Stream<String>>> response;
  volatile boolean connected;

  LiveStream(int port, String[] auth) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/live"))
        .header(auth[0], auth[1]).header("Accept", "text/event-stream").GET().build();
    response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(r -> {
      String[] event = {""};
      r.body().forEach(line -> {
        if (line.startsWith("event:")) event[0] = line.substring(6).trim();
        else if (line.startsWith("data:")) {
          if (event[0].equals("hello")) connected = true;
          if (event[0].equals("incident")) {
            incidents.add(line.substring(5).trim());
            seen.add(line.substring(5).trim());
          }
          if (event[0].equals("boundaries")) boundaries.add(line.substring(5).trim());
        }
      });
    });
  }

  void awaitConnected() throws InterruptedException {
    for (int i = 0; i < 100 && !connected; i++) Thread.sleep(50);
    if (!connected) throw new AssertionError("the live stream did not connect");
  }

  /** The first incident event of this type for this case id, or null after the timeout. */
  String awaitEventFor(String publicId, String type, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      String e = incidents.poll(200, TimeUnit.MILLISECONDS);
      if (e != null && e.contains("\"" + publicId + "\"") && e.contains("\"type\":\"" + type + "\"")) return e;
    }
    return null;
  }

  @Override
  public void close() { response.cancel(true); }
}
