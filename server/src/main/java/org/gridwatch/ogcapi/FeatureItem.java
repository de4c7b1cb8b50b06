package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.Map;
import org.gridwatch.geo.GeoJson;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;

/**
 * One feature of a collection, ready to serve: its GeoJSON text is rendered once when the item is made and
 * reused by every request, so a whole layer is served by concatenation.
 *
 * @param sortKey   the paging key (the id, or for cases their numeric row id)
 * @param validFrom start of the validity of this version, for {@code datetime} filtering
 * @param filters   the values of the collection's filter parameters for this item (e.g. its community code)
 */
record FeatureItem(String id, String sortKey, Geometry geometry, Envelope envelope, Map<String, Object> properties,
    Map<String, String> filters, Instant validFrom, String etag, String json) {

  static FeatureItem of(JsonMapper mapper, String id, Geometry geometry, Map<String, Object> properties,
      Map<String, String> filters, Instant validFrom, String etag) {
    return of(mapper, id, id, geometry, properties, filters, validFrom, etag);
  }

  static FeatureItem of(JsonMapper mapper, String id, String sortKey, Geometry geometry, Map<String, Object> properties,
      Map<String, String> filters, Instant validFrom, String etag) {
    StringBuilder sb = new StringBuilder(256 + geometry.getNumPoints() * 24);
    sb.append("{\"type\":\"Feature\",\"id\":").append(mapper.writeValueAsString(id)).append(",\"geometry\":");
    GeoJson.write(sb, geometry);
    sb.append(",\"properties\":").append(mapper.writeValueAsString(properties)).append('}');
    return new FeatureItem(id, sortKey, geometry, geometry.getEnvelopeInternal(), properties, filters, validFrom, etag,
        sb.toString());
  }
}
