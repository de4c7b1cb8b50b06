package org.gridwatch.skynet;

import java.time.LocalDate;
import org.gridwatch.geo.Sector;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** A camera as the rest of Gridwatch sees it (immutable). */
public record CameraView(String code, String name, double lon, double lat, CameraType type, double heading, double fov,
    double rangeM, double mountHeightM, CameraStatus status, boolean keyArea, LocalDate installDate, String gridCode,
    boolean synthetic) {

  /** What it sees, in the district's metres (unclipped: no obstacle layer is loaded). */
  public Polygon sectorMetres() { return Sector.metres(lon, lat, heading, effectiveFov(), rangeM); }

  /** What it sees, in WGS84. */
  public Geometry sectorWgs84() { return Sector.wgs84(lon, lat, heading, effectiveFov(), rangeM); }

  /** PTZ and dome cameras see all around whatever field of view is recorded for their lens; a mini-dome sees its own. */
  public double effectiveFov() { return type.allRound() ? 360 : fov; }

  public boolean online() { return status == CameraStatus.ONLINE; }
}
