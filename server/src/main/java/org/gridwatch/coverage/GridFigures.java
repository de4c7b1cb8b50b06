package org.gridwatch.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One grid's coverage at one moment. Shares are 0–1 of the grid's area (the district's Gauss–Krüger zone): cameras (ONLINE sectors),
 * patrols (buffers of routes running then) and both together; {@code gap} is what neither covers (WGS84).
 * Null figures mean "nothing to measure" (no key area in the grid, no camera in it).
 */
public record GridFigures(String gridCode, String communityCode, String subdistrictCode, double areaM2,
    double cameraCoveredM2, double patrolCoveredM2, double combinedCoveredM2, double keyAreaM2, double keyAreaCoveredM2,
    int cameras, int camerasOnline, int casesInGaps90d, List<String> staffingGaps, Geometry gap) {

  public double cameraCoverage() { return share(cameraCoveredM2); }
  public double patrolCoverage() { return share(patrolCoveredM2); }
  public double combinedCoverage() { return share(combinedCoveredM2); }
  public double gapAreaM2() { return Math.max(0, areaM2 - combinedCoveredM2); }
  public Double keyAreaCoverage() { return keyAreaM2 == 0 ? null : Math.min(1, keyAreaCoveredM2 / keyAreaM2); }
  public Double cameraWorkingRate() { return cameras == 0 ? null : (double) camerasOnline / cameras; }
  public boolean staffingComplete() { return staffingGaps.isEmpty(); }

  /** The figures as served (REST and OGC API): shares rounded to 4 places, areas to whole square metres. */
  public Map<String, Object> figures() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("gridCode", gridCode);
    m.put("communityCode", communityCode);
    m.put("subdistrictCode", subdistrictCode);
    m.put("areaM2", Math.round(areaM2));
    m.put("cameraCoverage", round(cameraCoverage()));
    m.put("patrolCoverage", round(patrolCoverage()));
    m.put("combinedCoverage", round(combinedCoverage()));
    m.put("gapAreaM2", Math.round(gapAreaM2()));
    m.put("keyAreaCoverage", keyAreaCoverage() == null ? null : round(keyAreaCoverage()));
    m.put("cameras", cameras);
    m.put("cameraWorkingRate", cameraWorkingRate() == null ? null : round(cameraWorkingRate()));
    m.put("casesInGaps90d", casesInGaps90d);
    m.put("staffingComplete", staffingComplete());
    m.put("staffingGaps", staffingGaps);
    return m;
  }

  /** These figures with the grid's staffing as it is now. */
  GridFigures withStaffingGaps(List<String> gaps) {
    return new GridFigures(gridCode, communityCode, subdistrictCode, areaM2, cameraCoveredM2, patrolCoveredM2, combinedCoveredM2,
        keyAreaM2, keyAreaCoveredM2, cameras, camerasOnline, casesInGaps90d, gaps, gap);
  }

  static double round(double v) { return Math.round(v * 10000) / 10000.0; }

  private double share(double m2) { return areaM2 == 0 ? 0 : Math.min(1, m2 / areaM2); }
}
