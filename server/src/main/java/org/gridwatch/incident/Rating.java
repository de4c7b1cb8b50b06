package org.gridwatch.incident;

/** How satisfied the reporter is with a closed case (满意 / 基本满意 / 不满意). */
public enum Rating {
  SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

  /** Counted as satisfied in the measures' satisfaction rate. */
  public boolean satisfied() { return this != UNSATISFIED; }
}
