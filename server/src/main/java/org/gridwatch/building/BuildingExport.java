package org.gridwatch.building;

import java.util.ArrayList;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.CompoundView;
import org.gridwatch.geo.GeoJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The buildings and the drawn compound outlines as the import takes them (WGS84, CRS84 axis order), so that a
 * district can round-trip: compounds with a given outline first, then every building with its footprint or point.
 * Derived outlines are left out: the import derives them again.
 */
record BuildingExport(String type, List<Feature> features) {
  record Feature(String type, JsonNode geometry, Properties properties) {}

  record Properties(String kind, String code, String name, String compound, Integer households, Integer residents,
      String address) {}

  static BuildingExport of(AreaCatalog.Snapshot s, JsonMapper json) {
    List<Feature> out = new ArrayList<>();
    for (CompoundView c : s.compounds()) {
      if (c.derived()) continue;
      out.add(new Feature("Feature", json.readTree(GeoJson.toJson(c.outline())),
          new Properties("compound", null, c.name(), null, null, null, null)));
    }
    for (BuildingView b : s.buildings()) {
      var shape = b.footprint() != null ? b.footprint() : b.location();
      out.add(new Feature("Feature", json.readTree(GeoJson.toJson(shape)), new Properties("building", b.code(), b.name(),
          b.compound(), b.households(), b.residents(), b.address())));
    }
    return new BuildingExport("FeatureCollection", List.copyOf(out));
  }
}
