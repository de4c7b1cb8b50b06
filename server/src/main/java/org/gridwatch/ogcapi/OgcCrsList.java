package org.gridwatch.ogcapi;

import org.gridwatch.problem.Text;
import java.util.List;
import java.util.Optional;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.geo.GaussKruger;
import org.springframework.stereotype.Component;

/**
 * The CRSs every collection offers (OGC API – Features Part 2): CRS84 (the storage CRS), EPSG:4326, EPSG:4490
 * (CGCS2000) and the district's metric CRS, the CGCS2000 Gauss–Krüger zone it is measured in
 * ({@link DistrictProfile#metricZone()}; EPSG axis order northing, easting), once a district is loaded or configured.
 */
@Component
class OgcCrsList {
  private static final List<OgcCrs> GEOGRAPHIC = List.of(OgcCrs.CRS84, new OgcCrs(OgcCrs.EPSG_URI + "4326", true, null),
      new OgcCrs(OgcCrs.EPSG_URI + "4490", true, null));
  private final DistrictProfile district;
  private volatile List<OgcCrs> all = GEOGRAPHIC;
  private volatile GaussKruger allFor;

  OgcCrsList(DistrictProfile district) { this.district = district; }

  List<OgcCrs> all() {
    GaussKruger zone = district.metricZone();
    if (zone == null) return GEOGRAPHIC;
    if (!zone.equals(allFor)) {
      List<OgcCrs> next = new java.util.ArrayList<>(GEOGRAPHIC);
      next.add(new OgcCrs(OgcCrs.EPSG_URI + zone.epsg(), true, zone.projection()));
      all = List.copyOf(next);
      allFor = zone;
    }
    return all;
  }

  List<String> uris() { return all().stream().map(OgcCrs::uri).toList(); }

  Optional<OgcCrs> find(String uri) {
    if (uri == null) return Optional.empty();
    String u = uri.strip();
    if (u.startsWith("<") && u.endsWith(">")) u = u.substring(1, u.length() - 1).strip();
    String wanted = u;
    return all().stream().filter(c -> c.uri().equals(wanted)).findFirst();
  }

  /** The CRS a parameter names; CRS84 when absent; 400 naming the parameter when it is not offered. */
  OgcCrs require(String parameter, String uri) {
    if (uri == null) return OgcCrs.CRS84;
    return find(uri).orElseThrow(() -> ProblemException.badInput(parameter,
        Text.of("ogcapi.x-not-offered-use-one", uri, String.join(", ", uris()))));
  }
}
