package org.gridwatch.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.buffer.BufferOp;

/**
 * What a patrol covers along its route: every point within {@code width} metres of the line (round caps and
 * joins), computed in the district's metres. A straight route of length L covers 2 · width · L plus the two
 * half-disc caps, π · width².
 */
public final class RouteBuffer {
  private static final int QUADRANT_SEGMENTS = 8;

  private RouteBuffer() {}

  /** The buffer in the district's metres of a WGS84 line or multi-line. */
  public static Geometry metres(Geometry lineWgs84, double widthM) {
    if (!(widthM > 0)) throw new IllegalArgumentException("width must be positive");
    BufferParameters p = new BufferParameters(QUADRANT_SEGMENTS, BufferParameters.CAP_ROUND, BufferParameters.JOIN_ROUND, 5);
    return BufferOp.bufferOp(MetricProjection.toMetres(lineWgs84), widthM, p);
  }
}
