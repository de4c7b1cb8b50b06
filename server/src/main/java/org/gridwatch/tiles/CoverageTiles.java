package org.gridwatch.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwatch.area.AreaView;
import org.gridwatch.coverage.Coverage;
import org.gridwatch.coverage.GridFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-grid coverage now, for the readers of the coverage figures: each grid's outline with {@code grid}, {@code share}
 * (the combined covered share, 0..1, rounded as {@code /api/v1/coverage/grids} answers it) and {@code covered} (share
 * at least {@code gridwatch.tiles.coverage-target}). The figures are the coverage capability's, kept per window
 * there; a tile's version is the outlines' version (from the area tiles) and a digest of the shares of its grids,
 * computed once per kept list of figures.
 */
@Component
class CoverageTiles implements TileSource {
  private final Coverage coverage;
  private final AreaTiles areas;
  private final double target;
  private volatile Shares held;

  /** The rounded shares by grid derived from one kept list of figures, and the tile versions derived from them. */
  private record Shares(List<GridFigures> from, Map<String, Double> byGrid, VersionMemo versions) {}

  CoverageTiles(Coverage coverage, AreaTiles areas, @Value("${gridwatch.tiles.coverage-target:0.8}") double target) {
    this.coverage = coverage;
    this.areas = areas;
    this.target = target;
  }

  @Override
  public Set<TileLayer> layers() { return Set.of(TileLayer.COVERAGE); }

  @Override
  public List<MvtLayerContent> features(TileLayer layer, TileAddress tile) {
    Map<String, Double> shares = shares().byGrid();
    List<TileFeature> out = areas.touching(TileLayer.GRIDS, tile).stream().filter(g -> shares.containsKey(g.code())).map(g -> {
      double share = shares.get(g.code());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("grid", g.code());
      p.put("share", share);
      p.put("covered", share >= target);
      return new TileFeature(g.boundary(), null, p);
    }).toList();
    return List.of(new MvtLayerContent(layer.path(), out));
  }

  @Override
  public String version(TileLayer layer, TileAddress tile) {
    Shares shares = shares();
    String outlines = areas.version(TileLayer.GRIDS, tile);
    // the outlines' version leads the tag, read afresh: a boundary commit reloads the catalog while these shares are kept
    return outlines + shares.versions().get(tile, t -> {
      Fingerprint f = new Fingerprint().add(target);
      for (AreaView g : areas.touching(TileLayer.GRIDS, t)) f.add(g.code()).add(shares.byGrid().get(g.code()));
      return f.hex();
    }).substring(0, 8);
  }

  /** The coverage inputs' version (cameras, routes, grids) plus the grids' outlines' sequence. */
  @Override
  public long sequence(TileLayer layer) { return coverage.version() + areas.sequence(TileLayer.GRIDS); }

  /** The shares now, derived once per list of figures the coverage capability keeps (per minute and change). */
  private Shares shares() {
    List<GridFigures> figures = coverage.keptGrids(coverage.at(null));
    Shares s = held;
    if (s != null && s.from() == figures) return s;
    Map<String, Double> byGrid = figures.stream()
        .collect(Collectors.toMap(GridFigures::gridCode, g -> round(g.combinedCoverage()), (a, b) -> a));
    held = s = new Shares(figures, byGrid, new VersionMemo());
    return s;
  }

  private static double round(double share) { return Math.round(share * 10_000) / 10_000.0; }
}
