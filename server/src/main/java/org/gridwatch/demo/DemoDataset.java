package org.gridwatch.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.HierarchyData;
import org.gridwatch.area.HierarchyData.AreaFeature;
import org.gridwatch.area.HierarchyData.BuildingFeature;
import org.gridwatch.geo.GeoJson;
import org.locationtech.jts.geom.Point;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled Shibei dataset (module {@code data}, resources {@code gridwatch/demo/*.geojson}): areas of
 * every level and buildings, as read from the files, before any check.
 */
final class DemoDataset {
  static final String NAME = "shibei-demo";
  /** When the demo boundaries take effect: the start of 2024, Beijing time. */
  static final Instant VALID_FROM = Instant.parse("2023-12-31T16:00:00Z");

  private DemoDataset() {}

  static HierarchyData load(JsonMapper json) throws IOException {
    List<AreaFeature> areas = new ArrayList<>();
    for (AreaLevel level : AreaLevel.values()) {
      String file = level == AreaLevel.DISTRICT ? "district" : level.plural();
      for (JsonNode f : features(json, file)) {
        JsonNode p = f.get("properties");
        String code = p.get("code").asString();
        areas.add(new AreaFeature(code, level, p.get("name").asString(), text(p, "name_en"), text(p, "parent_code"),
            text(p, "kind"), p.path("synthetic").asBoolean(false), GeoJson.read(f.get("geometry"), file + ":" + code)));
      }
    }
    List<BuildingFeature> buildings = new ArrayList<>();
    for (JsonNode f : features(json, "buildings")) {
      JsonNode p = f.get("properties");
      String code = p.get("code").asString();
      buildings.add(new BuildingFeature(code, p.get("name").asString(),
          (Point) GeoJson.read(f.get("geometry"), "buildings:" + code), p.get("households").asInt(),
          p.get("residents").asInt(), p.path("synthetic").asBoolean(false)));
    }
    return new HierarchyData(areas, buildings, VALID_FROM);
  }

  private static JsonNode features(JsonMapper json, String file) throws IOException {
    try (InputStream in = new ClassPathResource("gridwatch/demo/" + file + ".geojson").getInputStream()) {
      return json.readTree(in).get("features");
    }
  }

  private static String text(JsonNode props, String field) {
    JsonNode n = props.get(field);
    return n == null || n.isNull() ? null : n.asString();
  }
}
