package org.gridwatch.skynet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An obstacle import: a GeoJSON FeatureCollection of Polygon or MultiPolygon features, properties {@code code} (a
 * string; the feature's {@code id} or {@code OB-n} when left out) and {@code height_m} (a number of metres). Types
 * are checked on binding, a 400 naming e.g. {@code features[2].properties.code}; geometries and values feature by
 * feature, so that good features are stored and bad ones reported. Coordinates are in the CRS the {@code crs} member
 * (or the request's {@code crs} parameter) declares, CRS84 when neither does.
 */
record ObstacleImport(
    @NotNull(message = "send a GeoJSON FeatureCollection of Polygon or MultiPolygon features")
    @Pattern(regexp = "FeatureCollection", message = "send a GeoJSON FeatureCollection of Polygon or MultiPolygon features")
    String type,
    org.gridwatch.geo.io.DeclaredCrs.Member crs,
    @NotNull(message = "an array of GeoJSON features")
    @Size(max = ObstacleImport.MAX, message = "at most 100,000 obstacles per import") List<@NotNull @Valid Feature> features) {
  static final int MAX = 100_000;

  record Feature(String type, String id, JsonNode geometry, @Valid Properties properties) {
    String code(int i) {
      if (properties != null && properties.code() != null) return properties.code();
      return id != null ? id : "OB-" + (i + 1);
    }

    Double height() { return properties == null ? null : properties.heightM(); }
  }

  record Properties(String code,
      @com.fasterxml.jackson.annotation.JsonProperty("height_m") Double heightM) {}
}
