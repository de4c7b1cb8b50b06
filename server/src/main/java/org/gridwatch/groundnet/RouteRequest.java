package org.gridwatch.groundnet;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A patrol route as a client sends it: {@code code} (on create; the path names it on update), {@code name},
 * {@code geometry} (a GeoJSON LineString or MultiLineString, read by GeoJson with errors naming the position),
 * {@code team}, {@code mode} (FOOT, BIKE, CAR), {@code width} (metres each side, more than 0 and at most 200) and a
 * {@code schedule} of windows; {@code crs}, the old GeoJSON crs member, names the CRS of the line (CRS84 when absent,
 * or a CGCS2000 Gauss–Krüger zone). Types are checked on binding; the line, the width's bounds and the schedule's values
 * by {@link Routes#read}, which names every problem at once.
 */
public record RouteRequest(
    @Size(max = 20, message = "letters, digits and - only, 2–20 long") String code,
    @Size(max = 100, message = "at most 100 characters") String name,
    JsonNode geometry,
    @Size(max = 40, message = "at most 40 characters") String team,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Mode mode,
    Double width,
    @Size(max = 50, message = "at most 50 windows") List<@NotNull(message = "a window {days, start, end, passes}") @Valid Window> schedule,
    org.gridwatch.geo.io.DeclaredCrs.Member crs) {

  /** When a patrol runs: days like {@code MON-FRI} or {@code SAT,SUN}, start and end HH:MM (Beijing time), 1–50 passes. */
  public record Window(
      @Size(max = 40, message = "days like MON-FRI or SAT,SUN") String days,
      @Pattern(regexp = HH_MM, message = "a time HH:MM") String start,
      @Pattern(regexp = HH_MM, message = "a time HH:MM") String end,
      Integer passes) {}

  static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?";

  /** The same route under another code (the path's, on update). */
  public RouteRequest withCode(String code) { return new RouteRequest(code, name, geometry, team, mode, width, schedule, crs); }
}
