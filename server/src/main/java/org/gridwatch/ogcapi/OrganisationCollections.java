package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.organisation.OrganisationLayers;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The community's organisations as public layers: {@code organisations} (each organisation's current service areas as
 * one outline, with its name and kind) and {@code property-areas} (each compound a property company serves today, with
 * the company and the days). No contact, phone or address. Read from the register on each request: few, and they change.
 */
@Component
class OrganisationCollections {
  private final OrganisationLayers layers;
  private final AreaCatalog catalog;
  private final JsonMapper mapper;

  OrganisationCollections(OrganisationLayers layers, AreaCatalog catalog, JsonMapper mapper) {
    this.layers = layers;
    this.catalog = catalog;
    this.mapper = mapper;
  }

  /** A public collection whose items are read when asked for (not when the collection is only listed). */
  private record LiveCollection(String id, String title, String description, Map<String, String> filterParams, Envelope extent,
      Supplier<List<FeatureItem>> items) implements FeatureSource {
    @Override public Instant firstValidFrom() { return null; }
    @Override public boolean isPublic() { return true; }
    @Override public Page page(ItemsQuery q) { return FeatureCollection.pageOf(items.get(), q); }
    @Override public Optional<FeatureItem> item(String id) { return items.get().stream().filter(i -> i.id().equals(id)).findFirst(); }
  }

  List<FeatureSource> all() {
    Envelope district = new Envelope();
    catalog.now().level(AreaLevel.DISTRICT).forEach(a -> district.expandToInclude(a.boundary().getEnvelopeInternal()));
    return List.of(
        new LiveCollection("organisations", "Organisations 组织",
            "Where the community's organisations serve today: the union of each one's service areas (compounds, grids, communities), with its name and kind",
            FeatureSource.params("kind", "SOCIAL_ORGANISATION, PROPERTY_COMPANY, SERVICE_PROVIDER, LAW_FIRM or RESIDENT_UNIT"),
            district, this::organisations),
        new LiveCollection("property-areas", "Property areas 物业服务区域",
            "Each compound a property company serves today: the compound's outline, the company and the days of its service",
            FeatureSource.params("organisation", "id of the property company"), district, this::propertyAreas));
  }

  private List<FeatureItem> organisations() {
    List<FeatureItem> out = new ArrayList<>();
    for (OrganisationLayers.ServiceOutline o : layers.serviceOutlines()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", o.id());
      p.put("name", o.name());
      p.put("kind", o.kind().name());
      p.put("areas", o.areas());
      out.add(item(String.valueOf(o.id()), String.format("%019d", o.id()), o.outline(), p, Map.of("kind", o.kind().name())));
    }
    return out;
  }

  private List<FeatureItem> propertyAreas() {
    List<FeatureItem> out = new ArrayList<>();
    for (OrganisationLayers.PropertyArea a : layers.propertyAreas()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("compound", a.compound());
      p.put("organisation", a.organisation());
      p.put("organisation_name", a.organisationName());
      p.put("from", a.from().toString());
      p.put("to", a.to() == null ? null : a.to().toString());
      out.add(item(a.compound(), a.compound(), a.outline(), p, Map.of("organisation", String.valueOf(a.organisation()))));
    }
    return out;
  }

  private FeatureItem item(String id, String sortKey, Geometry g, Map<String, Object> p, Map<String, String> filters) {
    String etag = "\"" + Integer.toHexString(id.hashCode()) + "-" + Integer.toHexString(31 * p.hashCode() + g.hashCode()) + "\"";
    return FeatureItem.of(mapper, id, sortKey, g, p, filters, null, etag);
  }
}
