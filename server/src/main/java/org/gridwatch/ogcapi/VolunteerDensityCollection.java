package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.volunteer.VolunteerDensity;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code volunteer-density}: every grid's outline with how many volunteers and social workers live in it and the
 * volunteers per 1,000 residents. Counts only, no person: public. Rendered again only when a count or the
 * hierarchy changes.
 */
@Component
class VolunteerDensityCollection implements FeatureSource {
  /** What the items are rendered from: the hierarchy as loaded (by identity) and the figures. */
  private record Source(int snapshot, List<VolunteerDensity.AreaDensity> figures) {}

  private final VolunteerDensity density;
  private final AreaCatalog catalog;
  private final JsonMapper mapper;
  private final LastRendered<Source> items = new LastRendered<>(this::render);

  VolunteerDensityCollection(VolunteerDensity density, AreaCatalog catalog, JsonMapper mapper) {
    this.density = density;
    this.catalog = catalog;
    this.mapper = mapper;
  }

  @Override public String id() { return "volunteer-density"; }
  @Override public String title() { return "Volunteer density 志愿者密度"; }
  @Override public String description() {
    return "Grids with the registered volunteers and social workers living in them and volunteers per 1,000 residents (counts only)";
  }
  @Override public Map<String, String> filterParams() {
    return FeatureSource.params("subdistrict", "9-digit code of the subdistrict", "community", "12-digit code of the community");
  }
  @Override public Envelope extent() {
    Envelope e = new Envelope();
    catalog.now().level(AreaLevel.DISTRICT).forEach(a -> e.expandToInclude(a.boundary().getEnvelopeInternal()));
    return e;
  }
  @Override public Instant firstValidFrom() { return null; }
  @Override public boolean isPublic() { return true; }

  @Override
  public Page page(ItemsQuery query) { return FeatureCollection.pageOf(current(), query); }

  @Override
  public Optional<FeatureItem> item(String id) { return current().stream().filter(i -> i.id().equals(id)).findFirst(); }

  private List<FeatureItem> current() {
    AreaCatalog.Snapshot s = catalog.now();
    return items.of(new Source(System.identityHashCode(s), density.at(AreaLevel.GRID, null, null).areas()));
  }

  private List<FeatureItem> render(Source source) {
    AreaCatalog.Snapshot s = catalog.now();
    List<FeatureItem> out = new ArrayList<>();
    for (VolunteerDensity.AreaDensity d : source.figures()) {
      AreaView grid = s.find(d.code()).orElse(null);
      if (grid == null) continue;
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", d.code());
      p.put("name", d.name());
      p.put("name_en", d.nameEn());
      p.put("residents", d.residents());
      p.put("volunteers", d.volunteers());
      p.put("social_workers", d.socialWorkers());
      p.put("per_1000", d.per1000());
      Map<String, String> filters = new HashMap<>();
      if (grid.parentCode() != null) {
        filters.put("community", grid.parentCode());
        s.find(grid.parentCode()).map(AreaView::parentCode).ifPresent(sub -> filters.put("subdistrict", sub));
      }
      String etag = "\"vd-" + d.code() + "-" + Integer.toHexString(p.hashCode()) + "\"";
      out.add(FeatureItem.of(mapper, d.code(), grid.boundary(), p, filters, null, etag));
    }
    return List.copyOf(out);
  }
}
