package org.gridwatch.startup;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On the embedded default the migrations run on a connection of their own, kept open as long as the application.
 *
 * <p>H2 2.4.240 ties each {@code CHECK … IN (…)} constraint to the session that created it (h2database#4302): once that
 * connection closes, every insert into the table fails with "Check constraint invalid". Run through the pool, the
 * migrations' connection is retired after 30 minutes (Hikari's maximum lifetime) and a server started on a fresh data
 * directory stopped taking cases half an hour later. Constraints read from an existing file belong to H2's own system
 * session and were never affected. H2 2.5.252 fixes the binding but lost acknowledged commits on {@code kill -9} here
 * (KillNineIT), so the project stays on 2.4.240 with this. PostgreSQL migrates through the pool as before.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedMigrationSession implements DisposableBean {
  private Connection kept;

  /** Points Flyway at the kept connection when the store is H2; whatever runs the migrations then uses it. */
  @Bean
  FlywayConfigurationCustomizer migrateOnAKeptSessionWhenEmbedded(DataSource dataSource) {
    return configuration -> {
      HikariDataSource pool;
      try {
        pool = dataSource.unwrap(HikariDataSource.class);
      } catch (SQLException notAPool) {
        return;
      }
      if (pool.getJdbcUrl() == null || !pool.getJdbcUrl().startsWith("jdbc:h2:")) return;
      try {
        if (kept == null) kept = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot open the embedded database for its migrations", e);
      }
      configuration.dataSource(new SingleConnectionDataSource(kept, true));
    };
  }

  /**
   * Closes the kept connection with the application, for a database in a file; an in-memory database stays open for
   * the other application contexts of the same JVM (tests), whose constraints it may hold.
   */
  @Override
  public void destroy() throws SQLException {
    if (kept != null && !kept.getMetaData().getURL().startsWith("jdbc:h2:mem:")) kept.close();
  }
}
