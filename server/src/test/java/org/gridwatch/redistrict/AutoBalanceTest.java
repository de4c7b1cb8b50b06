package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.HouseholdBand;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Auto-balance on synthetic communities drawn in metres near Qingdao: the proposal tiles the community exactly,
 * every grid is one piece (unless the community is not), every building lies in exactly one grid, households sit in
 * the band whenever the buildings allow it, the same input gives the same answer, and grids are compact (a strip
 * or round-robin split would not pass).
 */
class AutoBalanceTest {
  @org.junit.jupiter.api.BeforeAll
  static void inTheDemoDistrictsZone() { org.gridwatch.support.DemoZone.use(); }

  static final double E0 = 524_000, N0 = 3_993_000; // EPSG:4549 metres, in Shibei
  /** The common rule; a deployment sets its own in gridwatch.grids.*. */
  static final HouseholdBand BAND = new HouseholdBand(300, 500);
  static final double STRINGY = 0.2;
  static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel());

  @Test
  void aSquareLatticeSplitsIntoCompactGridsInTheBand() {
    Geometry square = rectangle(0, 0, 500, 500);
    List<BuildingView> buildings = lattice(square, 50, uniform(40));
    AutoBalance.Proposal p = AutoBalance.propose(square, buildings, 10, Map.of(), BAND, STRINGY);
    assertSound(square, buildings, p, true);
    assertThat(p.grids()).allMatch(AutoBalance.Grid::inBand);
    // Measured: mean 0.72, lowest 0.43. Ten strips of 50 × 500 m score 0.26 each; a round-robin split is in pieces.
    assertThat(p.summary().polsbyPopper()).as("mean Polsby-Popper").isGreaterThan(0.6);
    assertThat(p.grids()).allMatch(g -> g.shape().polsbyPopper() > 0.4);
  }

  @Test
  void anLShapedCommunityWithUnevenBuildings() {
    Geometry l = union(rectangle(0, 0, 600, 250), rectangle(0, 250, 250, 700));
    SplittableRandom random = new SplittableRandom(7);
    List<BuildingView> buildings = lattice(l, 35, at -> 10 + random.nextInt(50));
    int households = buildings.stream().mapToInt(BuildingView::households).sum();
    int n = AutoBalance.defaultGrids(households, BAND);
    AutoBalance.Proposal p = AutoBalance.propose(l, buildings, n, Map.of(), BAND, STRINGY);
    assertSound(l, buildings, p, true);
    assertThat(p.grids()).allMatch(AutoBalance.Grid::inBand);
    assertThat(p.summary().warnings()).isEmpty();
  }

  /** Real grids run to 700+ households: a community with a band of its own gets fewer, bigger grids, all in it. */
  @Test
  void aCommunitysOwnBandMakesFewerBiggerGrids() {
    Geometry square = rectangle(0, 0, 500, 500);
    List<BuildingView> buildings = lattice(square, 50, uniform(40)); // 100 buildings, 4,000 households
    HouseholdBand large = new HouseholdBand(700, 900);
    int n = AutoBalance.defaultGrids(4_000, large);
    assertThat(n).isEqualTo(5).isLessThan(AutoBalance.defaultGrids(4_000, BAND));
    AutoBalance.Proposal p = AutoBalance.propose(square, buildings, n, Map.of(), large, STRINGY);
    assertSound(square, buildings, p, true);
    assertThat(p.grids()).allMatch(AutoBalance.Grid::inBand)
        .allMatch(g -> g.shape().households() >= 700 && g.shape().households() <= 900);
    // Measured against the common band, the same proposal would be all outside it.
    assertThat(p.grids()).noneMatch(g -> BAND.contains(g.shape().households()));
  }

  @Test
  void aCommunityInTwoPiecesGetsGridsInsideEachPiece() {
    Geometry two = union(rectangle(0, 0, 400, 310), rectangle(710, 0, 1010, 400));
    List<BuildingView> buildings = lattice(two, 40, uniform(16)); // 130 + 110 buildings
    int households = buildings.stream().mapToInt(BuildingView::households).sum();
    AutoBalance.Proposal p = AutoBalance.propose(two, buildings, AutoBalance.defaultGrids(households, BAND), Map.of(), BAND, STRINGY);
    assertSound(two, buildings, p, true);
    assertThat(p.grids()).allMatch(AutoBalance.Grid::inBand);
  }

  @Test
  void oneHugeBuildingIsReportedAndTheOthersStillFit() {
    Geometry square = rectangle(0, 0, 400, 400);
    List<BuildingView> buildings = new ArrayList<>(lattice(square, 50, uniform(25))); // 64 × 25 = 1600
    buildings.add(building("HUGE", 205, 205, 600));
    AutoBalance.Proposal p = AutoBalance.propose(square, buildings, 5, Map.of(), BAND, STRINGY);
    assertSound(square, buildings, p, true);
    assertThat(p.summary().warnings()).contains(BalanceWarning.buildingsOverBand(1, 500, 600));
    assertThat(p.grids().stream().filter(g -> !g.inBand()).count()).as("only the grid with the huge building").isEqualTo(1);
  }

  @Test
  void tooFewHouseholdsForTheCountIsWarned() {
    Geometry square = rectangle(0, 0, 300, 300);
    List<BuildingView> buildings = lattice(square, 50, uniform(20)); // 36 × 20 = 720
    AutoBalance.Proposal p = AutoBalance.propose(square, buildings, 3, Map.of(), BAND, STRINGY);
    assertSound(square, buildings, p, true);
    assertThat(p.summary().warnings()).contains(BalanceWarning.tooFew(720, 3, 300));
  }

  @Test
  void theSameInputGivesTheSameProposal() {
    Geometry l = union(rectangle(0, 0, 600, 250), rectangle(0, 250, 250, 700));
    SplittableRandom random = new SplittableRandom(11);
    List<BuildingView> buildings = lattice(l, 30, at -> 5 + random.nextInt(40));
    int n = AutoBalance.defaultGrids(buildings.stream().mapToInt(BuildingView::households).sum(), BAND);
    AutoBalance.Proposal a = AutoBalance.propose(l, buildings, n, Map.of(), BAND, STRINGY);
    AutoBalance.Proposal b = AutoBalance.propose(l, buildings, n, Map.of(), BAND, STRINGY);
    for (int k = 0; k < n; k++) assertThat(a.grids().get(k).outline().equalsExact(b.grids().get(k).outline())).isTrue();
  }

  @Test
  void currentGridsLendTheirCodesWhenTheMatchIsOneToOne() {
    Geometry square = rectangle(0, 0, 400, 200);
    List<BuildingView> buildings = lattice(square, 40, uniform(40)); // 50 × 40 = 2000 → 5 grids
    Map<String, Geometry> current = new java.util.TreeMap<>();
    for (int i = 0; i < 5; i++) current.put("37020300500100" + (i + 1), rectangle(80 * i, 0, 80 * (i + 1), 200));
    AutoBalance.Proposal p = AutoBalance.propose(square, buildings, 5, current, BAND, STRINGY);
    List<String> codes = p.grids().stream().map(AutoBalance.Grid::code).filter(java.util.Objects::nonNull).toList();
    assertThat(codes).doesNotHaveDuplicates().isNotEmpty();
    assertThat(p.summary().currentPolsbyPopper()).isGreaterThan(0);
  }

  // ---------------------------------------------------------------- checks

  /**
   * Exact tiling, contiguity, every building in exactly one grid, figures that add up. Gaps and overlaps are
   * measured where the outlines live, in longitude/latitude (scaled to m² at the community): projecting first would
   * bend long straight edges a little and count millimetre slivers that are not there.
   */
  static void assertSound(Geometry community, List<BuildingView> buildings, AutoBalance.Proposal p, boolean onePieceEach) {
    double area = MetricProjection.areaM2(community), m2PerDeg2 = area / community.getArea();
    List<Geometry> outlines = p.grids().stream().map(g -> (Geometry) g.outline()).toList();
    double sum = outlines.stream().mapToDouble(Geometry::getArea).sum() * m2PerDeg2;
    Geometry union = UnaryUnionOp.union(outlines);
    assertThat(Math.abs(sum - union.getArea() * m2PerDeg2)).as("overlaps, m²").isLessThan(area * 1e-6);
    Geometry gaps = OverlayNGRobust.overlay(community, union, OverlayNG.SYMDIFFERENCE);
    assertThat(gaps.getArea() * m2PerDeg2).as("gaps and overhangs, m²").isLessThan(area * 1e-6);
    for (AutoBalance.Grid g : p.grids()) {
      assertThat(g.outline().isValid()).isTrue();
      if (onePieceEach) assertThat(g.outline().getNumGeometries()).as("pieces of a grid").isEqualTo(1);
    }
    for (BuildingView b : buildings) {
      long holders = p.grids().stream().filter(g -> g.outline().contains(b.location())).count();
      assertThat(holders).as("grids holding %s", b.code()).isEqualTo(1);
    }
    assertThat(p.grids().stream().mapToInt(g -> g.shape().households()).sum())
        .isEqualTo(buildings.stream().mapToInt(BuildingView::households).sum());
    assertThat(p.grids().stream().mapToInt(g -> g.shape().buildings()).sum()).isEqualTo(buildings.size());
  }

  // ---------------------------------------------------------------- fixtures

  interface Households { int at(Coordinate metres); }

  static Households uniform(int households) { return at -> households; }

  static Geometry rectangle(double x0, double y0, double x1, double y1) {
    Polygon m = METRIC.createPolygon(new Coordinate[] {c(x0, y0), c(x1, y0), c(x1, y1), c(x0, y1), c(x0, y0)});
    return snapped(MetricProjection.toWgs84(m));
  }

  static Geometry union(Geometry a, Geometry b) { return snapped(OverlayNGRobust.overlay(a, b, OverlayNG.UNION)); }

  static Geometry snapped(Geometry g) {
    Geometry s = org.locationtech.jts.precision.GeometryPrecisionReducer.reduce(g, new PrecisionModel(1e7));
    s.setSRID(Geometries.WGS84_SRID);
    return s;
  }

  /** Buildings on a lattice of the given spacing, half a step in from the origin, inside the outline. */
  static List<BuildingView> lattice(Geometry outline, double step, Households households) {
    Geometry m = MetricProjection.toMetres(outline);
    var env = m.getEnvelopeInternal();
    List<BuildingView> out = new ArrayList<>();
    for (double y = env.getMinY() - N0 + step / 2; y < env.getMaxY() - N0; y += step) {
      for (double x = env.getMinX() - E0 + step / 2; x < env.getMaxX() - E0; x += step) {
        if (!m.contains(METRIC.createPoint(c(x, y)))) continue;
        out.add(building(String.format("B%05d", out.size()), x, y, households.at(new Coordinate(x, y))));
      }
    }
    return out;
  }

  static BuildingView building(String code, double x, double y, int households) {
    double[] ll = MetricProjection.unproject(E0 + x, N0 + y);
    return new BuildingView(code, code, Geometries.point(ll[0], ll[1]), households, households * 27 / 10, true, null);
  }

  private static Coordinate c(double x, double y) { return new Coordinate(E0 + x, N0 + y); }
}
