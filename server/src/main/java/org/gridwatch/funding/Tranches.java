package org.gridwatch.funding;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The tranche rules: a step releases its pending tranches; a review that does not pass stops them; a passed
 * rectification releases a stopped one again, marked reopened; a termination stops everything still pending.
 */
@Component
class Tranches {
  private final ProjectStore store;

  Tranches(ProjectStore store) { this.store = store; }

  /** Releases the step's tranches: pending ones, and stopped ones again (reopened). */
  void release(long projectId, TrancheStep step, Instant at) {
    store.setTranches(projectId, step, List.of(TrancheStatus.PENDING), TrancheStatus.RELEASED, false, at);
    store.setTranches(projectId, step, List.of(TrancheStatus.STOPPED), TrancheStatus.RELEASED, true, at);
  }

  /** Stops the step's pending tranches. */
  void stop(long projectId, TrancheStep step, Instant at) {
    store.setTranches(projectId, step, List.of(TrancheStatus.PENDING), TrancheStatus.STOPPED, false, at);
  }

  /** Stops every pending tranche (the project ends without them). */
  void stopPending(long projectId, Instant at) {
    store.setTranches(projectId, null, List.of(TrancheStatus.PENDING), TrancheStatus.STOPPED, false, at);
  }
}
