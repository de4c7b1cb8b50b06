package org.gridwatch.incident.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridwatch.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The gate alone: filled it refuses with 503 and a time to retry; a freed slot admits again; a waiter gets it. */
class IntakeAdmissionTest {
  @Test
  void aFullGateRefusesWith503AndRetryAfterAndAFreedSlotAdmitsAgain() {
    IntakeAdmission gate = new IntakeAdmission(2, Duration.ofMillis(20));
    IntakeAdmission.Slot first = gate.enter();
    IntakeAdmission.Slot second = gate.enter();
    assertThat(gate.inFlight()).isEqualTo(2);

    assertThatThrownBy(gate::enter).isInstanceOfSatisfying(ProblemException.class, refused -> {
      assertThat(refused.status().value()).isEqualTo(503);
      assertThat(refused.slug()).isEqualTo("intake-busy");
      assertThat(refused.retryAfterSeconds()).isEqualTo(1L);
      assertThat(refused.detail(Locale.ENGLISH)).contains("was not stored", "again in 1 s", "Idempotency-Key");
      assertThat(refused.detail(Locale.SIMPLIFIED_CHINESE)).contains("未保存", "1 秒后");
      assertThat(refused.title(Locale.SIMPLIFIED_CHINESE)).isEqualTo("上报受理繁忙");
    });
    assertThat(gate.refused()).isEqualTo(1);
    assertThat(gate.inFlight()).isEqualTo(2);

    first.close();
    first.close(); // a slot closed twice frees one place, not two
    assertThat(gate.inFlight()).isEqualTo(1);
    IntakeAdmission.Slot third = gate.enter();
    assertThatThrownBy(gate::enter).isInstanceOf(ProblemException.class);
    assertThat(gate.refused()).isEqualTo(2);
    second.close();
    third.close();
    assertThat(gate.inFlight()).isZero();
  }

  @Test
  void aReportWaitingForASlotGetsTheOneFreedWhileItWaits() throws Exception {
    IntakeAdmission gate = new IntakeAdmission(1, Duration.ofMinutes(1));
    IntakeAdmission.Slot held = gate.enter();
    CompletableFuture<IntakeAdmission.Slot> waiting = CompletableFuture.supplyAsync(gate::enter);
    assertThat(waiting).isNotDone();
    held.close();
    waiting.get(30, TimeUnit.SECONDS).close();
    assertThat(gate.refused()).isZero();
    assertThat(gate.inFlight()).isZero();
  }

  @Test
  void withoutWaitAFullGateRefusesAtOnce() {
    IntakeAdmission gate = new IntakeAdmission(1, Duration.ZERO);
    try (IntakeAdmission.Slot held = gate.enter()) {
      assertThatThrownBy(gate::enter).isInstanceOf(ProblemException.class);
    }
    gate.enter().close();
    assertThat(gate.refused()).isEqualTo(1);
  }

  @Test
  void nonsenseSettingsAreRefusedAtStart() {
    assertThatThrownBy(() -> new IntakeAdmission(0, Duration.ofMillis(100))).hasMessageContaining("max-in-flight");
    assertThatThrownBy(() -> new IntakeAdmission(4, Duration.ofMillis(-1))).hasMessageContaining("max-wait");
  }
}
