package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;

/**
 * A collection for signed-in users whose items are computed from live state (cameras, routes, coverage) rather
 * than held: {@code items} gets the value of the collection's {@code window} parameter (null for now) and returns
 * the items in id order. The window chooses what to compute, so it is not a filter on the items.
 */
record ComputedCollection(String id, String title, String description, Map<String, String> filterParams,
    Envelope extent, Function<String, List<FeatureItem>> items) implements FeatureSource {
  static final String WINDOW = "window";

  @Override
  public Instant firstValidFrom() { return null; }

  @Override
  public boolean isPublic() { return false; }

  /** Police information, except the per-grid figures a planner's redraw preview also shows. */
  @Override
  public java.util.Set<org.gridwatch.security.Role> readers() {
    return "grid-coverage".equals(id()) ? org.gridwatch.security.Audiences.COVERAGE_FIGURES
        : org.gridwatch.security.Audiences.POLICE_INFO;
  }

  @Override
  public Page page(ItemsQuery q) {
    return FeatureCollection.pageOf(items.apply(q.filters().get(WINDOW)), q.withoutFilter(WINDOW));
  }

  @Override
  public Optional<FeatureItem> item(String id) {
    return items.apply(null).stream().filter(i -> i.id().equals(id)).findFirst();
  }
}
