package org.gridwatch.incident.admission;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Admission control in front of the report writes: at most {@code gridwatch.intake.admission.max-in-flight} reports
 * are checked, placed and written at once; a report finding every slot taken waits at most
 * {@code gridwatch.intake.admission.max-wait} for one, and is then refused with 503, {@code Retry-After} and a problem
 * in the reader's language — before anything is written, so the client may send it again (with its Idempotency-Key
 * it is stored once).
 *
 * <p>Why: above what the database can commit, an unbounded intake lets every request wait — latencies grow without
 * bound, clients time out, and almost nothing is acknowledged in time even though the server works flat out. A
 * bounded number in flight keeps the reports it takes fast and tells the others at once when to come back
 * (docs/benchmarks.md, "Intake admission control").
 *
 * <p>The default, 16, is a little above the connection pool (Hikari's 10): with one transaction per report a
 * report holds a connection only while it is written, and sixteen reporters arriving at once are all taken without
 * waiting. More only share the same cores more thinly on a CPU-bound machine (measured at 150 % of the ceiling: 32
 * in flight kept p99 of the accepted at 5.3–5.5 s, 8 at 0.5–3.3 s). With the group writer on, the slots also bound
 * a batch: raise it there. A deployment under sustained overload on few cores may lower it (8 did better here).
 *
 * <p>Cheap: one fair {@link Semaphore} (waiters get the freed slots first come, first served); no lock is held around
 * the request. A report takes its slot before anything else touches the database — also before its Idempotency-Key
 * is looked up, a read that under overload would itself queue for a pooled connection. Reads are never gated, nor is
 * a report written inside a transaction its caller already holds (the hotline opens its ticket's case with the
 * ticket: that caller holds a connection already, and waiting here while holding it would only make the pool
 * scarcer). Thread-safe.
 */
@Component
public class IntakeAdmission {
  /** What a refused client is told to wait: a slot frees within milliseconds, so the least HTTP can say. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  /** A slot taken by one report while it is checked, placed and written; closing it (once) lets the next one in. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  private final Semaphore slots;
  private final int maxInFlight;
  private final long maxWaitNanos;
  private final AtomicLong refused = new AtomicLong();

  public IntakeAdmission(@Value("${gridwatch.intake.admission.max-in-flight:16}") int maxInFlight,
      @Value("${gridwatch.intake.admission.max-wait:PT0.2S}") Duration maxWait) {
    if (maxInFlight < 1) throw new IllegalArgumentException("gridwatch.intake.admission.max-in-flight must be at least 1");
    if (maxWait.isNegative()) throw new IllegalArgumentException("gridwatch.intake.admission.max-wait must not be negative");
    this.maxInFlight = maxInFlight;
    this.maxWaitNanos = maxWait.toNanos();
    this.slots = new Semaphore(maxInFlight, true);
  }

  /**
   * Takes a slot, waiting at most max-wait for one; the caller closes it when its report is written (or failed).
   * 503 with {@code Retry-After} when none freed in time.
   */
  public Slot enter() {
    boolean in;
    try {
      in = slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      in = false;
    }
    if (!in) {
      refused.incrementAndGet();
      throw busy();
    }
    AtomicBoolean open = new AtomicBoolean(true);
    return () -> {
      if (open.compareAndSet(true, false)) slots.release();
    };
  }

  /** The most reports admitted at once. */
  public int maxInFlight() { return maxInFlight; }

  /** Reports admitted and not yet done. */
  public int inFlight() { return maxInFlight - slots.availablePermits(); }

  /** Reports refused since start. */
  public long refused() { return refused.get(); }

  /** 503: intake is full; nothing was stored; send the same report again after {@link #RETRY_AFTER}. */
  static ProblemException busy() {
    long seconds = RETRY_AFTER.toSeconds();
    return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "intake-busy", "Intake busy",
        Text.of("incident.intake-busy-retry-in-x", seconds), List.of())
        .retryAfter(RETRY_AFTER).with("retryAfter", seconds);
  }
}
