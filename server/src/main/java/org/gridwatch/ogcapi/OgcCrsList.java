package org.gridwatch.ogcapi;

import java.util.List;
import java.util.Optional;
import org.gridwatch.problem.ProblemException;
import org.locationtech.proj4j.CRSFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CRSs every collection offers (OGC API – Features Part 2): CRS84 (the storage CRS), EPSG:4326, EPSG:4490
 * (CGCS2000) and the deployment's metric CRS ({@code gridwatch.metric-crs.code}, {@code .proj}, {@code .axes}),
 * for Shibei the CGCS2000 Gauss–Krüger zone EPSG:4549.
 */
@Component
class OgcCrsList {
  private final List<OgcCrs> all;

  OgcCrsList(@Value("${gridwatch.metric-crs.code}") String code, @Value("${gridwatch.metric-crs.proj}") String proj,
      @Value("${gridwatch.metric-crs.axes:north-east}") String axes) {
    if (!code.matches("EPSG:\\d+")) throw new IllegalStateException("gridwatch.metric-crs.code must look like EPSG:4549, not " + code);
    if (!axes.equals("north-east") && !axes.equals("east-north")) {
      throw new IllegalStateException("gridwatch.metric-crs.axes must be north-east or east-north, not " + axes);
    }
    var metric = new OgcCrs(OgcCrs.EPSG_URI + code.substring(5), axes.equals("north-east"),
        new CRSFactory().createFromParameters(code, proj).getProjection());
    all = List.of(OgcCrs.CRS84, new OgcCrs(OgcCrs.EPSG_URI + "4326", true, null),
        new OgcCrs(OgcCrs.EPSG_URI + "4490", true, null), metric);
  }

  List<OgcCrs> all() { return all; }

  List<String> uris() { return all.stream().map(OgcCrs::uri).toList(); }

  Optional<OgcCrs> find(String uri) {
    if (uri == null) return Optional.empty();
    String u = uri.strip();
    if (u.startsWith("<") && u.endsWith(">")) u = u.substring(1, u.length() - 1).strip();
    String wanted = u;
    return all.stream().filter(c -> c.uri().equals(wanted)).findFirst();
  }

  /** The CRS a parameter names; CRS84 when absent; 400 naming the parameter when it is not offered. */
  OgcCrs require(String parameter, String uri) {
    if (uri == null) return OgcCrs.CRS84;
    return find(uri).orElseThrow(() -> ProblemException.badInput(parameter,
        "'" + uri + "' is not offered; use one of " + String.join(", ", uris())));
  }
}
