package org.gridwatch.security;

/** OGC API collections anyone may read: the administrative areas, the buildings, the compounds, volunteer density (counts). */
final class PublicLayers {
  static final String[] PATTERNS = {
      "/ogcapi/collections/subdistricts", "/ogcapi/collections/subdistricts/**",
      "/ogcapi/collections/communities", "/ogcapi/collections/communities/**",
      "/ogcapi/collections/grids", "/ogcapi/collections/grids/**",
      "/ogcapi/collections/buildings", "/ogcapi/collections/buildings/**",
      "/ogcapi/collections/compounds", "/ogcapi/collections/compounds/**",
      "/ogcapi/collections/volunteer-density", "/ogcapi/collections/volunteer-density/**"};

  private PublicLayers() {}
}
