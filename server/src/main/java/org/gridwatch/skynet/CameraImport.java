package org.gridwatch.skynet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A camera import as GeoJSON: a FeatureCollection of Point features whose properties are cameras. Types are checked
 * on binding (a wrong type is a 400 naming e.g. {@code features[3].properties.range}); values row by row, so that
 * the good rows are stored and the bad ones reported. Positions are in the CRS the {@code crs} member declares (or the
 * request's {@code crs} parameter; CRS84 when neither): see {@link ProjectedPositions}.
 */
record CameraImport(
    String type,
    org.gridwatch.geo.io.DeclaredCrs.Member crs,
    @NotNull(message = "a GeoJSON FeatureCollection is expected")
    @Size(min = 1, max = CameraImport.MAX, message = "1 to 10,000 cameras per import") List<@NotNull @Valid Feature> features) {
  static final int MAX = 10_000;

  record Feature(String type, @Valid Point geometry, @Valid CameraRequest properties) {
    CameraRequest camera() {
      CameraRequest p = properties == null ? new CameraRequest(null, null, null, null, null, null, null, null, null, null, null, null)
          : properties;
      List<Double> c = geometry == null ? null : geometry.coordinates();
      return c != null && c.size() >= 2 ? p.at(c.get(0), c.get(1)) : p;
    }
  }

  /** A GeoJSON Point: {@code coordinates} is [longitude, latitude]. */
  record Point(String type, @Size(max = 3, message = "a position is [longitude, latitude]") List<@NotNull Double> coordinates) {}
}
