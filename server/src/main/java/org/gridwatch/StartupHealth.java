package org.gridwatch;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DOWN until every start-up step (schema, demo import, roster, case history, accounts) has run: the last
 * application runner turns it UP, so {@code /actuator/health} says UP only when the server is ready to use.
 */
@Component("startup")
@Order(Ordered.LOWEST_PRECEDENCE)
class StartupHealth implements ApplicationRunner, HealthIndicator {
  private volatile boolean done;

  @Override
  public void run(ApplicationArguments args) { done = true; }

  @Override
  public Health health() { return done ? Health.up().build() : Health.down().withDetail("startup", "in progress").build(); }
}
