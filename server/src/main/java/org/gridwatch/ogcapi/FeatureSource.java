package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A collection of the OGC API, whatever holds it: the in-memory area layers ({@link FeatureCollection}) or the
 * cases in the database ({@link IncidentFeatures}). Items come in id order; a page is the items after the
 * query's cursor that match it, with the total that match.
 */
interface FeatureSource {
  /** One page of a query: how many items match in all, the items of this page, and whether more follow. */
  record Page(long matched, List<FeatureItem> items, boolean more) {}

  /** Filter parameters in the order given: name, description, name, description… */
  static Map<String, String> params(String... nameThenDescription) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameThenDescription.length; i += 2) m.put(nameThenDescription[i], nameThenDescription[i + 1]);
    return m;
  }

  String id();
  String title();
  String description();
  /** The collection's own filter parameters (name → what it matches), for validation and the OpenAPI document. */
  Map<String, String> filterParams();
  Envelope extent();
  /** Start of the temporal extent, or null. */
  Instant firstValidFrom();
  /** Whether anonymous clients may read it (the area layers) or only signed-in users (cases). */
  boolean isPublic();

  /** Who may read it: empty for anyone (the public layers), else the roles admitted. */
  default java.util.Set<org.gridwatch.security.Role> readers() {
    return isPublic() ? java.util.Set.of() : org.gridwatch.security.Audiences.STAFF;
  }
  Page page(ItemsQuery query);
  Optional<FeatureItem> item(String id);
}
