package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: on a city the start-up pipeline runs for minutes, longer than the SLA clock's first delay. The clock must
 * wait for the start to finish instead of running (and failing with "the area catalog is not loaded yet") each tick.
 */
class EscalationStartTest {

  @Test
  void theSlaClockDoesNothingUntilStartUpHasFinishedThenRuns() {
    AtomicBoolean catalogLoaded = new AtomicBoolean();
    TransactionTemplate tx = mock(TransactionTemplate.class);
    when(tx.execute(any())).thenAnswer(call -> {
      if (!catalogLoaded.get()) throw new IllegalStateException("the area catalog is not loaded yet");
      return List.of();
    });
    Escalation clock = new Escalation(mock(EntityManager.class), tx, mock(Workflow.class), mock(Categories.class),
        Clock.systemUTC(), true);

    assertThatCode(clock::tick).as("a tick during start-up").doesNotThrowAnyException();
    assertThatCode(clock::tick).doesNotThrowAnyException();
    verify(tx, times(0)).execute(any());

    catalogLoaded.set(true);
    clock.started(); // Spring's ApplicationReadyEvent, after the start-up pipeline
    clock.tick();
    verify(tx, times(2)).execute(any()); // the due warnings, then the passed deadlines
  }
}
