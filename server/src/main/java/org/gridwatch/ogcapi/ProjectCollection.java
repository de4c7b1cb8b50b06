package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.impact.FundedProjectLayer;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code projects}: the approved funded projects as public features, each its service area with the round, title,
 * status, provider name, categories, budget and the sum disbursed; filterable by {@code round}, {@code year} and
 * {@code status}. No person, no review score. Read on each request: few, and their status and money change.
 */
@Component
class ProjectCollection implements FeatureSource {
  private final FundedProjectLayer projects;
  private final AreaCatalog catalog;
  private final JsonMapper mapper;

  ProjectCollection(FundedProjectLayer projects, AreaCatalog catalog, JsonMapper mapper) {
    this.projects = projects;
    this.catalog = catalog;
    this.mapper = mapper;
  }

  @Override public String id() { return "projects"; }
  @Override public String title() { return "Funded projects 公益项目"; }
  @Override public String description() {
    return "Approved funded service projects: each project's service area (the union of its target grids and communities),"
        + " round, title, status, provider, categories, budget and the sum disbursed so far";
  }
  @Override public Map<String, String> filterParams() {
    return FeatureSource.params("round", "id of the funding round", "year", "fiscal year of the round",
        "status", "APPROVED, CONTRACTED, RUNNING, MIDTERM_REVIEW, RECTIFYING, FINAL_REVIEW, CLOSED or TERMINATED");
  }
  @Override public Envelope extent() {
    Envelope district = new Envelope();
    catalog.now().level(AreaLevel.DISTRICT).forEach(a -> district.expandToInclude(a.boundary().getEnvelopeInternal()));
    return district;
  }
  @Override public Instant firstValidFrom() { return null; }
  @Override public boolean isPublic() { return true; }
  @Override public Page page(ItemsQuery q) { return FeatureCollection.pageOf(items(), q); }
  @Override public Optional<FeatureItem> item(String id) { return items().stream().filter(i -> i.id().equals(id)).findFirst(); }

  private List<FeatureItem> items() {
    List<FeatureItem> out = new ArrayList<>();
    for (FundedProjectLayer.PublicProject p : projects.all()) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("id", p.id());
      props.put("round", p.round());
      props.put("round_title", p.roundTitle());
      props.put("year", p.year());
      props.put("title", p.title());
      props.put("status", p.status());
      props.put("provider", p.provider());
      props.put("categories", p.categories());
      props.put("budget", p.budget());
      props.put("disbursed", p.disbursed());
      String id = String.valueOf(p.id());
      String etag = "\"" + Integer.toHexString(id.hashCode()) + "-" + Integer.toHexString(31 * props.hashCode() + p.serviceArea().hashCode()) + "\"";
      out.add(FeatureItem.of(mapper, id, String.format("%019d", p.id()), p.serviceArea(), props,
          Map.of("round", String.valueOf(p.round()), "year", String.valueOf(p.year()), "status", p.status()), null, etag));
    }
    return out;
  }
}
