package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * The group writer's batching, without a database: a stand-in store records what each transaction held and what
 * it committed, so the batches are exact. Reports are named by their idempotency key.
 */
class GroupIntakeTest {
  /** Transactions as lists of the reports written in them; only the committed ones are kept. */
  static final class Transactions implements PlatformTransactionManager {
    final List<List<String>> committed = new ArrayList<>();
    final List<String> open = new ArrayList<>();
    int rolledBack;

    @Override
    public synchronized TransactionStatus getTransaction(TransactionDefinition definition) {
      open.clear();
      return new SimpleTransactionStatus();
    }

    @Override
    public synchronized void commit(TransactionStatus status) { committed.add(List.copyOf(open)); }

    @Override
    public synchronized void rollback(TransactionStatus status) {
      open.clear();
      rolledBack++;
    }
  }

  /** Writes a report into the open transaction; "poison" fails; "slow" waits for {@link #release}. */
  static final class Store extends IntakeWrite {
    final Transactions tx;
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch slowTaken = new CountDownLatch(1);

    Store(Transactions tx) {
      super(null, null, null, null, null, null);
      this.tx = tx;
    }

    @Override
    List<Intake.Result> writeAll(List<Intake.Checked> batch) {
      List<Intake.Result> out = new ArrayList<>();
      for (int k = 0; k < batch.size(); k++) {
        String name = batch.get(k).idempotencyKey();
        if (name.equals("slow")) {
          slowTaken.countDown();
          await();
        }
        if (name.equals("poison")) throw new IntakeWrite.ReportFailed(k, new IllegalStateException("refused: poison"));
        synchronized (tx) {
          tx.open.add(name);
        }
        out.add(new Intake.Result(null, true, null, name));
      }
      return out;
    }

    private void await() {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  final Transactions tx = new Transactions();
  final Store store = new Store(tx);
  GroupIntake group;

  @AfterEach
  void stop() {
    store.release.countDown();
    if (group != null) group.stop();
  }

  GroupIntake started(int maxBatch, Duration maxWait) {
    group = new GroupIntake(tx, store, true, 1, maxBatch, maxWait);
    group.start();
    return group;
  }

  static Intake.Checked report(String name) { return new Intake.Checked(null, null, null, null, name, null); }

  CompletableFuture<Intake.Result> send(String name) {
    return CompletableFuture.supplyAsync(() -> group.write(report(name)).orElseThrow());
  }

  /** Sends "slow" and waits until the writer is inside it, so what is sent next queues behind it. */
  CompletableFuture<Intake.Result> sendSlow() throws InterruptedException {
    var slow = send("slow");
    assertThat(store.slowTaken.await(30, TimeUnit.SECONDS)).isTrue();
    return slow;
  }

  void awaitQueued(int n) throws InterruptedException {
    for (int i = 0; i < 600 && group.queued() < n; i++) Thread.sleep(50);
    assertThat(group.queued()).isEqualTo(n);
  }

  @Test
  void reportsArrivingWhileOneIsWrittenShareTheNextTransaction() throws Exception {
    started(100, Duration.ZERO);
    var first = sendSlow();
    Map<String, CompletableFuture<Intake.Result>> next = new ConcurrentHashMap<>();
    for (String n : List.of("a", "b", "c", "d")) next.put(n, send(n));
    awaitQueued(4);
    store.release.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS).followToken()).isEqualTo("slow");
    for (var e : next.entrySet()) assertThat(e.getValue().get(30, TimeUnit.SECONDS).followToken()).isEqualTo(e.getKey());
    assertThat(tx.committed).hasSize(2);
    assertThat(tx.committed.get(0)).containsExactly("slow");
    assertThat(tx.committed.get(1)).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(group.commits()).isEqualTo(2);
    assertThat(group.committed()).isEqualTo(5);
  }

  @Test
  void aReportThatFailsIsLeftOutOfItsBatchAndFailsAloneWhileTheOthersCommit() throws Exception {
    started(100, Duration.ZERO);
    var first = sendSlow();
    Map<String, CompletableFuture<Intake.Result>> next = new ConcurrentHashMap<>();
    for (String n : List.of("a", "b", "poison", "c", "d")) next.put(n, send(n));
    awaitQueued(5);
    store.release.countDown();
    first.get(30, TimeUnit.SECONDS);

    for (String n : List.of("a", "b", "c", "d")) assertThat(next.get(n).get(30, TimeUnit.SECONDS).followToken()).isEqualTo(n);
    assertThatThrownBy(() -> next.get("poison").get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(IllegalStateException.class).hasMessage("refused: poison");
    assertThat(tx.committed).as("the neighbours commit together, without the poison").hasSize(2);
    assertThat(tx.committed.get(1)).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(tx.rolledBack).as("the batch holding it, then the poison tried alone").isEqualTo(2);
  }

  @Test
  void aBatchHoldsAtMostMaxBatchReports() throws Exception {
    started(3, Duration.ZERO);
    var first = sendSlow();
    List<CompletableFuture<Intake.Result>> next = new ArrayList<>();
    for (int i = 0; i < 7; i++) next.add(send("r" + i));
    awaitQueued(7);
    store.release.countDown();
    first.get(30, TimeUnit.SECONDS);
    for (var f : next) f.get(30, TimeUnit.SECONDS);
    assertThat(tx.committed.stream().mapToInt(List::size).max().orElseThrow()).isEqualTo(3);
    assertThat(tx.committed.stream().mapToInt(List::size).sum()).isEqualTo(8);
  }

  /** A lone report is written at once: the writer waits for company only while reports keep arriving. */
  @Test
  void aLoneReportDoesNotWaitForMaxWait() throws Exception {
    started(100, Duration.ofMinutes(10));
    assertThat(send("alone").get(30, TimeUnit.SECONDS).followToken()).isEqualTo("alone");
  }

  @Test
  void afterStopQueuedReportsAreWrittenAndNewOnesAreLeftToTheCaller() throws Exception {
    started(100, Duration.ZERO);
    var first = sendSlow();
    var queued = send("queued");
    awaitQueued(1);
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(group::stop);
    for (int i = 0; i < 600 && group.isRunning(); i++) Thread.sleep(10);
    assertThat(group.write(report("late"))).as("the caller writes it itself").isEmpty();
    store.release.countDown();
    stopping.get(30, TimeUnit.SECONDS);
    assertThat(first.get(30, TimeUnit.SECONDS).followToken()).isEqualTo("slow");
    assertThat(queued.get(30, TimeUnit.SECONDS).followToken()).isEqualTo("queued");
  }
}
