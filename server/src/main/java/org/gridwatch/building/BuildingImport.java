package org.gridwatch.building;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A buildings-and-compounds import: one GeoJSON FeatureCollection. A feature of {@code kind} {@code building} (the
 * default) is a Point or a footprint (Polygon/MultiPolygon) with {@code code}, {@code name}, {@code compound} (the
 * 小区 it belongs to, by name), {@code households}, {@code residents} and {@code address}; a feature of kind
 * {@code compound} is a compound's outline with its {@code name}. Coordinates are in the CRS the file declares in its
 * {@code crs} member (WGS84 when there is none). Types are checked on binding (a 400 naming e.g.
 * {@code features[3].properties.households}); values feature by feature ({@link BuildingCheck}).
 */
record BuildingImport(
    @NotNull(message = "send a GeoJSON FeatureCollection of buildings and compounds")
    @Pattern(regexp = "FeatureCollection", message = "send a GeoJSON FeatureCollection of buildings and compounds")
    String type,
    @Valid NamedCrs crs,
    @NotNull(message = "an array of GeoJSON features")
    @Size(max = BuildingImport.MAX, message = "at most 100,000 features per import") List<@NotNull @Valid Feature> features) {
  static final int MAX = 100_000;

  /** The GeoJSON 2008 {@code crs} member survey offices still write: {@code {"type": "name", "properties": {"name": …}}}. */
  record NamedCrs(String type, @Valid CrsName properties) {
    String name() { return properties == null ? null : properties.name(); }
  }

  record CrsName(String name) {}

  /** {@code geometry} stays a tree: it is read with errors naming the position, in the declared CRS. */
  record Feature(String type, JsonNode geometry, Properties properties) {}

  record Properties(String kind, String code, String name, String compound, Integer households, Integer residents,
      String address) {
    boolean isCompound() { return "compound".equals(kind); }
  }
}
