package org.gridwatch.skynet;

/**
 * How a camera looks: a fixed (bullet) camera and a fixed mini-dome (半球) look one way with the field of view of
 * their lens — a mini-dome's is wide, typically 90–120°, so its heading matters — while PTZ and speed-dome (球机)
 * cameras turn and see all around (360°).
 */
public enum CameraType {
  FIXED, PTZ, DOME, MINI_DOME;

  /** Field of view assumed for a mini-dome when the import names none. */
  public static final double MINI_DOME_FOV = 110;

  public boolean allRound() { return this == PTZ || this == DOME; }

  /** The field of view to assume when none is given, or null when it must be given (fixed cameras). */
  public Double defaultFov() {
    return switch (this) {
      case PTZ, DOME -> 360.0;
      case MINI_DOME -> MINI_DOME_FOV;
      case FIXED -> null;
    };
  }
}
