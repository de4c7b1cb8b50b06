package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The imported hierarchy, checked by the database's own spatial functions (H2GIS or PostGIS), not by the
 * code that imported it: every level tiles its parent, households come from the buildings inside, areas are
 * EPSG:4549 square metres, codes follow the DB11 scheme.
 */
abstract class HierarchyStorageContract {
  static final String CURRENT = "join area_version v on v.area_id = a.id and v.valid_to is null";

  @Autowired JdbcTemplate jdbc;

  /** The database's aggregate union of a geometry column (the one SQL spelling that differs). */
  abstract String unionOf(String column);

  @Test
  void everyLevelTilesItsParentWithin0_01Percent() {
    List<String> parents = jdbc.queryForList("select code from area where level <> 'GRID' order by code", String.class);
    assertThat(parents).hasSizeGreaterThan(100);
    List<String> broken = new ArrayList<>();
    for (String parent : parents) {
      double parentArea = jdbc.queryForObject("select ST_Area(v.boundary) from area a " + CURRENT + " where a.code = ?",
          Double.class, parent);
      Map<String, Object> r = jdbc.queryForMap("select c.sum_area, ST_Area(c.u) as union_area, "
          + "ST_Area(ST_SymDifference(c.u, pv.boundary)) as mismatch from (select sum(ST_Area(v.boundary)) as sum_area, "
          + unionOf("v.boundary") + " as u from area a " + CURRENT + " where a.parent_code = ?) c, area p "
          + "join area_version pv on pv.area_id = p.id and pv.valid_to is null where p.code = ?", parent, parent);
      double sum = ((Number) r.get("sum_area")).doubleValue(), union = ((Number) r.get("union_area")).doubleValue();
      double mismatch = ((Number) r.get("mismatch")).doubleValue();
      if ((sum - union) / parentArea > 1e-4) broken.add(parent + ": children overlap by " + (sum - union) / parentArea);
      if (mismatch / parentArea > 1e-4) broken.add(parent + ": children differ from the parent by " + mismatch / parentArea);
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void shibeiHasItsRealSubdistrictsAndAPlausibleNumberOfCommunitiesAndGrids() {
    assertThat(jdbc.queryForList("select code from area where level = 'DISTRICT'", String.class)).containsExactly("370203");
    List<String> subdistricts = jdbc.queryForList("select code from area where level = 'SUBDISTRICT' order by code", String.class);
    assertThat(subdistricts).hasSize(22).first().isEqualTo("370203005");
    assertThat(subdistricts).last().isEqualTo("370203035");
    for (String s : subdistricts) {
      int communities = jdbc.queryForObject("select count(*) from area where parent_code = ?", Integer.class, s);
      assertThat(communities).as("communities of %s", s).isBetween(3, 9);
    }
    int grids = jdbc.queryForObject("select count(*) from area where level = 'GRID'", Integer.class);
    assertThat(grids).isBetween(1000, 1200);
  }

  @Test
  void householdsAndResidentsAreDerivedFromTheBuildingsInside() {
    Map<String, Object> district = jdbc.queryForMap("select v.households, v.residents from area a " + CURRENT
        + " where a.level = 'DISTRICT'");
    Map<String, Object> buildings = jdbc.queryForMap("select sum(households) as h, sum(residents) as r from building");
    assertThat(((Number) district.get("households")).longValue()).isEqualTo(((Number) buildings.get("h")).longValue())
        .isBetween(400_000L, 440_000L);
    assertThat(((Number) district.get("residents")).longValue()).isEqualTo(((Number) buildings.get("r")).longValue())
        .isBetween(1_000_000L, 1_200_000L);

    List<Map<String, Object>> grids = jdbc.queryForList("select a.code, v.households from area a " + CURRENT
        + " where a.level = 'GRID' order by a.code");
    Random random = new Random(7);
    for (int i = 0; i < 40; i++) {
      Map<String, Object> g = grids.get(random.nextInt(grids.size()));
      Long inside = jdbc.queryForObject("select coalesce(sum(b.households), 0) from building b, area a " + CURRENT
          + " where a.code = ? and v.boundary && b.location and ST_Contains(v.boundary, b.location)", Long.class, g.get("code"));
      assertThat(inside).as("households of grid %s", g.get("code")).isEqualTo(((Number) g.get("households")).longValue());
    }
  }

  @Test
  void areasAreSquareMetresInEpsg4549() {
    List<Map<String, Object>> rows = jdbc.queryForList("select a.code, v.area_m2, ST_Area(ST_Transform(v.boundary, 4549)) as projected "
        + "from area a " + CURRENT + " where a.level in ('DISTRICT', 'SUBDISTRICT')");
    assertThat(rows).hasSize(23);
    for (Map<String, Object> r : rows) {
      double stored = ((Number) r.get("area_m2")).doubleValue(), projected = ((Number) r.get("projected")).doubleValue();
      assertThat(stored).as("area of %s", r.get("code")).isCloseTo(projected, within(projected * 1e-6));
    }
    double district = rows.stream().filter(r -> r.get("code").equals("370203"))
        .mapToDouble(r -> ((Number) r.get("area_m2")).doubleValue()).sum();
    assertThat(district / 1e6).as("district km²").isBetween(64.0, 66.5);
  }

  @Test
  void codesFollowDb11NumberingInsideTheirParent() {
    Map<String, List<String>> byParent = new TreeMap<>();
    jdbc.query("select code, parent_code from area where level in ('COMMUNITY', 'GRID') order by code",
        rs -> { byParent.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1)); });
    for (var e : byParent.entrySet()) {
      List<String> children = e.getValue();
      for (int i = 0; i < children.size(); i++) {
        assertThat(children.get(i)).hasSize(e.getKey().length() + 3)
            .isEqualTo(e.getKey() + String.format("%03d", i + 1));
      }
    }
  }
}
