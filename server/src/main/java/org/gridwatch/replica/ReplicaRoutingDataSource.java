package org.gridwatch.replica;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.util.Map;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The application's one {@code DataSource} when a replica is configured: the primary's pool, except for connections
 * taken inside a {@link MayLag} call while the standby is fresh enough ({@link StandbyFreshness}). The choice is made
 * when a connection is taken, so a transaction stays on the server it started on.
 */
final class ReplicaRoutingDataSource extends AbstractRoutingDataSource implements Closeable {
  enum Server { PRIMARY, STANDBY }

  private final HikariDataSource primary;
  private final HikariDataSource standby;
  private final StandbyFreshness freshness;

  ReplicaRoutingDataSource(HikariDataSource primary, HikariDataSource standby, StandbyFreshness freshness) {
    this.primary = primary;
    this.standby = standby;
    this.freshness = freshness;
    setTargetDataSources(Map.of(Server.PRIMARY, primary, Server.STANDBY, standby));
    setDefaultTargetDataSource(primary);
    setLenientFallback(false);
    afterPropertiesSet();
  }

  StandbyFreshness freshness() { return freshness; }

  /** The server a connection taken now would come from. */
  Server route() { return (Server) determineCurrentLookupKey(); }

  @Override
  protected Object determineCurrentLookupKey() {
    return ReadRoute.mayLag() && freshness.fresh() ? Server.STANDBY : Server.PRIMARY;
  }

  @Override
  public void close() {
    freshness.close();
    standby.close();
    primary.close();
  }
}
