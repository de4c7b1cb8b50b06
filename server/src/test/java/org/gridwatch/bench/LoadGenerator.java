package org.gridwatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * An open-loop load generator: sends requests at a fixed rate whatever the server does, and measures each
 * latency from when the request was due to be sent (so a slow server cannot hide its queueing: no coordinated
 * omission). Remembers which reports were acknowledged with a 2xx.
 */
final class LoadGenerator implements AutoCloseable {
  record Result(long sent, long accepted, long failed, double seconds, long p50Micros, long p99Micros, long maxMicros,
      Set<String> acknowledged) {
    double acceptedPerSecond() { return accepted / seconds; }
  }

  private final java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(8);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(pool).build();

  /** Ends the client's threads: they are not daemons, and left running they kept {@code -Pbench verify} from ending. */
  @Override
  public void close() { pool.shutdownNow(); }

  /** @param body request body of the i-th report; @param stopAfter stop sending after this many (for the kill test) */
  Result run(String url, int perSecond, int seconds, IntFunction<String> body, Runnable atHalfTime) throws Exception {
    int total = perSecond * seconds;
    long periodNanos = 1_000_000_000L / perSecond;
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
    Set<String> acked = ConcurrentHashMap.newKeySet();
    AtomicLong failed = new AtomicLong();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    for (int i = 0; i < total; i++) {
      int n = i;
      long due = start + n * periodNanos;
      scheduler.schedule(() -> {
        if (n == total / 2 && atHalfTime != null) new Thread(atHalfTime).start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").header("Idempotency-Key", "bench-" + start + "-" + n)
            .POST(HttpRequest.BodyPublishers.ofString(body.apply(n))).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
          long micros = (System.nanoTime() - due) / 1000;
          if (e == null && r.statusCode() / 100 == 2) {
            latencies.add(micros);
            String b = r.body();
            int at = b.indexOf("\"id\":\"") + 6;
            acked.add(b.substring(at, b.indexOf('"', at)));
          } else {
            failed.incrementAndGet();
          }
          done.countDown();
        });
      }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    done.await(seconds + 60L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    scheduler.shutdownNow();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    long p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.99)));
    long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    return new Result(total, sorted.size(), failed.get(), elapsed, p50, p99, max, acked);
  }
}
