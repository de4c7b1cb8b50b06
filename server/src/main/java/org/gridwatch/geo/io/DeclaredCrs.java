package org.gridwatch.geo.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Geometries a JSON request (not a delivered file: a camera, obstacle or route import bound to records) sends in the
 * CRS it declares, by the GeoJSON {@code crs} member ({@link Member}) or a {@code crs} parameter, into WGS 84 with the
 * same rules as {@link FeatureFileReader}: CRS84 when neither is given, one of {@link SourceCrs#ACCEPTED}, the two must
 * agree, projected coordinates easting first unless every geometry of the request has the northing first, and a
 * geometry outside the zone's range in China is refused on its own.
 */
public final class DeclaredCrs {
  /** The old GeoJSON {@code crs} member: {@code {"type": "name", "properties": {"name": "EPSG:4545"}}}. */
  public record Member(String type, Name properties) {
    public record Name(String name) {}

    String name() { return properties == null ? null : properties.name(); }
  }

  /** The request's geometries in WGS 84, null where refused, and why each refused one was (by position). */
  public record Converted(List<Geometry> wgs84, Map<Integer, String> refused) {}

  private DeclaredCrs() {}

  /**
   * The CRS a request declares. Throws {@link IllegalArgumentException} with the reason when a name is not accepted
   * or the member and the parameter disagree.
   */
  public static SourceCrs of(Member member, String parameter) {
    Optional<SourceCrs> fromMember = parse(member == null ? null : member.name(), "the crs member");
    Optional<SourceCrs> fromParameter = parse(parameter, "the crs parameter");
    if (fromMember.isPresent() && fromParameter.isPresent() && !fromMember.equals(fromParameter)
        && (fromMember.get().isProjected() || fromParameter.get().isProjected())) {
      throw new IllegalArgumentException("the body declares " + fromMember.get().name() + " but the request says "
          + fromParameter.get().name());
    }
    return fromMember.or(() -> fromParameter).orElse(SourceCrs.CRS84);
  }

  private static Optional<SourceCrs> parse(String name, String where) {
    if (name == null || name.isBlank()) return Optional.empty();
    return Optional.of(SourceCrs.parse(name).orElseThrow(() -> new IllegalArgumentException(
        "'" + name + "' (" + where + ") is not accepted; use " + SourceCrs.ACCEPTED)));
  }

  /** {@code raw} (x = easting or longitude; null entries stay null) in WGS 84. */
  public static Converted toWgs84(SourceCrs crs, List<Geometry> raw) {
    Envelope all = new Envelope();
    raw.stream().filter(g -> g != null).forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
    boolean swapped = crs.axesSwapped(all);
    List<Geometry> out = new ArrayList<>(raw.size());
    Map<Integer, String> refused = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      Geometry g = raw.get(i);
      if (g == null) {
        out.add(null);
        continue;
      }
      if (swapped) g = FeatureFileReader.swap(g);
      if (!crs.plausible(g.getEnvelopeInternal())) {
        refused.put(i, "lies outside " + crs + " in China (easting " + g.getCoordinate().x + ", northing "
            + g.getCoordinate().y + "): is the CRS right?");
        out.add(null);
        continue;
      }
      Geometry wgs84 = crs.toWgs84(g);
      Envelope e = wgs84.getEnvelopeInternal();
      if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
        refused.put(i, "longitude/latitude out of range in " + crs.name());
        out.add(null);
        continue;
      }
      out.add(wgs84);
    }
    return new Converted(java.util.Collections.unmodifiableList(out), Map.copyOf(refused));
  }
}
