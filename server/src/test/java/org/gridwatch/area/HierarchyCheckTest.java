package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridwatch.area.HierarchyData.AreaFeature;
import org.gridwatch.geo.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The rules of a delivered hierarchy, each broken one named by the feature that breaks it, on a tiny district in degrees. */
@org.junit.jupiter.api.extension.ExtendWith(org.gridwatch.support.RestoresMetricZone.class)
class HierarchyCheckTest {
  /** Areas are measured in the metric zone of the district (Urumqi's, CM 87E), not whatever zone the JVM last used. */
  @org.junit.jupiter.api.BeforeAll
  static void measureInTheDistrictsZone() {
    org.gridwatch.geo.MetricProjection.use(org.gridwatch.geo.GaussKruger.nearest(87.61));
  }
  private static Geometry box(double x1, double y1, double x2, double y2) {
    return Geometries.FACTORY.toGeometry(new Envelope(x1, x2, y1, y2));
  }

  private static AreaFeature area(String code, AreaLevel level, String parent, Geometry g) {
    return new AreaFeature(code, level, "n" + code, null, parent, null, false, g);
  }

  /** District 650102 = one subdistrict = one community = two grids (west, east). */
  private static List<AreaFeature> sound(String district) {
    List<AreaFeature> a = new ArrayList<>();
    a.add(area(district, AreaLevel.DISTRICT, null, box(87.60, 43.80, 87.62, 43.81)));
    a.add(area(district + "001", AreaLevel.SUBDISTRICT, district, box(87.60, 43.80, 87.62, 43.81)));
    a.add(area(district + "001001", AreaLevel.COMMUNITY, district + "001", box(87.60, 43.80, 87.62, 43.81)));
    a.add(area(district + "001001001", AreaLevel.GRID, district + "001001", box(87.60, 43.80, 87.61, 43.81)));
    a.add(area(district + "001001002", AreaLevel.GRID, district + "001001", box(87.61, 43.80, 87.62, 43.81)));
    return a;
  }

  private static List<String> reasons(List<AreaFeature> areas) {
    return HierarchyCheck.check(areas).stream().map(f -> f.index() + " " + f.part() + " " + f.reason(false)).toList();
  }

  @Test
  void aSoundHierarchyHasNoFindings() { assertThat(reasons(sound("650102"))).isEmpty(); }

  @Test
  void theDistrictCodeIsAGbT2260CountyCode() {
    for (String code : List.of("990102", "650100", "6501AB")) {
      assertThat(reasons(sound(code))).as(code).anySatisfy(r -> assertThat(r).startsWith("0 properties.code " + code + ": "));
    }
  }

  @Test
  void duplicatesWrongLengthsAndAMissingDistrictAreNamed() {
    List<AreaFeature> a = sound("650102");
    a.set(4, area("650102001001001", AreaLevel.GRID, "650102001001", a.get(4).boundary()));
    assertThat(reasons(a)).anySatisfy(r -> assertThat(r).isEqualTo("4 properties.code 650102001001001: the code is also features[3]'s"));
    a = sound("650102");
    a.set(4, area("6501020010010002", AreaLevel.GRID, "650102001001", a.get(4).boundary()));
    assertThat(reasons(a)).anySatisfy(r -> assertThat(r).isEqualTo("4 properties.code 6501020010010002: a grid code has 15 digits"));
    a = sound("650102");
    a.remove(0);
    assertThat(reasons(a)).anySatisfy(r -> assertThat(r).startsWith("-1  no feature has level district"))
        .anySatisfy(r -> assertThat(r).startsWith("0 properties.parent 650102001: its parent 650102 is not in the file"));
  }

  @Test
  void aParentOfTheWrongLevelAndAnAreaWithoutChildrenAreNamed() {
    List<AreaFeature> a = sound("650102");
    a.set(3, area("650102001001001", AreaLevel.GRID, "650102001", a.get(3).boundary()));
    assertThat(reasons(a)).anySatisfy(r -> assertThat(r).isEqualTo(
        "3 properties.parent 650102001001001: its parent 650102001 is a subdistrict, not a community"));
    a = sound("650102");
    a.remove(4);
    a.remove(3);
    assertThat(reasons(a)).containsExactly("2  650102001001: has no grids; every community is divided into grids");
  }

  @Test
  void aGapIsNamedWithItsBoxAndInChinese() {
    List<AreaFeature> a = sound("650102");
    a.set(4, area("650102001001002", AreaLevel.GRID, "650102001001", box(87.61, 43.80, 87.615, 43.81)));
    List<HierarchyCheck.Finding> findings = HierarchyCheck.check(a);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(2);
      assertThat(f.reason(false)).startsWith("650102001001: ").contains("covered by none of its children")
          .endsWith("[87.615000, 43.800000, 87.620000, 43.810000]");
      assertThat(f.reason(true)).contains("不属于任何下级区域");
    });
  }
}
