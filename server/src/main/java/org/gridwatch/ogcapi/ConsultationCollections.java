package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.consultation.map.ConsultationLayers;
import org.gridwatch.geo.Geometries;
import org.gridwatch.security.Audiences;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's consultation layers: {@code meetings} (points, staff; {@code from}/{@code to} choose the days computed,
 * {@code community} filters), {@code decisions} (points at their meeting's place; anyone, but only published decisions
 * unless the reader is staff) and {@code open-topics} (grid polygons with their open topics and overdue tasks, staff).
 * Each item's properties are the typed record of {@link ConsultationLayers}, read on each request.
 */
@Component
class ConsultationCollections {
  private static final TypeReference<LinkedHashMap<String, Object>> PROPERTIES = new TypeReference<>() {};

  private final ConsultationLayers layers;
  private final AreaCatalog catalog;
  private final JsonMapper mapper;

  ConsultationCollections(ConsultationLayers layers, AreaCatalog catalog, JsonMapper mapper) {
    this.layers = layers;
    this.catalog = catalog;
    this.mapper = mapper;
  }

  List<FeatureSource> all() {
    return List.of(
        new Layer("meetings", "Meetings 议事会议", "Meetings of councils and committees at their place: body, date, status, topics"
            + " taken up and decisions adopted", FeatureSource.params("community", "community code",
            "from", "first day, ISO date (default: 364 days before today)", "to", "last day, ISO date (default: 90 days after today)"),
            false, f -> meetings(f.get("from"), f.get("to"))),
        new Layer("decisions", "Decisions 议事决定", "Decisions at their meeting's place: topic, body, day, result; published"
            + " decisions only for readers who are not staff", FeatureSource.params("community", "community code"), true,
            f -> decisions()),
        new Layer("open-topics", "Open topics 待办议题", "Grids with topics proposed, accepted or decided but not yet carried out,"
            + " and their overdue tasks", FeatureSource.params("community", "community code"), false, f -> openTopics()));
  }

  private List<FeatureItem> meetings(String from, String to) {
    List<FeatureItem> out = new ArrayList<>();
    for (ConsultationLayers.MeetingPoint m : layers.meetings(from, to)) {
      out.add(point(String.valueOf(m.id()), m.lon(), m.lat(), m, m.communityCode()));
    }
    return out;
  }

  private List<FeatureItem> decisions() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean staff = Audiences.admits(auth, Audiences.STAFF);
    List<FeatureItem> out = new ArrayList<>();
    for (ConsultationLayers.DecisionPoint d : layers.decisions(!staff)) {
      out.add(point(String.valueOf(d.id()), d.lon(), d.lat(), d, d.communityCode()));
    }
    return out;
  }

  private List<FeatureItem> openTopics() {
    AreaCatalog.Snapshot s = catalog.now();
    List<FeatureItem> out = new ArrayList<>();
    for (ConsultationLayers.OpenTopics o : layers.openTopics()) {
      Optional<AreaView> grid = s.find(o.gridCode());
      if (grid.isEmpty()) continue;
      Map<String, Object> p = properties(o);
      p.put("name", grid.get().name());
      p.put("open", o.open());
      out.add(item(o.gridCode(), o.gridCode(), grid.get().boundary(), p, o.communityCode()));
    }
    return out;
  }

  private FeatureItem point(String id, double lon, double lat, Record r, String community) {
    Map<String, Object> p = properties(r);
    p.remove("lon");
    p.remove("lat");
    return item(id, String.format("%019d", Long.parseLong(id)), Geometries.FACTORY.createPoint(new Coordinate(lon, lat)), p, community);
  }

  private Map<String, Object> properties(Record r) { return mapper.convertValue(r, PROPERTIES); }

  private FeatureItem item(String id, String sortKey, Geometry g, Map<String, Object> p, String community) {
    String etag = "\"" + Integer.toHexString(id.hashCode()) + "-" + Integer.toHexString(p.hashCode()) + "\"";
    return FeatureItem.of(mapper, id, sortKey, g, p, community == null ? Map.of() : Map.of("community", community), null, etag);
  }

  /** One collection: what it computes from the query's parameters. */
  private final class Layer implements FeatureSource {
    private final String id, title, description;
    private final Map<String, String> params;
    private final boolean open;
    private final Function<Map<String, String>, List<FeatureItem>> compute;

    Layer(String id, String title, String description, Map<String, String> params, boolean open,
        Function<Map<String, String>, List<FeatureItem>> compute) {
      this.id = id;
      this.title = title;
      this.description = description;
      this.params = params;
      this.open = open;
      this.compute = compute;
    }

    @Override public String id() { return id; }
    @Override public String title() { return title; }
    @Override public String description() { return description; }
    @Override public Map<String, String> filterParams() { return params; }
    @Override public Instant firstValidFrom() { return null; }
    @Override public boolean isPublic() { return open; }

    @Override public Envelope extent() {
      Envelope e = new Envelope();
      catalog.now().level(AreaLevel.DISTRICT).forEach(a -> e.expandToInclude(a.boundary().getEnvelopeInternal()));
      return e;
    }

    /** {@code from} and {@code to} choose what is computed; {@code community} filters the items. */
    @Override
    public Page page(ItemsQuery q) {
      return FeatureCollection.pageOf(compute.apply(q.filters()), q.withoutFilter("from").withoutFilter("to"));
    }

    @Override
    public Optional<FeatureItem> item(String itemId) {
      return compute.apply(Map.of()).stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
  }
}
