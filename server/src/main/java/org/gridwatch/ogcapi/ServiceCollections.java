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
import org.gridwatch.geo.Geometries;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.service.ServiceDeserts;
import org.gridwatch.service.ServiceKind;
import org.gridwatch.service.ServicePointView;
import org.gridwatch.service.ServicePoints;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public service collections: {@code service-points} (each point with its kind, address, opening hours and the
 * organisation running it, by name; no personal data) and {@code service-deserts} (for a {@code service} and a
 * {@code distance} in metres, default 500, the grids with residents out of reach: their outline, residents and
 * residents affected). Both are computed per request from the current state.
 */
@Component
class ServiceCollections {
  static final String SERVICE = "service";
  static final String DISTANCE = "distance";

  private final AreaCatalog catalog;
  private final ServicePoints points;
  private final ServiceDeserts deserts;
  private final JsonMapper mapper;

  ServiceCollections(AreaCatalog catalog, ServicePoints points, ServiceDeserts deserts, JsonMapper mapper) {
    this.catalog = catalog;
    this.points = points;
    this.deserts = deserts;
    this.mapper = mapper;
  }

  List<FeatureSource> all() {
    Envelope district = new Envelope();
    catalog.now().level(AreaLevel.DISTRICT).forEach(a -> district.expandToInclude(a.boundary().getEnvelopeInternal()));
    return List.of(
        new Layer("service-points", "Service points 服务阵地",
            "Community service centres, party service centres, mediation rooms, police rooms, legal service points, elderly care "
                + "stations… with opening hours and the organisation that runs each", FeatureSource.params("kind", "kind of point",
                "subdistrict", "9-digit code of the subdistrict", "community", "12-digit code of the community", "grid",
                "15-digit code of the grid"), List.of(), district, p -> pointItems()),
        new Layer("service-deserts", "Service deserts 服务盲区",
            "Grids whose residents have no point offering the service within the distance, measured " + ServiceDeserts.METHOD
                + " (no street network is loaded), with the residents affected", FeatureSource.params(SERVICE,
                "the service (required): MEAL_ASSISTANCE, HOME_VISIT, HOUSEKEEPING, DELIVERY, LEGAL_ADVICE, …", DISTANCE,
                "walking distance in metres, 50 to 5000 (default 500)", "subdistrict", "9-digit code of the subdistrict",
                "community", "12-digit code of the community"), List.of(SERVICE, DISTANCE), district, this::desertItems));
  }

  private List<FeatureItem> pointItems() {
    List<FeatureItem> out = new ArrayList<>();
    for (ServicePointView p : points.list(null, null)) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("name", p.name());
      props.put("kind", p.kind().name());
      props.put("address", p.address());
      props.put("grid", p.grid());
      props.put("organisation", p.organisation() == null ? null : p.organisation().name());
      props.put("openingHours", p.openingHours().stream().map(h -> h.weekday() + " " + h.from() + "-" + h.to()).toList());
      props.put("photos", p.photos().size());
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put("kind", p.kind().name());
      filters.put("grid", p.grid());
      filters.put("community", p.community());
      filters.put("subdistrict", p.subdistrict());
      Geometry g = Geometries.FACTORY.createPoint(new Coordinate(p.lon(), p.lat()));
      String id = Long.toString(p.id());
      out.add(FeatureItem.of(mapper, id, String.format("%019d", p.id()), g, props, filters, null,
          "\"sp-" + id + "-" + Integer.toHexString(props.hashCode()) + "\""));
    }
    return out;
  }

  private List<FeatureItem> desertItems(Map<String, String> params) {
    String serviceText = params.get(SERVICE);
    if (serviceText == null) throw ProblemException.badInput(SERVICE, Text.of("service.required"));
    ServiceKind service;
    try {
      service = ServiceKind.valueOf(serviceText.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput(SERVICE, Text.of("service.unknown-service-x", serviceText));
    }
    int distance;
    try {
      distance = params.get(DISTANCE) == null ? 500 : Integer.parseInt(params.get(DISTANCE).strip());
    } catch (NumberFormatException e) {
      throw ProblemException.badInput(DISTANCE, Text.of("service.distance-50-5000", params.get(DISTANCE)));
    }
    if (distance < 50 || distance > 5000) throw ProblemException.badInput(DISTANCE, Text.of("service.distance-50-5000", distance));
    AreaCatalog.Snapshot s = catalog.now();
    List<FeatureItem> out = new ArrayList<>();
    for (ServiceDeserts.Grid g : deserts.of(service, distance).grids()) {
      AreaView grid = s.find(g.code()).orElse(null);
      if (grid == null) continue;
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("name", g.name());
      props.put("service", service.name());
      props.put("distance", distance);
      props.put("method", ServiceDeserts.METHOD);
      props.put("residents", g.residents());
      props.put("residentsAffected", g.residentsAffected());
      props.put("nearest", g.nearest());
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put("community", grid.parentCode());
      s.chain(grid).stream().filter(a -> a.level() == AreaLevel.SUBDISTRICT).findFirst()
          .ifPresent(a -> filters.put("subdistrict", a.code()));
      out.add(FeatureItem.of(mapper, g.code(), grid.boundary(), props, filters, null,
          "\"sd-" + g.code() + "-" + Integer.toHexString(props.hashCode()) + "\""));
    }
    return out;
  }

  /**
   * A public collection computed per request; {@code choosing} names the parameters that choose what to compute (they
   * are not filters on the items).
   */
  private record Layer(String id, String title, String description, Map<String, String> filterParams, List<String> choosing,
      Envelope extent, Function<Map<String, String>, List<FeatureItem>> items) implements FeatureSource {
    @Override
    public Instant firstValidFrom() { return null; }

    @Override
    public boolean isPublic() { return true; }

    @Override
    public Page page(ItemsQuery q) {
      ItemsQuery rest = q;
      for (String c : choosing) rest = rest.withoutFilter(c);
      return FeatureCollection.pageOf(items.apply(q.filters()), rest);
    }

    @Override
    public Optional<FeatureItem> item(String itemId) {
      Map<String, String> defaults = choosing.isEmpty() ? Map.of() : Map.of(SERVICE, ServiceKind.MEAL_ASSISTANCE.name());
      return items.apply(defaults).stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
  }
}
