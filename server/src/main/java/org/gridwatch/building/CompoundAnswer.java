package org.gridwatch.building;

import java.util.List;
import org.gridwatch.area.CompoundView;
import org.gridwatch.geo.GeoJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A compound (小区) on {@code GET /api/v1/compounds}: its outline (GeoJSON, WGS84), whether the outline was derived
 * from its buildings, their number, households and residents, the grids they lie in, and the one grid it belongs to
 * (the grid its outline overlaps most).
 */
record CompoundAnswer(String name, boolean derived, int buildings, int households, int residents, List<String> grids,
    String grid, JsonNode outline) {
  static CompoundAnswer of(CompoundView c, JsonMapper json) {
    return new CompoundAnswer(c.name(), c.derived(), c.buildings(), c.households(), c.residents(), c.gridCodes(), c.grid(),
        json.readTree(GeoJson.toJson(c.outline())));
  }
}
