package org.gridwatch.security;

/** OGC API collections anyone may read: the administrative areas and the buildings. */
final class PublicLayers {
  static final String[] PATTERNS = {
      "/ogcapi/collections/subdistricts", "/ogcapi/collections/subdistricts/**",
      "/ogcapi/collections/communities", "/ogcapi/collections/communities/**",
      "/ogcapi/collections/grids", "/ogcapi/collections/grids/**",
      "/ogcapi/collections/buildings", "/ogcapi/collections/buildings/**"};

  private PublicLayers() {}
}
