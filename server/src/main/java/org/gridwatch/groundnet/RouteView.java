package org.gridwatch.groundnet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.gridwatch.geo.RouteBuffer;
import org.locationtech.jts.geom.Geometry;

/**
 * A patrol route as the rest of Gridwatch sees it (immutable). Geometry in WGS84; {@code zone} is the district's time
 * zone, in which the schedule's windows run.
 */
public record RouteView(String code, String name, Geometry line, String teamCode, Mode mode, double widthM,
    Schedule schedule, boolean synthetic, ZoneId zone) {

  /** What it covers when it runs, in the district's metres. */
  public Geometry bufferMetres() { return RouteBuffer.metres(line, widthM); }

  public boolean activeAt(Instant when) { return schedule.activeAt(when, zone); }

  /** The start of the next window running at or after {@code when}, within a week. */
  public Optional<Instant> nextPass(Instant when) { return schedule.nextPass(when, zone); }
}
