package org.gridwatch.geo.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.io.FeatureFile.RowError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON FeatureCollection: features in file order; the CRS from the old-style {@code crs} member (GDAL and QGIS
 * still write it for projected files), else the one the caller was given, else CRS84 (RFC 7946).
 */
final class GeoJsonFeatures {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GeoJsonFeatures() {}

  /** The features as the file has them (coordinates not converted) and the CRS the file declares, if any. */
  record Raw(Optional<SourceCrs> declared, List<SourceFeature> features, List<RowError> errors) {}

  static Raw read(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw FeatureFileException.badInput("body", "malformed JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(null))
        || !root.path("features").isArray()) {
      throw FeatureFileException.badInput("type", "send a GeoJSON FeatureCollection");
    }
    Optional<SourceCrs> declared = Optional.empty();
    JsonNode crs = root.get("crs");
    if (crs != null && !crs.isNull()) {
      String name = crs.path("properties").path("name").asString(null);
      if (name == null) throw FeatureFileException.badInput("crs", "name the CRS as {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4549\"}}");
      declared = Optional.of(SourceCrs.parse(name).orElseThrow(() -> FeatureFileException.badInput("crs",
          "'" + name + "' is not accepted; use " + SourceCrs.ACCEPTED)));
    }
    List<SourceFeature> out = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    JsonNode features = root.get("features");
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String path = "features[" + i + "]";
      try {
        if (!"Feature".equals(f.path("type").asString(null))) throw new GeoJson.InvalidGeoJson(path + ".type", "must be Feature");
        out.add(new SourceFeature(i, GeoJson.readAnyCrs(f.get("geometry"), path + ".geometry"), properties(f.path("properties"))));
      } catch (GeoJson.InvalidGeoJson e) {
        errors.add(new RowError(e.field(), e.reason()));
      }
    }
    return new Raw(declared, out, errors);
  }

  private static Map<String, Object> properties(JsonNode p) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!p.isObject()) return out;
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      JsonNode v = e.getValue();
      Object value = v.isNull() ? null : v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble()
          : v.isBoolean() ? (Object) v.asBoolean() : v.isString() ? v.asString() : v.toString();
      out.put(e.getKey(), value);
    }
    return out;
  }
}
