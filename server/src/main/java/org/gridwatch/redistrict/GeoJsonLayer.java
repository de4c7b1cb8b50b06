package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A level of areas as a GeoJSON FeatureCollection (RFC 7946, CRS84): written with {@code id} = code and the
 * properties code, name, parent, version, households, residents and etag; read back with code, name and parent
 * (all optional). Malformed features are a 400 naming each one ({@code features[i]...}).
 */
final class GeoJsonLayer {
  private GeoJsonLayer() {}

  static String write(String name, List<AreaView> areas, JsonMapper json) {
    StringBuilder sb = new StringBuilder(1024 + areas.size() * 2048);
    sb.append("{\"type\":\"FeatureCollection\",\"name\":").append(json.writeValueAsString(name)).append(",\"features\":[");
    for (int i = 0; i < areas.size(); i++) {
      AreaView a = areas.get(i);
      if (i > 0) sb.append(",\n");
      sb.append("{\"type\":\"Feature\",\"id\":").append(json.writeValueAsString(a.code()))
          .append(",\"properties\":").append(json.writeValueAsString(properties(a))).append(",\"geometry\":");
      GeoJson.write(sb, a.boundary());
      sb.append('}');
    }
    return sb.append("]}").toString();
  }

  /** The attributes of an exported area, in column order (the GeoPackage uses the same). */
  static Map<String, Object> properties(AreaView a) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("code", a.code());
    p.put("name", a.name());
    p.put("parent", a.parentCode());
    p.put("version", a.version());
    p.put("households", a.households());
    p.put("residents", a.residents());
    p.put("etag", a.etag());
    return p;
  }

  static List<AreaFeature> read(JsonNode body) {
    if (body == null || !"FeatureCollection".equals(body.path("type").asString(null)) || !body.path("features").isArray()) {
      throw ProblemException.badInput("type", Text.of("redistrict.send-geojson-featurecollection"));
    }
    String crs = body.path("crs").path("properties").path("name").asString(null);
    if (crs != null && !crs.contains("CRS84") && !crs.endsWith("4326")) {
      throw ProblemException.badInput("crs", Text.of("redistrict.x-not-accepted-send-longitude", crs));
    }
    List<AreaFeature> out = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    JsonNode features = body.get("features");
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String path = "features[" + i + "]";
      try {
        if (!"Feature".equals(f.path("type").asString(null))) throw new GeoJson.InvalidGeoJson(path + ".type", "must be Feature");
        JsonNode p = f.path("properties");
        out.add(new AreaFeature(i, text(p, "code", path), text(p, "name", path), text(p, "parent", path),
            GeoJson.read(f.get("geometry"), path + ".geometry")));
      } catch (GeoJson.InvalidGeoJson e) {
        errors.add(new FieldError(e.field(), e.reason()));
      }
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return out;
  }

  /** A string property, null when absent, null or blank; numbers are taken as written (codes are digits). */
  private static String text(JsonNode properties, String key, String path) {
    JsonNode v = properties.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isString() && !v.isNumber()) throw new GeoJson.InvalidGeoJson(path + ".properties." + key, "must be a string");
    String s = v.isString() ? v.asString().strip() : v.asString();
    return s.isEmpty() ? null : s;
  }
}
