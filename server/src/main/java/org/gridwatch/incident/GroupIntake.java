package org.gridwatch.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group-committing intake writer: reports checked and placed by {@link Intake} queue here, and whoever writes
 * next takes whatever has arrived (up to {@code gridwatch.intake.group.max-batch}), stores it in ONE transaction and
 * commits, and only then answers each caller. The commit (and its fsync) is what a report costs the database most;
 * sharing it lets intake keep pace with the database instead of waiting for one flush per report.
 *
 * <p>There is no writer thread: the callers write, in turn (leader and followers). A caller queues its report and,
 * if fewer than {@code gridwatch.intake.group.writers} (default 2) batches are being written, becomes a writer
 * itself: it takes the queue and writes batches until its own report is committed. The others wait for their answer
 * and look again every {@link #FOLLOWER_LOOK_MS} ms, so a report never waits behind a writer that has left. The
 * work runs on the request threads, which the machine shares out fairly: a dedicated writer pool was seen to fall
 * behind the request threads for a core when the CPU was saturated, and the queue to grow to seconds.
 *
 * <p>No added latency when idle: a lone report is written at once by its own caller. A writer waits (at most
 * {@code gridwatch.intake.group.max-wait}) for more only while reports keep arriving behind the first.
 *
 * <p>One failing report does not fail its batch: the batch is rolled back and written again without it, and the
 * failed report is then tried alone in its own transaction (it may have failed only because of a neighbour), so
 * its caller gets the error it would have got writing alone. A failed commit fails the whole batch (nobody was
 * answered, nothing is acknowledged). Thread-safe; the callers block until their report is committed.
 *
 * <p>With {@code gridwatch.intake.group.enabled=false} every report is written in its own transaction, as before.
 */
@Component
class GroupIntake implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(GroupIntake.class);
  /** How often a waiting caller looks whether its report still needs a writer. */
  static final long FOLLOWER_LOOK_MS = 2;

  private record Pending(Intake.Checked report, CompletableFuture<Intake.Result> answer) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final TransactionTemplate tx;
  private final IntakeWrite write;
  private final boolean enabled;
  private final int writers;
  private final Semaphore writing;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean running;

  GroupIntake(PlatformTransactionManager transactions, IntakeWrite write,
      @Value("${gridwatch.intake.group.enabled:true}") boolean enabled,
      @Value("${gridwatch.intake.group.writers:2}") int writers,
      @Value("${gridwatch.intake.group.max-batch:100}") int maxBatch,
      @Value("${gridwatch.intake.group.max-wait:PT0.002S}") Duration maxWait) {
    if (maxBatch < 1) throw new IllegalArgumentException("gridwatch.intake.group.max-batch must be at least 1");
    if (writers < 1) throw new IllegalArgumentException("gridwatch.intake.group.writers must be at least 1");
    this.writers = writers;
    this.writing = new Semaphore(writers);
    this.tx = new TransactionTemplate(transactions);
    this.write = write;
    this.enabled = enabled;
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * Queues the report and returns once the batch holding it has committed, writing batches itself while a writer's
   * place is free. Empty when the writer is not running (disabled, not yet started or stopping): the caller then
   * writes the report itself.
   */
  java.util.Optional<Intake.Result> write(Intake.Checked report) {
    Pending p = new Pending(report, new CompletableFuture<>());
    synchronized (this) {
      if (!running) return java.util.Optional.empty();
      queue.add(p);
    }
    boolean interrupted = false;
    while (!p.answer().isDone()) {
      if (!queue.isEmpty() && writing.tryAcquire()) {
        try {
          writeUntilAnswered(p);
        } catch (InterruptedException e) {
          interrupted = true;
        } finally {
          writing.release();
        }
      }
      if (!p.answer().isDone()) { // another writer holds it, or no place was free: wait a little, then look again
        try {
          p.answer().get(FOLLOWER_LOOK_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) { // not yet, or failed: the loop (or join below) sees it
        } catch (InterruptedException e) { // the report is queued: it is written all the same; answer its caller
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
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

  /** Reports queued and not yet taken by a writer. */
  int queued() { return queue.size(); }

  @Override
  public synchronized void start() {
    if (enabled) running = true;
  }

  /** Stops taking reports, and waits (at most 30 s) until those already queued are written. */
  @Override
  public void stop() {
    synchronized (this) {
      running = false;
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try {
      while ((!queue.isEmpty() || writing.availablePermits() < writers) && System.nanoTime() < until) Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() { return running; }

  /** Stops after the web server (which stops earlier, its phase being higher), so no answered request is cut off. */
  @Override
  public int getPhase() { return SmartLifecycle.DEFAULT_PHASE - 4096; }

  /** As a writer: takes batches from the queue and stores them until {@code mine} is answered (or the queue is empty). */
  private void writeUntilAnswered(Pending mine) throws InterruptedException {
    while (!mine.answer().isDone()) {
      List<Pending> batch = new ArrayList<>(Math.min(maxBatch, 256));
      queue.drainTo(batch, maxBatch);
      if (batch.isEmpty()) return; // another writer holds it
      try {
        gather(batch);
        store(batch);
      } catch (InterruptedException e) {
        store(batch); // taken from the queue: written all the same, then the interrupt is passed on
        throw e;
      } catch (Throwable t) { // answer the batch: nobody may wait for ever
        log.error("intake batch of {} failed", batch.size(), t);
        fail(batch, t);
      }
    }
  }

  /** Takes what is queued behind the first report; while more keep coming, waits up to max-wait to fill the batch. */
  private void gather(List<Pending> batch) throws InterruptedException {
    if (batch.size() == 1 && queue.isEmpty() || maxWaitNanos <= 0) return;
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
