package org.gridwatch.geo.io;

import java.util.List;

/**
 * A delivered file as read: its format, the CRS it declared (or was given), its features in WGS 84 and the features
 * it could not read, each named ({@code features[i].geometry}) with the reason. A caller that stores nothing when
 * anything is refused checks {@link #errors()} first.
 */
public record FeatureFile(Format format, SourceCrs crs, List<DeliveredFeature> features, List<RowError> errors) {

  /** The formats read. */
  public enum Format { GEOJSON, GEOPACKAGE, SHAPEFILE }

  /** One feature that could not be read: {@code field} is {@code features[i]...}; {@code reason} says why. */
  public record RowError(String field, String reason) {}

  public FeatureFile {
    features = List.copyOf(features);
    errors = List.copyOf(errors);
  }
}
