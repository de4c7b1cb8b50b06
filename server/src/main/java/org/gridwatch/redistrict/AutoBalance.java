package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.HouseholdBand;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Auto-balance (issue 5 §5): a proposed regrouping of a community's buildings into N grids with households in the
 * community's household band ({@link HouseholdBand}, gridwatch.grids.*), each grid one contiguous, compact piece (unless
 * the community itself is in pieces). Cells are the Voronoi cells of the buildings ({@link BuildingCells}); the
 * grouping is seeded, grown and improved by {@link BalanceSearch}; outlines are unions of faces noded once on the
 * 1e-7° grid, so they tile the community exactly ({@link RegionOutlines}, {@link OutlineJunctions}). Households are counted by the locator's own rule on the proposed outlines.
 *
 * <p>Pure and deterministic: WGS84 in, WGS84 out, nothing saved. Not for grids without buildings (port grids).
 */
public final class AutoBalance {
  public static final long SEED = 20_240_101L;

  /** One proposed grid; {@code code} is the current grid it matches one-to-one by overlap, or null. */
  public record Grid(MultiPolygon outline, Shape shape, boolean inBand, String code) {}

  public record Summary(int grids, int householdsMin, int householdsMax, int inBand, int currentInBand,
      double polsbyPopper, double currentPolsbyPopper, List<BalanceWarning> warnings) {}

  public record Proposal(List<Grid> grids, Summary summary) {}

  private AutoBalance() {}

  /** round(households / the middle of the band), at least 1: grids sized for the band's ideal. */
  public static int defaultGrids(int households, HouseholdBand band) {
    return (int) Math.max(1, Math.round(households / band.ideal()));
  }

  /** The most grids the buildings allow: one per building site (buildings within a metre share a site). */
  public static int maxGrids(List<BuildingView> buildings) { return BuildingCells.sites(buildings).size(); }

  /**
   * @param outline   the community (WGS84 Polygon or MultiPolygon)
   * @param buildings its buildings, all inside it, at least one
   * @param grids     how many grids, 1..{@link #maxGrids}
   * @param current   the community's grids now (for codes and the before-figures); may be empty
   * @param band      the households a grid should hold in this community
   * @param stringy   the Polsby-Popper score under which a proposed grid is warned about
   */
  public static Proposal propose(Geometry outline, List<BuildingView> buildings, int grids, Map<String, ? extends Geometry> current,
      HouseholdBand band, double stringy) {
    if (buildings.isEmpty()) throw new IllegalArgumentException("no buildings to group");
    if (grids < 1 || grids > maxGrids(buildings)) throw new IllegalArgumentException("grids must be 1.." + maxGrids(buildings));
    BuildingCells cells = BuildingCells.of(outline, buildings);
    CellRegions regions = new BalanceSearch(cells, grids, band.low(), band.high()).run(SEED);
    int[] regionOf = new int[cells.size()];
    for (int c = 0; c < cells.size(); c++) regionOf[c] = regions.regionOf(c);
    List<Geometry> outlines = OutlineJunctions.flush(outline, RegionOutlines.of(outline, cells, regionOf, grids));
    Map<String, Geometry> byKey = new LinkedHashMap<>();
    for (int k = 0; k < outlines.size(); k++) byKey.put(key(k), outlines.get(k));
    var placer = Reshape.placer(byKey);
    List<List<BuildingView>> inside = new ArrayList<>();
    for (int k = 0; k < grids; k++) inside.add(new ArrayList<>());
    for (BuildingView b : buildings) {
      String k = placer.apply(b.location());
      if (k != null) inside.get(Integer.parseInt(k)).add(b);
    }
    String[] codes = matchCodes(outlines, current);
    List<Grid> out = new ArrayList<>();
    for (int k = 0; k < grids; k++) {
      outlines.get(k).normalize(); // one canonical ring order and start, whatever order the overlay built it in
      Shape shape = Shape.of(outlines.get(k), inside.get(k));
      out.add(new Grid(Geometries.asMultiPolygon(outlines.get(k)), shape, band.contains(shape.households()), codes[k]));
    }
    return new Proposal(out, summary(out, buildings, current, outline, band, stringy));
  }

