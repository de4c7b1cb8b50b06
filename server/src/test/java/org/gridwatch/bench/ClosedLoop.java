package org.gridwatch.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** A closed loop: {@code clients} callers, each sending its next request when the last was answered. */
final class ClosedLoop {
  private ClosedLoop() {}

  /** Requests per second answered 2xx over {@code forSeconds}; request n is {@code requestFor(first + n)}. */
  static double answeredPerSecond(int clients, int forSeconds, int first, IntFunction<HttpRequest> requestFor) throws Exception {
    AtomicLong ok = new AtomicLong();
    AtomicInteger seq = new AtomicInteger(first);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(forSeconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        jobs.add(pool.submit(() -> {
          HttpClient http = HttpClient.newHttpClient();
          while (System.nanoTime() < end) {
            if (http.send(requestFor.apply(seq.incrementAndGet()), HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
              ok.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : jobs) f.get();
    } finally {
      pool.shutdownNow();
    }
    return ok.get() / (double) forSeconds;
  }
}
