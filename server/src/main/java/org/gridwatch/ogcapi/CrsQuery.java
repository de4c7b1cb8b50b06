package org.gridwatch.ogcapi;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Part 2 parameters of an items request: {@code crs} (the CRS of the answer, CRS84 by default) and
 * {@code bbox-crs} (the CRS of {@code bbox}, CRS84 by default), both URIs from {@link OgcCrsList}; an unknown URI
 * is a 400 naming the parameter. {@link #params()} is the rest of the query with {@code bbox} restated in CRS84,
 * for {@link ItemsQuery}, which knows only CRS84.
 */
record CrsQuery(OgcCrs crs, Map<String, String[]> params) {
  static CrsQuery of(Map<String, String[]> query, OgcCrsList offered) {
    Map<String, String[]> rest = new LinkedHashMap<>(query);
    OgcCrs crs = offered.require("crs", first(rest.remove("crs")));
    OgcCrs bboxCrs = offered.require("bbox-crs", first(rest.remove("bbox-crs")));
    String bbox = first(rest.get("bbox"));
    if (bbox != null && !bboxCrs.isCrs84()) {
      String inCrs84 = restate(bbox, bboxCrs);
      if (inCrs84 != null) rest.put("bbox", new String[] {inCrs84});
    }
    return new CrsQuery(crs, rest);
  }

  /** The item's GeoJSON in the answer's CRS (the prepared CRS84 text when that is what was asked for). */
  String json(FeatureItem item, JsonMapper mapper) {
    if (crs.isCrs84()) return item.json();
    return FeatureItem.of(mapper, item.id(), item.sortKey(), crs.fromWgs84(item.geometry()), item.properties(), item.filters(),
        item.validFrom(), item.etag()).json();
  }

  /** A bbox in {@code crs} as minLon,minLat,maxLon,maxLat; null when it is not numbers (ItemsQuery then says why). */
  private static String restate(String bbox, OgcCrs crs) {
    String[] parts = bbox.split(",");
    if (parts.length != 4 && parts.length != 6) return null;
    double[] v = new double[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) v[i] = Double.parseDouble(parts[i].strip());
    } catch (NumberFormatException e) {
      return null;
    }
    int half = parts.length / 2;
    for (double d : v) if (!Double.isFinite(d)) return null;
    var e = crs.toWgs84(Math.min(v[0], v[half]), Math.min(v[1], v[half + 1]), Math.max(v[0], v[half]), Math.max(v[1], v[half + 1]));
    return e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY();
  }

  private static String first(String[] values) { return values == null || values.length == 0 ? null : values[0]; }
}
