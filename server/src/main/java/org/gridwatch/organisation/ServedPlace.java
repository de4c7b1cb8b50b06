package org.gridwatch.organisation;

import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * A service area resolved against the current hierarchy: its name, outline, and the grids, communities and
 * subdistricts it lies in (a compound in the grids its buildings are in; a community in itself and its subdistrict).
 * The grids of a community are not listed: "inside grid X" asks which areas serve X, and a community serves all its
 * grids, so {@link #reaches} answers that.
 */
record ServedPlace(ServiceAreaKind kind, String code, String name, Geometry outline, Set<String> grids,
    Set<String> communities, Set<String> subdistricts) {

  /** Whether this place lies in (or covers) the area with this code, at any level. */
  boolean reaches(String areaCode) {
    if (grids.contains(areaCode) || communities.contains(areaCode) || subdistricts.contains(areaCode)) return true;
    // a community-wide service reaches each of its grids: their codes begin with the community's
    return kind == ServiceAreaKind.COMMUNITY && areaCode.startsWith(code);
  }
}
