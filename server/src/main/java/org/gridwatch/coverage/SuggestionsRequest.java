package org.gridwatch.coverage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** How many camera sites to suggest ({@code k}, 1–50, 5 when left out) at a moment ({@code window}). */
record SuggestionsRequest(
    @Min(value = 1, message = "between 1 and 50 sites") @Max(value = 50, message = "between 1 and 50 sites") Integer k,
    @Size(max = 40) String window) {
  int sites() { return k == null ? 5 : k; }
}
