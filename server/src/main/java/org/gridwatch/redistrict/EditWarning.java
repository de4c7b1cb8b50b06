package org.gridwatch.redistrict;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Something a planner should know before committing an edit, as data the client words in its own language:
 * <ul>
 *   <li>{@code households-outside-band}: {@code grid} would hold {@code households}, outside {@code low}–{@code high};
 *   <li>{@code stringy}: {@code area}'s Polsby-Popper {@code polsbyPopper} is below {@code limit};
 *   <li>{@code compound-cut}: the buildings of {@code compound} would lie in {@code areas} where they were in one.
 * </ul>
 * An area the edit would create is named by its key ({@code new-1}, …) until it has a code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EditWarning(String kind, String grid, String area, Integer households, Integer low, Integer high, Double polsbyPopper,
    Double limit, String compound, List<String> areas) {
  static EditWarning outsideBand(String grid, int households, int low, int high) {
    return new EditWarning("households-outside-band", grid, null, households, low, high, null, null, null, null);
  }

  static EditWarning stringy(String area, double polsbyPopper, double limit) {
    return new EditWarning("stringy", null, area, null, null, null, Math.round(polsbyPopper * 100) / 100.0, limit, null, null);
  }

  static EditWarning compoundCut(String compound, List<String> areas) {
    return new EditWarning("compound-cut", null, null, null, null, null, null, null, compound, List.copyOf(areas));
  }
}
