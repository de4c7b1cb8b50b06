package org.gridwatch.service;

import java.util.List;

/**
 * A service point as anyone may read it: no personal data (the running organisation by name only).
 *
 * @param photos each photo's public copy and thumbnail (re-encoded without metadata)
 */
public record ServicePointView(long id, String name, PointKind kind, double lon, double lat, String address, String grid,
    String community, String subdistrict, List<WeeklyHours> openingHours, Named organisation, List<Photo> photos) {

  /** Something named by id: an organisation, a service point. */
  public record Named(long id, String name) {}

  /** A photo of the point. */
  public record Photo(long id, String url, String thumbnail, int width, int height) {}
}
