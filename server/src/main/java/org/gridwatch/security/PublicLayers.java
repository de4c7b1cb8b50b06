package org.gridwatch.security;

/**
 * OGC API collections anyone may read: the administrative areas, the buildings and the compounds; where the community's
 * organisations serve (names, kinds and areas only); volunteer density (counts); the service points and the service
 * deserts (counts only);
 * the approved funded projects (service areas, money, no persons); the bodies of self-governance and the party by area
 * (kind, name, members in term; no persons); the published decisions of councils (issue 16: an anonymous reader gets
 * the published ones only, decided in the layer).
 */
final class PublicLayers {
  static final String[] PATTERNS = {
      "/ogcapi/collections/subdistricts", "/ogcapi/collections/subdistricts/**",
      "/ogcapi/collections/communities", "/ogcapi/collections/communities/**",
      "/ogcapi/collections/grids", "/ogcapi/collections/grids/**",
      "/ogcapi/collections/buildings", "/ogcapi/collections/buildings/**",
      "/ogcapi/collections/compounds", "/ogcapi/collections/compounds/**",
      "/ogcapi/collections/organisations", "/ogcapi/collections/organisations/**",
      "/ogcapi/collections/property-areas", "/ogcapi/collections/property-areas/**",
      "/ogcapi/collections/volunteer-density", "/ogcapi/collections/volunteer-density/**",
      "/ogcapi/collections/service-points", "/ogcapi/collections/service-points/**",
      "/ogcapi/collections/service-deserts", "/ogcapi/collections/service-deserts/**",
      "/ogcapi/collections/projects", "/ogcapi/collections/projects/**",
      "/ogcapi/collections/bodies", "/ogcapi/collections/bodies/**",
      "/ogcapi/collections/decisions", "/ogcapi/collections/decisions/**"};

  private PublicLayers() {}
}
