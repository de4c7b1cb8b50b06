package org.gridwatch.groundnet;

import java.time.Instant;
import org.gridwatch.geo.RouteBuffer;
import org.locationtech.jts.geom.Geometry;

/** A patrol route as the rest of Gridwatch sees it (immutable). Geometry in WGS84. */
public record RouteView(String code, String name, Geometry line, String teamCode, Mode mode, double widthM,
    Schedule schedule, boolean synthetic) {

  /** What it covers when it runs, in EPSG:4549 metres. */
  public Geometry bufferMetres() { return RouteBuffer.metres(line, widthM); }

  public boolean activeAt(Instant when) { return schedule.activeAt(when); }
}
