package org.gridwatch.ogcapi;

import org.gridwatch.problem.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.Category;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.incident.Status;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code incidents} collection: cases as points for analysis in QGIS, read from the database page by page
 * (keyset on id), with no personal data. Login required. {@code datetime} selects by report time.
 */
@Component
class IncidentFeatures implements FeatureSource {
  private static final Envelope SHIBEI = new Envelope(120.30, 120.43, 36.06, 36.16);
  private final IncidentSearch search;
  private final Categories categories;
  private final JsonMapper mapper;

  IncidentFeatures(IncidentSearch search, Categories categories, JsonMapper mapper) {
    this.search = search;
    this.categories = categories;
    this.mapper = mapper;
  }

  @Override public String id() { return "incidents"; }
  @Override public String title() { return "Cases 案件"; }
  @Override public String description() { return "Resident requests and incidents placed in their grids; no personal data. Synthetic demo history."; }
  @Override public Envelope extent() { return SHIBEI; }
  @Override public Instant firstValidFrom() { return null; }
  @Override public boolean isPublic() { return false; }
  @Override public java.util.Set<org.gridwatch.security.Role> readers() { return org.gridwatch.security.Audiences.CASE_ANALYSIS; }

  @Override
  public Map<String, String> filterParams() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("grid", "15-digit code of the grid the case was placed in");
    m.put("category", "category code, e.g. SANITATION");
    m.put("status", "status, e.g. DISPATCHED");
    return m;
  }

  @Override
  public Page page(ItemsQuery q) {
    IncidentSearch.Criteria c = criteria(q);
    long after = 0;
    if (q.after() != null) {
      try {
        after = Long.parseLong(q.after());
      } catch (NumberFormatException e) {
        throw ProblemException.badInput("cursor", Text.of("ogcapi.not-cursor-from-next-link"));
      }
    }
    List<Incident> rows = search.listById(c, after, q.limit() + 1);
    boolean more = rows.size() > q.limit();
    List<FeatureItem> items = new ArrayList<>();
    for (Incident i : rows.subList(0, Math.min(rows.size(), q.limit()))) items.add(feature(i));
    return new Page(search.count(c), items, more);
  }

  @Override
  public Optional<FeatureItem> item(String id) { return search.byPublicId(id).map(this::feature); }

  /** Cases page by their numeric row id (the sort key); the feature id is the public case id. */
  private FeatureItem feature(Incident i) {
    Category c = categories.find(i.getCategoryCode()).orElse(null);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", i.getPublicId());
    p.put("kind", i.getKind().name());
    p.put("category", i.getCategoryCode());
    p.put("category_name", c == null ? null : c.getName());
    p.put("channel", i.getChannel().name());
    p.put("status", i.getStatus().name());
    p.put("open", i.getStatus().open());
    p.put("priority", i.getPriority().name());
    p.put("grid_code", i.getGridCode());
    p.put("community_code", i.getCommunityCode());
    p.put("subdistrict_code", i.getSubdistrictCode());
    p.put("level", i.getLevel() == null ? null : i.getLevel().name());
    p.put("unit_code", i.getUnitCode());
    p.put("reported_at", i.getReportedAt().toString());
    p.put("dispatched_at", i.getDispatchedAt() == null ? null : i.getDispatchedAt().toString());
    p.put("resolved_at", i.getResolvedAt() == null ? null : i.getResolvedAt().toString());
    p.put("closed_at", i.getClosedAt() == null ? null : i.getClosedAt().toString());
    p.put("deadline", i.getDeadline() == null ? null : i.getDeadline().toString());
    p.put("escalations", i.getEscalations());
    p.put("breached", i.isBreached());
    p.put("left_grid", i.isLeftGrid());
    return FeatureItem.of(mapper, i.getPublicId(), String.valueOf(i.getId()), i.getLocation(), p, Map.of(), i.getReportedAt(),
        "\"" + i.getPublicId() + "-v" + i.getVersion() + "\"");
  }

  private IncidentSearch.Criteria criteria(ItemsQuery q) {
    Polygon box = null;
    if (q.bbox() != null) {
      Envelope e = q.bbox().get(0);
      box = (Polygon) org.gridwatch.geo.Geometries.FACTORY.toGeometry(e);
    }
    String status = q.filters().get("status");
    List<Status> statuses = null;
    if (status != null) {
      try {
        statuses = List.of(Status.valueOf(status.toUpperCase()));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badInput("status", Text.of("ogcapi.x-not-status", status));
      }
    }
    String category = q.filters().get("category");
    return new IncidentSearch.Criteria(null, category == null ? null : List.of(category), statuses, q.from(),
        q.to() == null ? null : q.to().plusMillis(1), q.filters().get("grid"), box);
  }
}
