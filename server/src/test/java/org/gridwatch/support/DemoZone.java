package org.gridwatch.support;

import org.gridwatch.geo.GaussKruger;
import org.gridwatch.geo.MetricProjection;

/**
 * For unit tests that work in the demo district's metres without starting a context: the zone the demo district
 * (Shibei, centroid 120.4°E) is measured in, EPSG:4549. A context that loads a district chooses it by itself.
 */
public final class DemoZone {
  private DemoZone() {}

  public static void use() { MetricProjection.use(GaussKruger.ofEpsg(4549).orElseThrow()); }
}
