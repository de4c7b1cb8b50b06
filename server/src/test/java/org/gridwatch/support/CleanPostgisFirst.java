package org.gridwatch.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Test runs on PostGIS start from an empty schema: Flyway cleans, then migrates. */
@TestConfiguration
@ConditionalOnProperty("gridwatch.test.clean-database")
public class CleanPostgisFirst {
  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
