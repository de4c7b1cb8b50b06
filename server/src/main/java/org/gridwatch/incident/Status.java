package org.gridwatch.incident;

/**
 * Where a case stands in the closed loop: reported → registered → dispatched (SLA clock starts) → in progress →
 * resolved → verified → closed; rejected (注销), returned to the command centre (回退), parked as unsolvable
 * (挂账), merged into another case and transferred to the police (移交 110 or the station) are the exits and detours;
 * in consultation (议事协商) the community convened the parties concerned and the handling clock is paused until the
 * decision's tasks are verified (resolved) or the case is resumed.
 */
public enum Status {
  REPORTED, REGISTERED, REJECTED, DISPATCHED, IN_PROGRESS, RESOLVED, VERIFIED, CLOSED, RETURNED, PARKED, MERGED, TRANSFERRED,
  IN_CONSULTATION;

  /** Still needs someone to act. */
  public boolean open() { return this != REJECTED && this != CLOSED && this != MERGED && this != TRANSFERRED; }

  /** At a responsible unit, with the handling clock running. */
  public boolean handling() { return this == DISPATCHED || this == IN_PROGRESS; }
}
