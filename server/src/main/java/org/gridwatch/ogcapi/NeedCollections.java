package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.need.NeedLayers;
import org.gridwatch.security.Audiences;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code needs} and {@code unmet-demand}: the areas of a level as polygons with the needs figures of
 * {@code GET /api/v1/needs} and {@code /needs/unmet}. {@code level}, {@code category}, {@code from}, {@code to} (and
 * {@code percentile}) choose what is computed, so they are not filters on the items. Counts only, but where demand
 * lies is for staff, funders and reviewers, as on the API. Reading one item by its code gives the area's figures at
 * its own level for all categories over the last 365 days ({@code needs}); {@code unmet-demand} has no item without a
 * category, so it answers items only through the items list.
 */
@Component
class NeedCollections {
  private static final Map<String, String> NEEDS_PARAMS = FeatureSource.params(
      "level", "grid (default), community or subdistrict",
      "category", "request category code (default: all categories)",
      "from", "first day, ISO date (default: 364 days before today)",
      "to", "last day, ISO date (default: today)");
  private static final Map<String, String> UNMET_PARAMS = FeatureSource.params(
      "level", "grid (default), community or subdistrict",
      "category", "request category code (required)",
      "from", "first day, ISO date (default: 364 days before today)",
      "to", "last day, ISO date (default: today)",
      "percentile", "areas above this percentile of the level's rates, 1-99 (default 80)");

  private final NeedLayers layers;
  private final AreaCatalog catalog;
  private final JsonMapper mapper;

  NeedCollections(NeedLayers layers, AreaCatalog catalog, JsonMapper mapper) {
    this.layers = layers;
    this.catalog = catalog;
    this.mapper = mapper;
  }

  List<FeatureSource> all() {
    return List.of(
        new Layer("needs", "Needs 需求地图", "Requests (cases and bookings) per area and per 1,000 residents, by category and period",
            NEEDS_PARAMS, f -> layers.needs(f.get("level"), f.get("category"), f.get("from"), f.get("to"))),
        new Layer("unmet-demand", "Unmet demand 未满足需求",
            "Areas whose request rate for a category lies above a percentile of the level's and that no running project serves",
            UNMET_PARAMS, f -> layers.unmet(f.get("level"), f.get("category"), f.get("from"), f.get("to"), f.get("percentile"))));
  }

  /** One collection: what it computes from the query's parameters. */
  private final class Layer implements FeatureSource {
    private final String id, title, description;
    private final Map<String, String> params;
    private final Function<Map<String, String>, NeedLayers.Layer> compute;

    Layer(String id, String title, String description, Map<String, String> params,
        Function<Map<String, String>, NeedLayers.Layer> compute) {
      this.id = id;
      this.title = title;
      this.description = description;
      this.params = params;
      this.compute = compute;
    }

    @Override public String id() { return id; }
    @Override public String title() { return title; }
    @Override public String description() { return description; }
    @Override public Map<String, String> filterParams() { return params; }
    @Override public Instant firstValidFrom() { return null; }
    @Override public boolean isPublic() { return false; }
    @Override public Set<Role> readers() { return Audiences.NEED_READERS; }

    @Override public Envelope extent() {
      Envelope e = new Envelope();
      catalog.now().level(AreaLevel.DISTRICT).forEach(a -> e.expandToInclude(a.boundary().getEnvelopeInternal()));
      return e;
    }

    @Override
    public Page page(ItemsQuery q) {
      ItemsQuery rest = q;
      for (String key : params.keySet()) rest = rest.withoutFilter(key);
      return FeatureCollection.pageOf(render(compute.apply(q.filters())), rest);
    }

    @Override
    public Optional<FeatureItem> item(String code) {
      if (!id.equals("needs")) return Optional.empty();
      Optional<AreaView> area = catalog.now().find(code).filter(a -> a.level() != AreaLevel.DISTRICT);
      if (area.isEmpty()) return Optional.empty();
      NeedLayers.Layer layer = layers.needs(area.get().level().name(), null, null, null);
      return render(layer).stream().filter(i -> i.id().equals(code)).findFirst();
    }

    private List<FeatureItem> render(NeedLayers.Layer layer) {
      AreaCatalog.Snapshot s = catalog.now();
      List<FeatureItem> out = new ArrayList<>(layer.areas().size());
      for (NeedLayers.AreaFigures f : layer.areas()) {
        AreaView area = s.find(f.code()).orElse(null);
        if (area == null) continue;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", f.code());
        p.put("name", f.name());
        p.put("name_en", f.nameEn());
        p.put("level", layer.level());
        p.put("category", layer.category());
        p.put("from", layer.from().toString());
        p.put("to", layer.to().toString());
        p.put("count", f.count());
        p.put("cases", f.cases());
        p.put("bookings", f.bookings());
        if (layer.threshold() == null) p.put("recorded", f.recorded());
        p.put("residents", f.residents());
        p.put("rate", f.rate());
        if (layer.threshold() != null) {
          p.put("threshold", layer.threshold());
          p.put("served", false);
        }
        out.add(FeatureItem.of(mapper, f.code(), area.boundary(), p, Map.of(), null,
            "\"" + id + "-" + f.code() + "-" + Integer.toHexString(p.hashCode()) + "\""));
      }
      out.sort((a, b) -> a.sortKey().compareTo(b.sortKey()));
      return out;
    }
  }
}
