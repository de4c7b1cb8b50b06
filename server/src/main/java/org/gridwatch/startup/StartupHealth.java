package org.gridwatch.startup;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN until every start-up step (the product's loads, then the demo's imports when enabled) has run, so
 * {@code /actuator/health} says UP only when the server is ready to use; while down it names the step.
 */
@Component("startup")
class StartupHealth implements HealthIndicator {
  private final StartupStatus status;

  StartupHealth(StartupStatus status) { this.status = status; }

  @Override
  public Health health() {
    StartupStatus.Progress p = status.progress();
    if (p.ready()) return Health.up().build();
    return Health.down().withDetail("startup", "in progress").withDetail("stage", p.stage())
        .withDetail("step", String.valueOf(p.step())).withDetail("message", p.message().en()).build();
  }
}
