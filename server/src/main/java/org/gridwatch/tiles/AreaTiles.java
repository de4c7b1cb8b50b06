package org.gridwatch.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Grids, communities and subdistricts from the in-memory area catalog. A tile's version is the digest of every
 * current area whose outline's envelope touches the tile with its buffer: code, boundary version and its start,
 * name, parent, households and kind. Areas tile the district, so any boundary commit that changes what a tile shows changes the
 * version or the set of an area touching it (the area that now owns the changed ground); tiles elsewhere keep
 * theirs. Every instance derives it from the same stored versions. The indexes are rebuilt once per catalog load, and
 * each tile's version is computed once per load.
 */
@Component
class AreaTiles implements TileSource {
  private final JdbcTemplate jdbc;
  private final PerCatalogLoad<Indexed> indexed;

  /** The indexes and sequences of one catalog load. */
  private record Indexed(Map<TileLayer, STRtree> trees, Map<TileLayer, Long> sequences, Map<TileLayer, VersionMemo> versions) {}

  AreaTiles(AreaCatalog catalog, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.indexed = new PerCatalogLoad<>(catalog, this::index);
  }

  @Override
  public Set<TileLayer> layers() { return Set.of(TileLayer.GRIDS, TileLayer.COMMUNITIES, TileLayer.SUBDISTRICTS); }

  @Override
  public List<MvtLayerContent> features(TileLayer layer, TileAddress tile) {
    List<TileFeature> out = new ArrayList<>();
    for (AreaView a : touching(layer, tile)) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", a.code());
      p.put("name", a.name());
      p.put("parent", a.parentCode());
      p.put("level", a.level().name());
      p.put("households", a.households());
      if (a.kind() != null) p.put("kind", a.kind());
      out.add(new TileFeature(a.boundary(), null, p));
    }
    return List.of(new MvtLayerContent(layer.path(), out));
  }

  @Override
  public String version(TileLayer layer, TileAddress tile) {
    return current().versions().get(layer).get(tile, t -> digest(layer, t));
  }

  private String digest(TileLayer layer, TileAddress tile) {
    Fingerprint f = new Fingerprint();
    for (AreaView a : touching(layer, tile)) f.add(a.code()).add(a.version()).add(a.validFrom()).add(a.name()).add(a.parentCode())
        .add(a.households()).add(a.kind());
    return f.hex();
  }

  @Override
  public long sequence(TileLayer layer) { return current().sequences().get(layer); }

  /** The current areas of the layer whose outline's envelope touches the tile with its buffer, by code. */
  List<AreaView> touching(TileLayer layer, TileAddress tile) {
    @SuppressWarnings("unchecked")
    List<AreaView> hits = current().trees().get(layer).query(tile.lonLatWithBuffer());
    List<AreaView> out = new ArrayList<>(hits);
    out.sort(Comparator.comparing(AreaView::code));
    return out;
  }

  private Indexed current() { return indexed.get(); }

  private Indexed index(AreaCatalog.Snapshot now) {
    Map<TileLayer, STRtree> trees = new EnumMap<>(TileLayer.class);
    Map<TileLayer, Long> sequences = new EnumMap<>(TileLayer.class);
    Map<TileLayer, VersionMemo> versions = new EnumMap<>(TileLayer.class);
    for (TileLayer layer : layers()) {
      versions.put(layer, new VersionMemo());
      STRtree tree = new STRtree();
      for (AreaView a : now.level(level(layer))) tree.insert(a.boundary().getEnvelopeInternal(), a);
      tree.build();
      trees.put(layer, tree);
      sequences.put(layer, changes(level(layer)));
    }
    return new Indexed(trees, sequences, versions);
  }

  /** Boundary versions ever made at the level plus areas retired: every commit touching the level adds one or more. */
  private long changes(AreaLevel level) {
    Long n = jdbc.queryForObject("select (select count(*) from area_version v join area a on a.id = v.area_id where a.level = ?)"
        + " + (select count(*) from area where level = ? and retired_at is not null)", Long.class, level.name(), level.name());
    return n == null ? 0 : n;
  }

  private static AreaLevel level(TileLayer layer) {
    return switch (layer) {
      case GRIDS -> AreaLevel.GRID;
      case COMMUNITIES -> AreaLevel.COMMUNITY;
      case SUBDISTRICTS -> AreaLevel.SUBDISTRICT;
      default -> throw new IllegalArgumentException(layer.name());
    };
  }
}
