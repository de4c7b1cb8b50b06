package org.gridwatch.area;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Areas as they were: every dated version of an area, the version valid at an instant, and which grid held a
 * point then. Read from the database (the catalog holds only the present).
 */
@Service
public class AreaHistory {
  /** One version of an area's outline; {@code validTo} is null for the current one. */
  public record Version(String code, int version, Instant validFrom, Instant validTo, MultiPolygon boundary, double areaM2,
      int households, int residents, String name, AreaLevel level, String parentCode, String kind) {}

  private final AreaVersionRepository versions;

  AreaHistory(AreaVersionRepository versions) { this.versions = versions; }

  @Transactional(readOnly = true)
  public List<Version> of(String code) { return versions.findHistory(code).stream().map(AreaHistory::view).toList(); }

  @Transactional(readOnly = true)
  public Optional<Version> at(String code, Instant at) {
    return of(code).stream().filter(v -> !v.validFrom().isAfter(at) && (v.validTo() == null || v.validTo().isAfter(at))).findFirst();
  }

  /** Every area of a level as it was at an instant (retired ones included if they were current then), by code. */
  @Transactional(readOnly = true)
  public List<Version> level(AreaLevel level, Instant at) {
    return versions.findValidAt(level, at).stream().map(AreaHistory::view).sorted(Comparator.comparing(Version::code)).toList();
  }

  /**
   * The areas of a level as they were at an instant whose outline meets one of the WGS84 boxes, by code: what a map
   * of that moment shows in its view. The database filters by the boxes (its spatial index on PostGIS), so a city's
   * planner reads the outlines on screen, not the level's every version.
   */
  @Transactional(readOnly = true)
  public List<Version> level(AreaLevel level, Instant at, List<Envelope> boxes) {
    Geometry where = Geometries.FACTORY.buildGeometry(boxes.stream().map(Geometries.FACTORY::toGeometry).toList());
    return versions.findValidAtMeeting(level, at, where).stream().map(AreaHistory::view)
        .sorted(Comparator.comparing(Version::code)).toList();
  }

  /** The moments a level's boundaries changed (the first is when they were loaded), oldest first. */
  @Transactional(readOnly = true)
  public List<Instant> changes(AreaLevel level) { return versions.findChangeMoments(level); }

  /** The grid that held a WGS84 point at an instant (on a shared edge: the lowest code), if any. */
  @Transactional(readOnly = true)
  public Optional<Version> gridAt(Point point, Instant at) {
    return versions.findValidAtMeeting(AreaLevel.GRID, at, point).stream().filter(v -> v.getBoundary().covers(point)).map(AreaHistory::view)
        .min(Comparator.comparing(Version::code));
  }

  private static Version view(AreaVersion v) {
    Area a = v.getArea();
    return new Version(a.getCode(), v.getVersion(), v.getValidFrom(), v.getValidTo(), v.getBoundary(), v.getAreaM2(),
        v.getHouseholds(), v.getResidents(), a.getName(), a.getLevel(), a.getParentCode(), a.getKind());
  }
}
