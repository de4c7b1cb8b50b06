package org.gridwatch.ogcapi;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * A collection served by the OGC API: what it is, which filter parameters it takes (parameter → what it
 * matches, for the OpenAPI document), and its items in id order.
 */
record FeatureCollection(String id, String title, String description, Map<String, String> filterParams,
    List<FeatureItem> items, Envelope extent) {

  static Envelope extentOf(List<FeatureItem> items) {
    Envelope e = new Envelope();
    items.forEach(i -> e.expandToInclude(i.envelope()));
    return e;
  }
}
