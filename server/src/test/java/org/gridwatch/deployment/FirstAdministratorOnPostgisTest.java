package org.gridwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.gridwatch.support.EmptyDatabases;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnEmptyPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A district's first start on PostGIS, as production runs it: no demo data and no demo password, so no account at all
 * until the server makes the first administrator. Its generated password is in the data directory, readable by the
 * server's user only, and signs in as ADMIN. (On the embedded default the demo accounts always exist, so there is
 * always an administrator; FirstAdministratorTest covers the rule itself.)
 */
@OnEmptyPostgis
@TestPropertySource(properties = "gridwatch.demo-password=")
class FirstAdministratorOnPostgisTest {
  @LocalServerPort int port;

  @Test
  void theFirstAdministratorSignsInWithThePasswordFromTheDataDirectory() throws Exception {
    Path file = EmptyDatabases.dataDirOf(getClass()).resolve("initial-admin-password");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String password = Files.readString(file).strip();
    assertThat(password).matches("[0-9a-f]{24}");
    Http http = new Http(port);
    Http.Response me = http.get("/api/v1/me", Http.basic("admin", password));
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("ADMIN");
    assertThat(http.get("/api/v1/me", Http.basic("admin", "test-demo-password")).status()).isEqualTo(401);
    assertThat(http.get("/api/v1/me", Http.basic("operator", "test-demo-password")).status()).as("no demo accounts").isEqualTo(401);
  }
}
