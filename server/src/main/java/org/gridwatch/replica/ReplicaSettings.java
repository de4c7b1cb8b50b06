package org.gridwatch.replica;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridwatch.datasource.replica.*}: a streaming-replication standby for reads that may lag. Without {@code url}
 * nothing changes: every connection comes from {@code spring.datasource} as before.
 *
 * @param url JDBC URL of the standby (e.g. {@code jdbc:postgresql://db2:5432/gridwatch}); blank: no replica
 * @param username its user; blank: {@code spring.datasource.username}
 * @param password its password; blank: {@code spring.datasource.password}
 * @param maxLag how old the standby's data may be for a {@link MayLag} read to go there
 * @param checkInterval how often the standby's replay position is checked (the routing reads the last check)
 * @param maxPoolSize connections to the standby
 */
@ConfigurationProperties("gridwatch.datasource.replica")
public record ReplicaSettings(String url, String username, String password, @DefaultValue("5s") Duration maxLag,
    @DefaultValue("1s") Duration checkInterval, @DefaultValue("10") int maxPoolSize) {

  public ReplicaSettings {
    if (maxLag.isNegative() || maxLag.isZero()) throw new IllegalArgumentException("gridwatch.datasource.replica.max-lag must be positive");
    if (checkInterval.toMillis() < 10) throw new IllegalArgumentException("gridwatch.datasource.replica.check-interval must be at least 10ms");
    if (maxPoolSize < 1) throw new IllegalArgumentException("gridwatch.datasource.replica.max-pool-size must be at least 1");
  }

  boolean configured() { return url != null && !url.isBlank(); }
}
