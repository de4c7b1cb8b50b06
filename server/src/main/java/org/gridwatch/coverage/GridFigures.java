package org.gridwatch.coverage;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One grid's coverage at one moment. Shares are 0–1 of the grid's area (EPSG:4549): cameras (ONLINE sectors),
 * patrols (buffers of routes running then) and both together; {@code gap} is what neither covers (WGS84).
 * Null figures mean "nothing to measure" (no key area in the grid, no camera in it).
 */
public record GridFigures(String gridCode, String communityCode, String subdistrictCode, double areaM2,
    double cameraCoveredM2, double patrolCoveredM2, double combinedCoveredM2, Double keyAreaCoverage,
    int cameras, int camerasOnline, int casesInGaps90d, List<String> staffingGaps, Geometry gap) {

  public double cameraCoverage() { return share(cameraCoveredM2); }
  public double patrolCoverage() { return share(patrolCoveredM2); }
  public double combinedCoverage() { return share(combinedCoveredM2); }
  public double gapAreaM2() { return Math.max(0, areaM2 - combinedCoveredM2); }
  public Double cameraWorkingRate() { return cameras == 0 ? null : (double) camerasOnline / cameras; }
  public boolean staffingComplete() { return staffingGaps.isEmpty(); }

  private double share(double m2) { return areaM2 == 0 ? 0 : Math.min(1, m2 / areaM2); }
}
