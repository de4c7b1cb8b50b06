package org.gridwatch.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public collections over the area catalog: {@code subdistricts}, {@code communities}, {@code grids},
 * {@code buildings} and {@code compounds}. Items are rendered once per catalog snapshot and cached until the catalog or the
 * address table changes, except the buildings', rendered per page on demand ({@link BuildingFeatures}): a city has millions.
 */
@Component
class AreaCollections {
  private final AreaCatalog catalog;
  private final org.gridwatch.area.AreaHistory history;
  private final JsonMapper mapper;
  private volatile Cached cached;

  private final org.gridwatch.address.Geocoder addresses;

  private record Cached(AreaCatalog.Snapshot snapshot, long addressVersion, Map<String, FeatureSource> collections) {}

  AreaCollections(AreaCatalog catalog, org.gridwatch.area.AreaHistory history, org.gridwatch.address.Geocoder addresses,
      JsonMapper mapper) {
    this.catalog = catalog;
    this.addresses = addresses;
    this.history = history;
    this.mapper = mapper;
  }

  /**
   * Renders the collections once the server is up, so the first map that asks for grid outlines does not pay for it;
   * on a thread of its own, so that nothing waits for it (a reader meanwhile renders them itself).
   */
  @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void renderAhead() {
    Thread t = new Thread(() -> {
      try {
        current();
      } catch (RuntimeException e) { // an optimisation only: the first reader renders instead
        org.slf4j.LoggerFactory.getLogger(AreaCollections.class).warn("rendering the area layers ahead failed", e);
      }
    }, "area-layers-ahead");
    t.setDaemon(true);
    t.start();
  }

  /** All public collections, in the order a client should list them. */
  List<FeatureSource> all() { return List.copyOf(current().values()); }

  Optional<FeatureSource> find(String id) { return Optional.ofNullable(current().get(id)); }

  /**
   * An area layer as it was at an instant, from the stored versions (areas retired since included, areas made
   * since left out); empty for the other collections. With {@code bbox} (null: everywhere) only the versions whose
   * envelope meets one of its boxes are rendered (the page then keeps those the boxes meet exactly): a planner's view of
   * a past moment renders what is on screen, not a city's every outline.
   */
  Optional<FeatureCollection> asOf(String id, java.time.Instant at, List<org.locationtech.jts.geom.Envelope> bbox) {
    AreaLevel level = switch (id) {
      case "subdistricts" -> AreaLevel.SUBDISTRICT;
      case "communities" -> AreaLevel.COMMUNITY;
      case "grids" -> AreaLevel.GRID;
      default -> null;
    };
    if (level == null) return Optional.empty();
    List<FeatureItem> items = new ArrayList<>();
    for (var v : bbox == null ? history.level(level, at) : history.level(level, at, bbox)) {
      if (bbox != null && bbox.stream().noneMatch(b -> b.intersects(v.boundary().getEnvelopeInternal()))) continue;
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", v.code());
      p.put("name", v.name());
      p.put("level", level.name().toLowerCase());
      p.put("parent_code", v.parentCode());
      Map<String, String> filters = new LinkedHashMap<>();
      if (v.code().length() > 9) filters.put("subdistrict", v.code().substring(0, 9));
      if (v.code().length() > 12) filters.put("community", v.code().substring(0, 12));
      if (v.kind() != null) filters.put("kind", v.kind());
      filters.forEach((k, c) -> p.put(k.equals("kind") ? "kind" : k + "_code", c));
      p.put("area_m2", Math.round(v.areaM2() * 10) / 10.0);
      p.put("households", v.households());
      p.put("residents", v.residents());
      p.put("version", v.version());
      p.put("valid_from", v.validFrom().toString());
      p.put("valid_to", v.validTo() == null ? null : v.validTo().toString());
      String etag = "\"" + v.code() + "-v" + v.version() + "-" + Long.toHexString(v.validFrom().toEpochMilli()) + "\"";
      items.add(FeatureItem.of(mapper, v.code(), v.boundary(), p, filters, v.validFrom(), etag));
    }
    FeatureSource now = current().get(id);
    return Optional.of(new FeatureCollection(id, now.title(), now.description(), now.filterParams(), List.copyOf(items),
        FeatureCollection.extentOf(items)));
  }

