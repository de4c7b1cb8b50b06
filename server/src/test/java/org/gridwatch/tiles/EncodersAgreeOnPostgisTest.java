package org.gridwatch.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.support.OnPostgis;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two encoders (in memory, and PostGIS ST_AsMVT) draw the same features, by code or id, in the same tiles: areas
 * at zooms where none is too small to draw (ST_AsMVTGeom drops those), buildings, case points and per-grid counts;
 * features within a few units of the buffer's edge are left out (the two clip there by a unit's rounding).
 */
@OnPostgis
class EncodersAgreeOnPostgisTest {
  @Autowired AreaCatalog areas;
  @Autowired TileSources sources;
  @Autowired JdbcTemplate jdbc;

  @Test
  void bothEncodersDrawTheSameFeatures() {
    MemoryTileEncoder memory = new MemoryTileEncoder(sources);
    PostgisTileEncoder postgis = new PostgisTileEncoder(jdbc, memory);
    List<AreaView> grids = areas.now().level(AreaLevel.GRID);
    int compared = 0;
    for (int i = 0; i < grids.size(); i += grids.size() / 5) {
      Point p = grids.get(i).boundary().getInteriorPoint();
      for (int z : new int[] {14, 16}) {
        TileAddress t = TileAddress.containing(p.getX(), p.getY(), z);
        // the planner colours grids by households and kind: both encoders carry the same figures
        compared += same(memory, postgis, TileLayer.GRIDS, t, "code,households,kind");
        compared += same(memory, postgis, TileLayer.COMMUNITIES, t, "code,households");
        compared += same(memory, postgis, TileLayer.BUILDINGS, t, "id");
        compared += same(memory, postgis, TileLayer.CASES, t, z < TileLayer.CASE_POINTS_FROM ? "grid" : "id");
      }
    }
    assertThat(compared).as("features compared").isGreaterThan(100);
  }

  private static int same(TileEncoder memory, TileEncoder postgis, TileLayer layer, TileAddress t, String key) {
    Set<Object> a = keys(memory.encode(layer, t), layer.path(), key), b = keys(postgis.encode(layer, t), layer.path(), key);
    assertThat(b).as("%s %s", layer, t).isEqualTo(a);
    return a.size();
  }

  private static Set<Object> keys(byte[] tile, String layer, String key) {
    Set<Object> out = new TreeSet<>();
    if (tile == null) return out;
    List<Geometry> features = new ArrayList<>(new TileClient.Tile(200, null, tile).features(layer));
    // at the very edge of the buffer the two clip differently (a unit's rounding): compare what is clearly inside
    org.locationtech.jts.geom.Envelope inside = new org.locationtech.jts.geom.Envelope(-56, 4152, -56, 4152);
    for (Geometry g : features) {
      if (!g.getEnvelopeInternal().intersects(inside)) continue;
      List<String> values = new ArrayList<>();
      for (String k : key.split(",")) values.add(String.valueOf(TileClient.props(g).get(k)));
      out.add(String.join("|", values));
    }
    return out;
  }
}
