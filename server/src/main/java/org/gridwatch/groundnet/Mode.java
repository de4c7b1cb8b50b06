package org.gridwatch.groundnet;

/** How a patrol moves, and how wide a strip it covers by default (metres each side of its route). */
public enum Mode {
  FOOT(30), BIKE(50), CAR(80);

  private final double defaultWidth;

  Mode(double defaultWidth) { this.defaultWidth = defaultWidth; }

  public double defaultWidth() { return defaultWidth; }
}
