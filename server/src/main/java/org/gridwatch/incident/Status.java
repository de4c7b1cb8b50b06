package org.gridwatch.incident;

/**
 * Where a case stands in the closed loop: reported → registered → dispatched (SLA clock starts) → in progress →
 * resolved → verified → closed; rejected (注销), returned to the command centre (回退), parked as unsolvable
 * (挂账) and merged into another case are the exits and detours.
 */
public enum Status {
  REPORTED, REGISTERED, REJECTED, DISPATCHED, IN_PROGRESS, RESOLVED, VERIFIED, CLOSED, RETURNED, PARKED, MERGED;

  /** Still needs someone to act. */
  public boolean open() { return this != REJECTED && this != CLOSED && this != MERGED; }

  /** At a responsible unit, with the handling clock running. */
  public boolean handling() { return this == DISPATCHED || this == IN_PROGRESS; }
}