  private static String key(int k) { return String.format(Locale.ROOT, "%06d", k); }

  /** For each proposed grid, the current grid it overlaps most, when that grid in turn overlaps it most. */
  private static String[] matchCodes(List<Geometry> proposed, Map<String, ? extends Geometry> current) {
    String[] bestGrid = new String[proposed.size()];
    double[] bestGridArea = new double[proposed.size()];
    Map<String, Integer> bestRegion = new LinkedHashMap<>();
    Map<String, Double> bestRegionArea = new LinkedHashMap<>();
    for (int k = 0; k < proposed.size(); k++) {
      for (var e : current.entrySet()) {
        if (!proposed.get(k).getEnvelopeInternal().intersects(e.getValue().getEnvelopeInternal())) continue;
        double a = OverlayNGRobust.overlay(proposed.get(k), e.getValue(), OverlayNG.INTERSECTION).getArea();
        if (a <= 0) continue;
        if (a > bestGridArea[k]) {
          bestGridArea[k] = a;
          bestGrid[k] = e.getKey();
        }
        if (a > bestRegionArea.getOrDefault(e.getKey(), 0.0)) {
          bestRegionArea.put(e.getKey(), a);
          bestRegion.put(e.getKey(), k);
        }
      }
    }
    String[] out = new String[proposed.size()];
    for (int k = 0; k < proposed.size(); k++) {
      if (bestGrid[k] != null && bestRegion.get(bestGrid[k]) == k) out[k] = bestGrid[k];
    }
    return out;
  }

  private static Summary summary(List<Grid> proposed, List<BuildingView> buildings, Map<String, ? extends Geometry> current,
      Geometry outline, HouseholdBand band, double stringy) {
    int min = proposed.stream().mapToInt(g -> g.shape().households()).min().orElse(0);
    int max = proposed.stream().mapToInt(g -> g.shape().households()).max().orElse(0);
    int inBand = (int) proposed.stream().filter(Grid::inBand).count();
    double pp = proposed.stream().mapToDouble(g -> g.shape().polsbyPopper()).average().orElse(0);
    Map<String, Integer> currentHouseholds = new LinkedHashMap<>();
    current.keySet().forEach(code -> currentHouseholds.put(code, 0));
    for (BuildingView b : buildings) if (b.gridCode() != null) currentHouseholds.computeIfPresent(b.gridCode(), (c, h) -> h + b.households());
    int currentInBand = (int) currentHouseholds.values().stream().filter(band::contains).count();
    double currentPp = current.values().stream().mapToDouble(g -> Shape.of(g, List.of()).polsbyPopper()).average().orElse(0);
    return new Summary(proposed.size(), min, max, inBand, currentInBand, pp, currentPp,
        warnings(proposed, buildings, outline, band, stringy));
  }

  private static List<BalanceWarning> warnings(List<Grid> proposed, List<BuildingView> buildings, Geometry outline,
      HouseholdBand band, double stringy) {
    List<BalanceWarning> out = new ArrayList<>();
    int low = band.low(), high = band.high(), n = proposed.size();
    List<BuildingView> tooBig = buildings.stream().filter(b -> b.households() > high).toList();
    if (!tooBig.isEmpty()) {
      out.add(BalanceWarning.buildingsOverBand(tooBig.size(), high, tooBig.stream().mapToInt(BuildingView::households).max().orElse(0)));
    }
    int total = buildings.stream().mapToInt(BuildingView::households).sum();
    if (total < (long) n * low) out.add(BalanceWarning.tooFew(total, n, low));
    else if (total > (long) n * high) out.add(BalanceWarning.tooMany(total, n, high));
    long outside = proposed.stream().filter(g -> !g.inBand()).count();
    if (outside > 0) out.add(BalanceWarning.outsideBand((int) outside, n, low, high));
    long inPieces = proposed.stream().filter(g -> g.outline().getNumGeometries() > 1).count();
    if (inPieces > 0) out.add(BalanceWarning.inPieces((int) inPieces, outline.getNumGeometries()));
    for (Grid g : proposed) {
      if (g.shape().polsbyPopper() < stringy) out.add(BalanceWarning.stringy(g.shape().households(), g.shape().polsbyPopper(), stringy));
    }
    return out;
  }
}
