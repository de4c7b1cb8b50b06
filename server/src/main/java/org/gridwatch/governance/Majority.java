package org.gridwatch.governance;

/** A share that must be reached: more than half (过半数), or two thirds or more (三分之二以上). */
public enum Majority {
  MORE_THAN_HALF, TWO_THIRDS;

  /** Whether {@code part} of {@code whole} reaches the share; never for a whole of zero. */
  public boolean reached(int part, int whole) {
    if (whole <= 0) return false;
    return this == MORE_THAN_HALF ? 2L * part > whole : 3L * part >= 2L * whole;
  }
}
