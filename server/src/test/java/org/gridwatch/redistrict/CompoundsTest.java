package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The "compound cut in two" warning: a compound in one grid before and in two after, and only then. */
class CompoundsTest {
  static Geometry box(double x0, double x1) { return Geometries.FACTORY.toGeometry(new Envelope(x0, x1, 0, 1)); }

  static BuildingView building(String name, double x) {
    return new BuildingView(name, name, Geometries.point(x, 0.5), 20, 50, true, null);
  }

  @Test
  void namesTellTheCompound() {
    assertThat(Compounds.of("华阳路71号院2号楼")).isEqualTo("华阳路71号院");
    assertThat(Compounds.of("浮山后小学")).isNull();
  }

  @Test
  void anImportedCompoundWinsOverTheName() {
    BuildingView imported = new BuildingView("B1", "华阳路71号院2号楼", Geometries.point(0.5, 0.5), 20, 50, false, null, null,
        "华阳小区", null);
    assertThat(Compounds.of(imported)).isEqualTo("华阳小区");
    assertThat(Compounds.of(building("华阳路71号院2号楼", 0.5))).isEqualTo("华阳路71号院");
  }

  @Test
  void aCutThroughACompoundIsWarnedAboutAndACutBetweenCompoundsIsNot() {
    List<BuildingView> buildings = List.of(building("甲路1号院1号楼", 0.2), building("甲路1号院2号楼", 0.4), building("乙路2号院1号楼", 0.8));
    Map<String, Geometry> before = Map.of("a", box(0, 1));
    Edit through = new Edit("split", "a", "p", AreaLevel.GRID, before, before,
        Map.of("new-1", Geometries.asMultiPolygon(box(0, 0.3)), "new-2", Geometries.asMultiPolygon(box(0.3, 1))), Map.of(), Map.of());
    Edit between = new Edit("split", "a", "p", AreaLevel.GRID, before, before,
        Map.of("new-1", Geometries.asMultiPolygon(box(0, 0.6)), "new-2", Geometries.asMultiPolygon(box(0.6, 1))), Map.of(), Map.of());
    assertThat(Compounds.cut(buildings, through.placeBefore(), through.placeAfter())).singleElement()
        .satisfies(w -> assertThat(w.kind()).isEqualTo("compound-cut")).satisfies(w -> assertThat(w.compound()).isEqualTo("甲路1号院"));
    assertThat(Compounds.cut(buildings, between.placeBefore(), between.placeAfter())).isEmpty();
  }
}