  private Map<String, FeatureSource> current() {
    AreaCatalog.Snapshot s = catalog.now();
    long addressVersion = addresses.tableVersion();
    Cached c = cached;
    if (c == null || c.snapshot() != s || c.addressVersion() != addressVersion) {
      c = new Cached(s, addressVersion, build(s));
      cached = c;
    }
    return c.collections();
  }

  private Map<String, FeatureSource> build(AreaCatalog.Snapshot s) {
    Map<String, FeatureSource> out = new LinkedHashMap<>();
    out.put("subdistricts", areas(s, AreaLevel.SUBDISTRICT, "Subdistricts 街道",
        "The " + s.level(AreaLevel.SUBDISTRICT).size() + " subdistricts of the district", Map.of()));
    out.put("communities", areas(s, AreaLevel.COMMUNITY, "Communities 社区",
        "Communities (residents' committees) tiling each subdistrict",
        Map.of("subdistrict", "9-digit code of the subdistrict")));
    out.put("grids", areas(s, AreaLevel.GRID, "Grids 网格",
        "Grids, the unit of responsibility, tiling each community",
        FeatureSource.params("subdistrict", "9-digit code of the subdistrict", "community", "12-digit code of the community",
            "kind", "residential or port")));
    out.put(BuildingFeatures.ID, new BuildingFeatures(s.buildings(), addresses, mapper));
    out.put("compounds", compounds(s));
    return out;
  }

  private FeatureCollection areas(AreaCatalog.Snapshot s, AreaLevel level, String title, String description,
      Map<String, String> filterParams) {
    List<FeatureItem> items = new ArrayList<>();
    for (AreaView a : s.level(level)) {
      List<AreaView> chain = s.chain(a);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", a.code());
      p.put("name", a.name());
      p.put("name_en", a.nameEn());
      p.put("level", a.level().name().toLowerCase());
      p.put("parent_code", a.parentCode());
      Map<String, String> filters = new LinkedHashMap<>();
      for (AreaView up : chain.subList(1, chain.size())) {
        if (up.level() == AreaLevel.SUBDISTRICT || up.level() == AreaLevel.COMMUNITY) {
          String key = up.level() == AreaLevel.SUBDISTRICT ? "subdistrict" : "community";
          p.put(key + "_code", up.code());
          p.put(key + "_name", up.name());
          filters.put(key, up.code());
        }
      }
      if (a.kind() != null) {
        p.put("kind", a.kind());
        filters.put("kind", a.kind());
      }
      p.put("area_m2", Math.round(a.areaM2() * 10) / 10.0);
      p.put("households", a.households());
      p.put("residents", a.residents());
      p.put("synthetic", a.synthetic());
      p.put("version", a.version());
      p.put("valid_from", a.validFrom().toString());
      var label = a.boundary().getInteriorPoint();
      p.put("label_point", List.of(Math.round(label.getX() * 1e7) / 1e7, Math.round(label.getY() * 1e7) / 1e7));
      items.add(FeatureItem.of(mapper, a.code(), a.boundary(), p, filters, a.validFrom(), a.etag()));
    }
    return new FeatureCollection(level.plural(), title, description, filterParams, List.copyOf(items),
        FeatureCollection.extentOf(items));
  }

  private FeatureCollection compounds(AreaCatalog.Snapshot s) {
    List<FeatureItem> items = new ArrayList<>();
    for (org.gridwatch.area.CompoundView c : s.compounds()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", c.name());
      p.put("derived", c.derived());
      p.put("buildings", c.buildings());
      p.put("households", c.households());
      p.put("residents", c.residents());
      p.put("grid_codes", c.gridCodes());
      p.put("grid", c.grid());
      String etag = "\"" + Integer.toHexString(c.name().hashCode()) + "-" + Integer.toHexString(p.hashCode() ^ c.outline().hashCode()) + "\"";
      items.add(FeatureItem.of(mapper, c.name(), c.outline(), p, Map.of(), null, etag));
    }
    return new FeatureCollection("compounds", "Compounds 小区",
        "Compounds (小区): outlines given by the district or derived from their buildings, with the buildings, households"
            + " and residents inside", Map.of(), List.copyOf(items), FeatureCollection.extentOf(items));
  }
}
