package org.gridwatch.area;

/**
 * How many households a grid should hold: a grid member must be able to know them all. Planning previews warn when
 * a grid falls outside {@code [low, high]}; auto-balance aims at it and sizes grids for {@link #ideal()} by default.
 */
public record HouseholdBand(int low, int high) {
  public HouseholdBand {
    if (low < 1 || high < low) {
      throw new IllegalStateException("a household band needs 1 <= low <= high, not " + low + "-" + high);
    }
  }

  public boolean contains(int households) { return households >= low && households <= high; }

  /** The middle of the band: the size a grid is drawn for when nothing else is said. */
  public double ideal() { return (low + high) / 2.0; }
}
