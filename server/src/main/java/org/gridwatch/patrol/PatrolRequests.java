package org.gridwatch.patrol;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gridwatch.groundnet.Mode;

/** The bodies the patrol endpoints take. Types are checked on binding (a string for a number names e.g. {@code points[3].lat}). */
final class PatrolRequests {
  private PatrolRequests() {}

  /** Start a patrol, optionally on a route (its mode and width then apply) and in a grid; {@code mode} when no route says it. */
  record Start(
      @Size(max = 20, message = "a route code, at most 20 characters") String route,
      @Size(max = 40, message = "a grid code, at most 40 characters") String grid,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Mode mode) {}

  /**
   * One GPS fix as the phone sends it: WGS84 {@code lon}/{@code lat}, {@code at} (ISO 8601 with an offset, e.g.
   * {@code 2026-12-06T08:00:00Z}; read by {@link FixIngest} so that a bad one is named), {@code accuracy} in metres.
   */
  record Point(Double lon, Double lat, String at, Double accuracy) {}

  /** A batch of fixes, in the order they were taken. */
  record Points(@NotNull(message = "is required: a list of {lon, lat, at, accuracy}")
      @Size(min = 1, max = 1000, message = "1 to 1000 fixes per batch") List<Point> points) {}

  /** An explicit check-in at a key point of the patrol's route, from where the phone is. */
  record Checkin(@NotNull(message = "is required") @Size(max = 40, message = "at most 40 characters") String checkpoint,
      @NotNull(message = "is required") Double lon, @NotNull(message = "is required") Double lat) {}
}
