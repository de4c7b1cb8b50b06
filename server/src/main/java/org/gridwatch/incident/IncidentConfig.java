package org.gridwatch.incident;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IncidentConfig {
  /** The clock SLA deadlines are computed on; tests replace it to move time. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() { return Clock.systemUTC(); }
}
