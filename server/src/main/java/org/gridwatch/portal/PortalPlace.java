package org.gridwatch.portal;

import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.LocateService;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Crs;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Where the portal is asked about: a point (lon, lat in a named CRS, WGS84 by default) placed by the in-memory locator,
 * or a grid by its code (then its interior point stands for the resident). Bad numbers, a point outside any valid
 * range and an unknown or non-grid code are 422 naming the field; a valid point in no grid is 404 outside-district.
 */
@Service
class PortalPlace {
  /** The grid and its ancestors, and the WGS84 point distances are measured from. */
  record Where(AreaView grid, AreaView community, AreaView subdistrict, double lon, double lat) {}

  private final LocateService locate;
  private final AreaCatalog areas;

  PortalPlace(LocateService locate, AreaCatalog areas) {
    this.locate = locate;
    this.areas = areas;
  }

  Where resolve(String lonText, String latText, String crsText, String area) {
    if (area != null && !area.isBlank() && lonText == null && latText == null) return grid(area.strip());
    Crs crs = crsText == null ? Crs.WGS84 : locate.crs(crsText, "crs");
    double lon = number(lonText, "lon"), lat = number(latText, "lat");
    boolean swapped = Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90 && locate.place(lat, lon, crs).isPresent();
    String hint = swapped ? "; lon and lat look swapped: (" + lat + ", " + lon + ") lies in the district" : "";
    if (Math.abs(lat) > 90) throw bad("lat", Text.of("area.latitude-x-outside-90-90", lat, hint));
    if (Math.abs(lon) > 180) throw bad("lon", Text.of("area.longitude-x-outside-180-180", lon, hint));
    Placement p = locate.place(lon, lat, crs).orElseThrow(() -> locate.outside(lon, lat, crs));
    return new Where(p.grid(), p.community(), p.subdistrict(), p.lon(), p.lat());
  }

  private Where grid(String code) {
    AreaCatalog.Snapshot now = areas.now();
    AreaView grid = now.find(code).orElseThrow(() -> bad("area", Text.of("portal.unknown-grid-x", code)));
    if (grid.level() != AreaLevel.GRID) throw bad("area", Text.of("portal.not-a-grid-x", code));
    List<AreaView> chain = now.chain(grid);
    var inside = grid.boundary().getInteriorPoint();
    return new Where(grid, at(chain, 1), at(chain, 2), inside.getX(), inside.getY());
  }

  private static double number(String text, String field) {
    if (text == null || text.isBlank()) throw bad(field, Text.of("area.required"));
    double v;
    try {
      v = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw bad(field, Text.of("area.x-not-number", text));
    }
    if (!Double.isFinite(v)) throw bad(field, Text.of("area.must-finite-number-not-x", text));
    return v;
  }

  private static ProblemException bad(String field, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", (Text) null,
        List.of(new FieldError(field, reason)));
  }

  private static AreaView at(List<AreaView> chain, int i) { return i < chain.size() ? chain.get(i) : null; }
}
