package org.gridwatch.geo.io;

import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a delivered file, in WGS 84.
 *
 * @param index its position in the file (GeoJSON feature order; GeoPackage and Shapefile row order), the {@code i}
 *     of {@link #field()}
 * @param geometry in WGS 84 longitude/latitude, SRID 4326; never null (a feature without one is an error instead)
 * @param properties attribute values by name as the file has them: String, Long, Double, Boolean or null
 */
public record DeliveredFeature(int index, Geometry geometry, Map<String, Object> properties) {

  /** {@code features[i]}: how refusals name this feature, whatever the format. */
  public String field() { return "features[" + index + "]"; }

  /**
   * A property as text, null when absent, null or blank; a name is matched case-insensitively (Shapefile columns
   * are often upper case); whole numbers are written without a decimal part ({@code 370203.0} from a .dbf is
   * {@code 370203}).
   */
  public String text(String name) {
    Object v = properties.get(name);
    if (v == null) {
      for (Map.Entry<String, Object> e : properties.entrySet()) if (e.getKey().equalsIgnoreCase(name)) v = e.getValue();
    }
    if (v == null) return null;
    String s = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.0f", d)
        : v.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
