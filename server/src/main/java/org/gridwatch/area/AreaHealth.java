package org.gridwatch.area;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP once the hierarchy is loaded and the grid locator answers; DOWN while starting. */
@Component("areas")
class AreaHealth implements HealthIndicator {
  private final AreaCatalog catalog;

  AreaHealth(AreaCatalog catalog) { this.catalog = catalog; }

  @Override
  public Health health() {
    if (!catalog.isReady()) return Health.down().withDetail("areas", "loading").build();
    var s = catalog.now();
    return Health.up().withDetail("grids", s.level(AreaLevel.GRID).size()).withDetail("loadedAt", s.loadedAt()).build();
  }
}
