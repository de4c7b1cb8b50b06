package org.gridwatch.skynet;

/** Fixed cameras look one way; PTZ and dome cameras turn and see all around (360°). */
public enum CameraType {
  FIXED, PTZ, DOME;

  public boolean allRound() { return this != FIXED; }
}
