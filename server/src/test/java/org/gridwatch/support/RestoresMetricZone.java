package org.gridwatch.support;

import org.gridwatch.geo.GaussKruger;
import org.gridwatch.geo.MetricProjection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that load or check a district somewhere else ({@code @ExtendWith(RestoresMetricZone.class)}): the
 * metric zone is one per JVM (a server serves one district), so the zone the class found is put back after it, and
 * the cached demo contexts of later classes measure in theirs again.
 */
public final class RestoresMetricZone implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(RestoresMetricZone.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    GaussKruger zone = MetricProjection.zoneIfChosen();
    if (zone != null) context.getStore(HERE).put("zone", zone);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    GaussKruger zone = context.getStore(HERE).get("zone", GaussKruger.class);
    if (zone != null) MetricProjection.use(zone);
  }
}
