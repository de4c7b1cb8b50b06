package org.gridwatch.tiles;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingView;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Buildings from the building register held in the area catalog: the footprint where the district gave one, else
 * the building's point; {@code id} (its code), {@code name}, {@code grid}. A tile's version digests the buildings
 * touching it (code, name, grid, point and footprint coordinates); the register
 * only changes by an import, which reloads the catalog, so each tile's version is computed once per load.
 */
@Component
class BuildingTiles implements TileSource {
  private final PerCatalogLoad<Indexed> indexed;

  private record Indexed(SpatialIndex<BuildingView> index, long sequence, VersionMemo versions) {}

  BuildingTiles(AreaCatalog catalog) {
    this.indexed = new PerCatalogLoad<>(catalog, BuildingTiles::index);
  }

  @Override
  public Set<TileLayer> layers() { return Set.of(TileLayer.BUILDINGS); }

  @Override
  public List<MvtLayerContent> features(TileLayer layer, TileAddress tile) {
    List<TileFeature> out = current().index().touching(tile.lonLatWithBuffer()).stream().map(b -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", b.code());
      p.put("name", b.name() == null || b.name().isBlank() ? null : b.name());
      p.put("grid", b.gridCode());
      return new TileFeature(shape(b), null, p);
    }).toList();
    return List.of(new MvtLayerContent(layer.path(), out));
  }

  @Override
  public String version(TileLayer layer, TileAddress tile) {
    Indexed now = current();
    return now.versions().get(tile, t -> {
      Fingerprint f = new Fingerprint();
      for (BuildingView b : now.index().touching(t.lonLatWithBuffer())) f.add(b.code()).add(digest(b));
      return f.hex();
    });
  }

  /** What of a building is drawn, as one number. */
  private static int digest(BuildingView b) {
    return java.util.Objects.hash(b.name(), b.gridCode(), b.location().getX(), b.location().getY(),
        b.footprint() == null ? 0 : Arrays.hashCode(b.footprint().getCoordinates()));
  }

  /**
   * The register keeps no change history, so N is a checksum of it (codes, grids, footprints): it changes with every
   * import that changes what is drawn, but does not grow in order.
   */
  @Override
  public long sequence(TileLayer layer) { return current().sequence(); }

  private static Geometry shape(BuildingView b) { return b.footprint() != null ? b.footprint() : b.location(); }

  private Indexed current() { return indexed.get(); }

  private static Indexed index(AreaCatalog.Snapshot now) {
    List<BuildingView> all = now.buildings();
    long sequence = 0;
    for (BuildingView b : all) sequence += b.code().hashCode() * 31 + digest(b);
    return new Indexed(new SpatialIndex<>(all, b -> shape(b).getEnvelopeInternal(), Comparator.comparing(BuildingView::code)),
        Math.abs(sequence), new VersionMemo());
  }
}
