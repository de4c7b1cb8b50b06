package org.gridwatch.skynet;

import org.gridwatch.problem.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.geo.io.DeclaredCrs;
import org.gridwatch.geo.io.SourceCrs;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;

/**
 * The obstacle layer: building footprints or walls that block cameras' line of sight, imported as GeoJSON
 * polygons (an import adds to the layer, a feature with a known code replaces it; bad features are refused one
 * by one, each with its reasons) or cleared. Every change publishes {@link ObstaclesChanged}.
 */
@Service
public class Obstacles {
  /** An obstacle larger than this is not a building: probably a district or a mistake. */
  static final double MAX_AREA_M2 = 200_000;

  public record ImportReport(int stored, int refused, int total, List<FieldError> errors) {}

  private final ObstacleRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private volatile List<Geometry> metres;

  Obstacles(ObstacleRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /** Every obstacle in the district's metres. */
  @Transactional(readOnly = true)
  public List<Geometry> allMetres() {
    List<Geometry> m = metres;
    if (m == null) {
      m = repository.findAll().stream().map(o -> MetricProjection.toMetres(o.boundary())).toList();
      metres = m;
    }
    return m;
  }

  /** A GeoJSON FeatureCollection of Polygons or MultiPolygons; properties {@code code}, {@code height_m}. */
  @Transactional
  ImportReport importFeatures(ObstacleImport body, SourceCrs crs) {
    List<ObstacleImport.Feature> features = body.features();
    List<FieldError> errors = new ArrayList<>();
    List<Geometry> read = read(features, crs, errors);
    List<Obstacle> good = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < features.size(); i++) {
      String prefix = "features[" + i + "].";
      ObstacleImport.Feature f = features.get(i);
      String code = f.code(i);
      List<FieldError> row = new ArrayList<>();
      MultiPolygon shape = read.get(i) == null ? null : shape(read.get(i), prefix + "geometry", row);
      if (!code.matches("[A-Za-z0-9_.:-]{1,40}")) row.add(new FieldError(prefix + "properties.code", Text.of("skynet.letters-digits-only-1-40")));
      else if (!seen.add(code)) row.add(new FieldError(prefix + "properties.code", Text.of("skynet.appears-twice-this-import")));
      Double height = f.height();
      if (height != null && !(height >= 0 && height <= 1000)) row.add(new FieldError(prefix + "properties.height_m", Text.of("skynet.metres-0-1000")));
      if (row.isEmpty() && shape != null) good.add(new Obstacle(code, shape, height, clock.instant()));
      errors.addAll(row);
    }
    errors.sort(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.field().substring(9, e.field().indexOf(']')))));
    repository.saveAll(good);
    repository.flush();
    changed();
    return new ImportReport(good.size(), features.size() - good.size(), (int) repository.count(), errors);
  }

  @Transactional
  public long clear() {
    long n = repository.count();
    repository.deleteAllInBatch();
    changed();
    return n;
  }

  public long count() { return repository.count(); }

  private void changed() {
    metres = null;
    events.publishEvent(new ObstaclesChanged((int) repository.count()));
  }

  /** Again after the commit: a read during the transaction may have cached the layer as it was. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void forget(ObstaclesChanged e) { metres = null; }

  /**
   * Every feature's geometry in WGS84 (null where unreadable, with its error added): read as GeoJSON in {@code crs}
   * and, when that is a Gauss–Krüger zone, converted all together ({@link DeclaredCrs}).
   */
  private static List<Geometry> read(List<ObstacleImport.Feature> features, SourceCrs crs, List<FieldError> errors) {
    List<Geometry> raw = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      String field = "features[" + i + "].geometry";
      try {
        JsonNode geometry = features.get(i).geometry();
        raw.add(crs.isProjected() ? GeoJson.readAnyCrs(geometry, field) : GeoJson.read(geometry, field));
      } catch (GeoJson.InvalidGeoJson e) {
        errors.add(new FieldError(e.field(), e.reason()));
        raw.add(null);
      }
    }
    if (!crs.isProjected()) return raw;
    DeclaredCrs.Converted converted = DeclaredCrs.toWgs84(crs, raw);
    converted.refused().forEach((i, reason) -> errors.add(new FieldError("features[" + i + "].geometry", reason)));
    return converted.wgs84();
  }

  private static MultiPolygon shape(Geometry g, String field, List<FieldError> errors) {
    if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
      errors.add(new FieldError(field, Text.of("skynet.must-polygon-or-multipolygon")));
      return null;
    }
    IsValidOp valid = new IsValidOp(g);
    if (!valid.isValid()) {
      var e = valid.getValidationError();
      String at = e.getCoordinate() == null ? "" : " at (" + e.getCoordinate().x + ", " + e.getCoordinate().y + ")";
      errors.add(new FieldError(field, e.getMessage() + at));
      return null;
    }
    double area = MetricProjection.areaM2(g);
    if (area > MAX_AREA_M2) {
      errors.add(new FieldError(field, String.format("covers %.0f m²; an obstacle is a building or a wall (at most %.0f m²)", area, MAX_AREA_M2)));
      return null;
    }
    return Geometries.asMultiPolygon(g);
  }
}
