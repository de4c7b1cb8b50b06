package org.gridwatch.skynet;

import org.gridwatch.geo.LineOfSight;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a camera really sees: its sector, clipped by line of sight when an obstacle layer is loaded
 * ({@link Obstacles}); the plain sector when none is.
 */
@Service
public class Sight {
  private final Obstacles obstacles;
  private volatile LineOfSight lineOfSight;

  Sight(Obstacles obstacles) { this.obstacles = obstacles; }

  /** In the district's metres. */
  public Polygon metres(CameraView c) {
    LineOfSight los = current();
    if (los.isEmpty()) return c.sectorMetres();
    double[] xy = MetricProjection.project(c.lon(), c.lat());
    return los.visible(xy[0], xy[1], c.heading(), c.effectiveFov(), c.rangeM());
  }

  /** In WGS84, for maps. */
  public Geometry wgs84(CameraView c) { return MetricProjection.zone(c.lon()).toWgs84(metres(c)); }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void obstaclesChanged(ObstaclesChanged e) { lineOfSight = null; }

  private LineOfSight current() {
    LineOfSight los = lineOfSight;
    if (los == null) {
      los = new LineOfSight(obstacles.allMetres());
      lineOfSight = los;
    }
    return los;
  }
}
