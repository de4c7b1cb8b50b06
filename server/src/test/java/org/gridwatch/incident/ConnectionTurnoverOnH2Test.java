package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import javax.sql.DataSource;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded default keeps taking writes after the connection pool has replaced the connection that ran the
 * migrations (Hikari retires every connection after 30 minutes). H2 2.4.240 tied each CHECK … IN (…) constraint
 * to the session that created it, so once that connection closed every insert into a table with such a constraint
 * failed with "Check constraint invalid" (h2database#4302) — a server started on a fresh data directory stopped
 * taking cases half an hour later. The migrations now run on a connection kept open (startup/EmbeddedMigrationSession). It lives here,
 * among the demo's case tests: a demo context loaded first in the JVM would choose the metric zone before the empty
 * deployment tests of package startup run.
 */
@OnH2
class ConnectionTurnoverOnH2Test {
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void aCaseIsStillReportedAfterThePoolReplacedEveryConnection() throws Exception {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    pool.getHikariPoolMXBean().softEvictConnections();
    for (int i = 0; i < 50 && pool.getHikariPoolMXBean().getTotalConnections() > pool.getHikariPoolMXBean().getIdleConnections(); i++) {
      Thread.sleep(100);
    }
    Point inside = DemoFiles.read("grids").get(0).geometry().getInteriorPoint();
    Http.Response reported = new Http(port).postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾桶满了\"}",
        inside.getX(), inside.getY()));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    assertThat(reported.json().get("status").asString()).isEqualTo("REPORTED");
  }
}
