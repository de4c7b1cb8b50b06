package org.gridwatch.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.gridwatch.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged report survives {@code kill -9}: the packaged server runs as a process, eight clients report
 * cases (and attach a photo to every other one, as residents do with their follow token), the server is killed with -9 at a random moment three times and restarted each time. Afterwards every
 * case number a reporter was given is in the database, no number was given twice, every acknowledged photo is there
 * with its bytes, every acknowledged volunteer registration is there and its sealed ID number still opens (the privacy key
 * the first start wrote survived too), every acknowledged need recorded by hand (issue 15) is there, and the areas still tile.
 * The same on the embedded default (H2GIS in a file, intake as configured by default: one transaction per report) as on
 * PostGIS (intake through the group-committing writer, each report acknowledged after its batch's commit). Runs after
 * {@code package} (failsafe).
 */
class KillNineIT {
  /** A small demo so that a first start takes seconds, not the minute the full year of cases needs. */
  private static final String[] SMALL_DEMO = {"gridwatch.demo-data.incidents=100", "gridwatch.demo-password=kill-test",
      "gridwatch.map.tile-url=none", "logging.level.root=WARN"};

  @Test
  void embeddedDefaultKeepsEveryAcknowledgedCase(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("gridwatch") + ";DB_CLOSE_ON_EXIT=FALSE";
    List<String> props = new ArrayList<>(List.of(SMALL_DEMO));
    props.add("gridwatch.data-dir=" + dir); // the run command's own datasource URL, in a temporary data dir
    KillNineRun run = run(props, dir.resolve("server.log").toFile());
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      run.assertDurable(c);
    }
  }

  @Test
  @EnabledIf("org.gridwatch.support.TestEnvironment#postgisAvailable")
  void postgisKeepsEveryAcknowledgedCase(@TempDir Path dir) throws Exception {
    String url = env("GRIDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_test");
    String user = env("GRIDWATCH_TEST_PG_USER", "gridwatch"), password = env("GRIDWATCH_TEST_PG_PASSWORD", "gridwatch");
    Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/postgresql").cleanDisabled(false)
        .load().clean();
    List<String> props = new ArrayList<>(List.of(SMALL_DEMO));
    props.addAll(List.of("gridwatch.data-dir=" + dir, "spring.datasource.url=" + url, "spring.datasource.username=" + user,
        "spring.datasource.password=" + password,
        // the embedded default's run keeps the default (one transaction per report); this one goes through the group writer
        "gridwatch.intake.group.enabled=true"));
    KillNineRun run = run(props, dir.resolve("server.log").toFile());
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      run.assertDurable(c);
    }
  }

  private static KillNineRun run(List<String> props, File log) throws Exception {
    // -Dgridwatch.kill-test.args=a=b,c=d adds server properties, e.g. an H2 URL without WRITE_DELAY=0 to see the loss
    String extra = System.getProperty("gridwatch.kill-test.args", "");
    if (!extra.isBlank()) props.addAll(List.of(extra.split(",")));
    ServerProcess server = new ServerProcess(ServerProcess.freePort(), log, props.toArray(String[]::new));
    KillNineRun run = new KillNineRun(server, Integer.getInteger("gridwatch.kill-test.kills", 3),
        Long.getLong("gridwatch.kill-test.seed", System.nanoTime()));
    try {
      run.killAndRestart();
      // Still up after the last restart: the sealed ID numbers open with the key the first start wrote.
      assertEquals(List.of(), run.unreadableVolunteers(), "acknowledged volunteers' records do not open; see " + log);
    } finally {
      server.stop(); // a normal shutdown, so that the test can open the embedded database itself
    }
    System.out.println(run.summary());
    assertTrue(run.acknowledged().size() > 0, "no report was acknowledged at all; see " + log);
    assertTrue(run.photos().size() > 0, "no photo was acknowledged at all; see " + log);
    assertTrue(run.volunteersAcknowledged() > 0, "no volunteer was acknowledged at all; see " + log);
    assertTrue(run.needsAcknowledged() > 0, "no recorded need was acknowledged at all; see " + log);
    assertTrue(run.ticketsAcknowledged() > 0, "no hotline ticket was acknowledged at all; see " + log);
    return run;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
