package org.gridwatch.area;

import org.gridwatch.problem.Text;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridwatch.geo.Crs;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Places points in grids ("the pin decides who is responsible"): validates the numbers, converts from the
 * client's CRS to WGS84 and asks the catalog's in-memory locator. No SQL on this path.
 */
@Service
public class LocateService {
  private final AreaCatalog catalog;

  LocateService(AreaCatalog catalog) { this.catalog = catalog; }

  /** Places a WGS84/CGCS2000/GCJ-02/BD-09 point; empty when it is outside the district. */
  public Optional<Placement> place(double lon, double lat, Crs crs) {
    double[] w = crs.toWgs84(lon, lat);
    AreaCatalog.Snapshot s = catalog.now();
    return s.gridAt(w[0], w[1]).map(grid -> {
      List<AreaView> chain = s.chain(grid);
      return new Placement(lon, lat, crs, w[0], w[1], grid, at(chain, 1), at(chain, 2), at(chain, 3));
    });
  }

  /** Places a point given as request text, answering bad input with 400 and outside points with 404. */
  public Placement placeOrRefuse(String lonText, String latText, String crsText) {
    Crs crs = crs(crsText, "crs");
    double lon = number(lonText, "lon"), lat = number(latText, "lat");
    checkRange(lon, lat, crs, "lon", "lat");
    return place(lon, lat, crs).orElseThrow(() -> outside(lon, lat, crs));
  }

  public Crs crs(String text, String field) {
    return Crs.parse(text).orElseThrow(() -> ProblemException.badInput(field,
        Text.of("area.unknown-crs-x-use-one", text, Crs.names())));
  }

  /** Rejects coordinates out of range, saying so when lon and lat look swapped. */
  public void checkRange(double lon, double lat, Crs crs, String lonField, String latField) {
    boolean lonBad = Math.abs(lon) > 180, latBad = Math.abs(lat) > 90;
    if (!lonBad && !latBad) return;
    String swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90 && place(lat, lon, crs).isPresent()
        ? "; lon and lat look swapped: (" + lat + ", " + lon + ") lies in the district" : "";
    if (latBad) throw ProblemException.badInput(latField, Text.of("area.latitude-x-outside-90-90", lat, swapped));
    throw ProblemException.badInput(lonField, Text.of("area.longitude-x-outside-180-180", lon, swapped));
  }

  /** 404: the point is in no grid of the district (with a hint when swapping lon and lat would help). */
  public ProblemException outside(double lon, double lat, Crs crs) {
    double[] w = crs.toWgs84(lon, lat);
    String where = crs == Crs.WGS84 ? String.format(Locale.ROOT, "(%s, %s)", lon, lat)
        : String.format(Locale.ROOT, "(%s, %s) in %s = WGS84 (%.7f, %.7f)", lon, lat, crs, w[0], w[1]);
    String hint = place(lat, lon, crs).isPresent() ? "; lon and lat look swapped: (" + lat + ", " + lon + ") lies in it" : "";
    AreaView district = catalog.now().level(AreaLevel.DISTRICT).stream().findFirst().orElse(null);
    String name = district == null ? "the district" : district.name() + " (" + district.code() + ")";
    return new ProblemException(HttpStatus.NOT_FOUND, "outside-district", "Outside the district",
        Text.of("area.x-outside-x-x", where, name, hint), List.of());
  }

  private static double number(String text, String field) {
    if (text == null || text.isBlank()) throw ProblemException.badInput(field, Text.of("area.required"));
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.badInput(field, Text.of("area.x-not-number", text));
    }
    if (!Double.isFinite(v)) throw ProblemException.badInput(field, Text.of("area.must-finite-number-not-x", text));
    return v;
  }

  private static AreaView at(List<AreaView> chain, int i) { return i < chain.size() ? chain.get(i) : null; }
}
