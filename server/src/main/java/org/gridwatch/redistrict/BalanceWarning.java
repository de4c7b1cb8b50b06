package org.gridwatch.redistrict;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something about an auto-balance proposal, as data the client words in its own language:
 * <ul>
 *   <li>{@code buildings-over-band}: {@code count} buildings hold more than {@code high} households (the largest {@code households});
 *   <li>{@code too-few-households} / {@code too-many-households}: {@code households} in all cannot fill {@code grids} grids of
 *       at least {@code low} / do not fit {@code grids} grids of at most {@code high};
 *   <li>{@code grids-outside-band}: {@code count} of {@code grids} proposed grids lie outside {@code low}–{@code high};
 *   <li>{@code grids-in-pieces}: {@code count} proposed grids are in pieces (the community is in {@code pieces});
 *   <li>{@code stringy}: a proposed grid of {@code households} has Polsby-Popper {@code polsbyPopper}, below {@code limit}.
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BalanceWarning(String kind, Integer count, Integer grids, Integer households, Integer low, Integer high, Integer pieces,
    Double polsbyPopper, Double limit) {
  static BalanceWarning buildingsOverBand(int count, int high, int largest) {
    return new BalanceWarning("buildings-over-band", count, null, largest, null, high, null, null, null);
  }

  static BalanceWarning tooFew(int households, int grids, int low) {
    return new BalanceWarning("too-few-households", null, grids, households, low, null, null, null, null);
  }

  static BalanceWarning tooMany(int households, int grids, int high) {
    return new BalanceWarning("too-many-households", null, grids, households, null, high, null, null, null);
  }

  static BalanceWarning outsideBand(int count, int grids, int low, int high) {
    return new BalanceWarning("grids-outside-band", count, grids, null, low, high, null, null, null);
  }

  static BalanceWarning inPieces(int count, int pieces) {
    return new BalanceWarning("grids-in-pieces", count, null, null, null, null, pieces, null, null);
  }

  static BalanceWarning stringy(int households, double polsbyPopper, double limit) {
    return new BalanceWarning("stringy", null, null, households, null, null, null, Math.round(polsbyPopper * 100) / 100.0, limit);
  }
}
