package org.gridwatch.basemap;

import java.util.List;

/**
 * A base map as the web client draws it: tile URLs ready to use (the key filled in), the CRS its tiles are in,
 * its attribution and 审图号. The {@code none} base map has no URLs.
 */
public record BaseMap(String id, String name, String nameEn, List<String> urls, String subdomains, MapCrs crs,
    String attribution, String reviewNumber, int maxZoom) {
  public static final String NONE = "none";

  static BaseMap none() {
    return new BaseMap(NONE, "无底图", "No base map", List.of(), "", MapCrs.WGS84, "", "", 20);
  }
}
