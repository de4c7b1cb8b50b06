package org.gridwatch.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group-committing intake writer: reports checked and placed by {@link Intake} queue here, a writer thread
 * takes whatever has arrived (up to {@code gridwatch.intake.group.max-batch}), stores them in ONE transaction and
 * commits, and only then answers each caller. The commit (and its fsync) is what a report costs the database most;
 * sharing it lets intake keep pace with the database instead of waiting for one flush per report. A few writers
 * ({@code gridwatch.intake.group.writers}, default 2) take turns, so one batch's round trips overlap another's commit.
 *
 * <p>No added latency when idle: a lone report is written at once. The writer waits (at most
 * {@code gridwatch.intake.group.max-wait}) for more only while reports keep arriving behind the first.
 *
 * <p>One failing report does not fail its batch: the batch is rolled back and written again without it, and the
 * failed report is then tried alone in its own transaction (it may have failed only because of a neighbour), so
 * its caller gets the error it would have got writing alone. A failed commit fails the whole batch (nobody was
 * answered, nothing is acknowledged). Thread-safe; the callers block until their report is committed.
 *
 * <p>Off by default ({@code gridwatch.intake.group.enabled=false}: every report in its own transaction, on the
 * request's thread). Switch it on where the commit is what a report costs: synchronous replication to a standby (each
 * commit waits for the standby's flush), a remote database, a slow disk. Where the CPU is the bound instead — the
 * application and PostgreSQL sharing a few cores, as measured in docs/benchmarks.md ("Group-committed intake") — the
 * writer's threads compete with the request threads for a core and an overload queues behind them, so one
 * transaction per report answers sooner.
 */
@Component
class GroupIntake implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(GroupIntake.class);

  private record Pending(Intake.Checked report, CompletableFuture<Intake.Result> answer) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final TransactionTemplate tx;
  private final IntakeWrite write;
  private final boolean enabled;
  private final int writers;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();
  private boolean running;
  private final List<Thread> threads = new ArrayList<>();

  GroupIntake(PlatformTransactionManager transactions, IntakeWrite write,
      @Value("${gridwatch.intake.group.enabled:false}") boolean enabled,
      @Value("${gridwatch.intake.group.writers:2}") int writers,
      @Value("${gridwatch.intake.group.max-batch:100}") int maxBatch,
      @Value("${gridwatch.intake.group.max-wait:PT0.002S}") Duration maxWait) {
    if (maxBatch < 1) throw new IllegalArgumentException("gridwatch.intake.group.max-batch must be at least 1");
    if (writers < 1) throw new IllegalArgumentException("gridwatch.intake.group.writers must be at least 1");
    this.writers = writers;
    this.tx = new TransactionTemplate(transactions);
    this.write = write;
    this.enabled = enabled;
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * Queues the report and waits until the batch holding it has committed. Empty when the writer is not running
   * (disabled, not yet started or stopping): the caller then writes the report itself.
   */
  java.util.Optional<Intake.Result> write(Intake.Checked report) {
    Pending p = new Pending(report, new CompletableFuture<>());
    synchronized (this) {
      if (!running) return java.util.Optional.empty();
      queue.add(p);
    }
    try {
      return java.util.Optional.of(p.answer().join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error error) throw error;
      throw e;
    }
  }

  /** Transactions committed by the writer so far, and the reports they held: their ratio is the mean batch. */
  long commits() { return commits.get(); }

  long committed() { return committed.get(); }

  /** Reports queued and not yet taken by the writer. */
  int queued() { return queue.size(); }

  @Override
  public synchronized void start() {
    if (!enabled || running) return;
    running = true;
    threads.clear();
    for (int i = 1; i <= writers; i++) {
      Thread writer = new Thread(this::loop, "group-intake-" + i);
      writer.setDaemon(true);
      writer.start();
      threads.add(writer);
    }
  }

  /** Stops taking reports, writes those already queued, and waits for the writers to end. */
  @Override
  public void stop() {
    List<Thread> ending;
    synchronized (this) {
      running = false;
      ending = List.copyOf(threads);
    }
    try {
      for (Thread w : ending) w.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() { return running; }

  /** Stops after the web server (which stops earlier, its phase being higher), so no answered request is cut off. */
  @Override
  public int getPhase() { return SmartLifecycle.DEFAULT_PHASE - 4096; }

  private void loop() {
    while (true) {
      List<Pending> batch = new ArrayList<>(Math.min(maxBatch, 256));
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          synchronized (this) {
            if (!running && queue.isEmpty()) return;
          }
          continue;
        }
        batch.add(first);
        gather(batch);
        store(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(batch, new IllegalStateException("intake writer interrupted"));
        return;
      } catch (Throwable t) { // the writer must outlive any failure: answer the batch and go on
        log.error("intake batch of {} failed", batch.size(), t);
        fail(batch, t);
      }
    }
  }

  /** Takes what is queued behind the first report; while more keep coming, waits up to max-wait to fill the batch. */
  private void gather(List<Pending> batch) throws InterruptedException {
    queue.drainTo(batch, maxBatch - batch.size());
    if (batch.size() == 1 || maxWaitNanos <= 0) return;
    long until = System.nanoTime() + maxWaitNanos;
    while (batch.size() < maxBatch) {
      long left = until - System.nanoTime();
      Pending next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) return;
      batch.add(next);
      queue.drainTo(batch, maxBatch - batch.size());
    }
  }

  /**
   * Writes the batch in one transaction. A report that fails on its own is left out (and then tried alone) and the
   * rest written again; when the database refuses the batch without naming a report, each is tried alone.
   */
  private void store(List<Pending> batch) {
    List<Pending> todo = new ArrayList<>(batch);
    List<Pending> alone = new ArrayList<>();
    while (!todo.isEmpty()) {
      List<Intake.Result> written;
      boolean[] refusedInside = {false};
      try {
        written = tx.execute(status -> {
          try {
            return write.writeAll(todo.stream().map(Pending::report).toList());
          } catch (RuntimeException e) {
            refusedInside[0] = true;
            throw e;
          }
        });
      } catch (IntakeWrite.ReportFailed failed) {
        if (todo.size() == 1) {
          fail(todo, failed.getCause());
          break;
        }
        alone.add(todo.remove(failed.index));
        continue;
      } catch (RuntimeException | Error e) {
        // a failed commit acknowledges no one (and is not retried: it may have been applied); a report alone failed
        if (!refusedInside[0] || todo.size() == 1) fail(todo, e);
        else alone.addAll(todo); // the database refused the batch without naming a report: each tries alone
        break;
      }
      commits.incrementAndGet();
      committed.addAndGet(written.size());
      for (int k = 0; k < todo.size(); k++) todo.get(k).answer().complete(written.get(k));
      break;
    }
    for (Pending p : alone) store(List.of(p));
  }

  private static void fail(List<Pending> batch, Throwable why) {
    for (Pending p : batch) p.answer().completeExceptionally(why);
  }
}
