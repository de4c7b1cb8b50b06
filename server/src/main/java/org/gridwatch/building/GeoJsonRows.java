package org.gridwatch.building;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;

/** A bound GeoJSON import as rows for {@link BuildingCheck}: geometries read (errors naming the position), in WGS84. */
final class GeoJsonRows {
  record Read(List<BuildingCheck.Row> rows, List<FieldError> unreadable) {}

  private GeoJsonRows() {}

  static Read of(BuildingImport body) {
    String crs = body.crs() == null ? null : body.crs().name();
    if (crs != null && !org.gridwatch.geo.Crs.parse(crs.replaceAll("(?i)^urn:ogc:def:crs:(EPSG::|OGC:1\\.3:)", "EPSG:")
        .replace("EPSG:CRS84", "CRS84")).filter(c -> c.ordinal() <= 1).isPresent()) {
      throw ProblemException.badInput("crs", "'" + crs + "' is not accepted; use CRS84, EPSG:4326 or EPSG:4490");
    }
    List<BuildingCheck.Row> rows = new ArrayList<>();
    List<FieldError> unreadable = new ArrayList<>();
    for (int i = 0; i < body.features().size(); i++) {
      BuildingImport.Feature f = body.features().get(i);
      String at = "features[" + i + "]";
      if (f.properties() == null) {
        unreadable.add(new FieldError(at + ".properties", "properties are required"));
        continue;
      }
      Geometry g;
      try {
        g = GeoJson.read(f.geometry(), at + ".geometry");
      } catch (GeoJson.InvalidGeoJson e) {
        unreadable.add(new FieldError(e.field(), e.reason()));
        continue;
      }
      rows.add(new BuildingCheck.Row(i, g, properties(f.properties())));
    }
    return new Read(rows, unreadable);
  }

  private static Map<String, Object> properties(BuildingImport.Properties p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", p.kind());
    m.put("code", p.code());
    m.put("name", p.name());
    m.put("compound", p.compound());
    m.put("households", p.households() == null ? null : (long) p.households());
    m.put("residents", p.residents() == null ? null : (long) p.residents());
    m.put("address", p.address());
    return m;
  }
}
