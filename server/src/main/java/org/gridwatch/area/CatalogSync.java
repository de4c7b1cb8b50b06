package org.gridwatch.area;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the in-memory catalog (and so the locator) of every server instance current after a boundary edit. On
 * PostgreSQL each edit takes the next number of {@code boundary_change_seq} and sends it with {@code pg_notify}
 * inside its own transaction (delivered at commit); every instance listens on a connection of its own, reloads its
 * catalog and records the number it has loaded in {@code catalog_instance}; the committing instance waits until
 * every live instance (heartbeat in the last {@value #LIVE_SECONDS} s) has loaded the change, at most
 * {@value #WAIT_MS} ms, before its answer goes out. On the embedded database there is one instance: nothing to do.
 */
@Component
public class CatalogSync implements DisposableBean {
  /** Published on an instance that reloaded its catalog because another instance changed boundaries. */
  public record ReloadedForOtherInstance(long change) {}

  static final String CHANNEL = "gridwatch_boundaries";
  static final int LIVE_SECONDS = 30, WAIT_MS = 5000, HEARTBEAT_MS = 10_000;
  private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

  private final DataSourceProperties db;
  private final JdbcTemplate jdbc;
  private final AreaCatalog catalog;
  private final ApplicationEventPublisher events;
  private final boolean postgres;
  private final String me = UUID.randomUUID().toString();
  private volatile boolean running = true;
  private volatile Thread listener;

  CatalogSync(DataSourceProperties db, JdbcTemplate jdbc, AreaCatalog catalog, ApplicationEventPublisher events) {
    this.db = db;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.events = events;
    this.postgres = db.determineUrl() != null && db.determineUrl().startsWith("jdbc:postgresql:");
  }

  /** Before the first catalog load: starts listening and answers the last change number already committed. */
  long listenBeforeLoading() throws Exception {
    if (!postgres) return 0;
    Connection c = DriverManager.getConnection(db.determineUrl(), db.determineUsername(), db.determinePassword());
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    }
    Long seen = jdbc.queryForObject("select case when is_called then last_value else 0 end from boundary_change_seq", Long.class);
    listener = new Thread(() -> listen(c), "boundaries-listen");
    listener.setDaemon(true);
    listener.start();
    return seen == null ? 0 : seen;
  }

  /** After the first load: this instance counts as live and current up to {@code loaded}. */
  void register(long loaded) {
    if (!postgres) return;
    jdbc.update("delete from catalog_instance where instance_id = ?", me);
    jdbc.update("insert into catalog_instance (instance_id, loaded_seq, heartbeat_at) values (?, ?, now())", me, loaded);
  }

  /** Inside an edit's transaction: the change's number, announced to every instance when the transaction commits. */
  long announce() {
    if (!postgres) return 0;
    Long change = jdbc.queryForObject("select nextval('boundary_change_seq')", Long.class);
    jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, change + " " + me);
    return change;
  }

  /** After this instance reloaded for {@code change}: records it, then waits for every other live instance. */
  void awaitEveryInstance(long change) {
    if (!postgres || change == 0) return;
    loaded(change);
    long deadline = System.currentTimeMillis() + WAIT_MS;
    Integer behind;
    do {
      behind = jdbc.queryForObject("select count(*) from catalog_instance where instance_id <> ? and loaded_seq < ?"
          + " and heartbeat_at > now() - make_interval(secs => ?)", Integer.class, me, change, LIVE_SECONDS);
      if (behind == null || behind == 0) return;
      pause(10);
    } while (System.currentTimeMillis() < deadline);
    log.warn("{} server instance(s) had not loaded boundary change {} after {} ms", behind, change, WAIT_MS);
  }

  private void loaded(long change) {
    jdbc.update("update catalog_instance set loaded_seq = greatest(loaded_seq, ?), heartbeat_at = now() where instance_id = ?", change, me);
  }

  private void listen(Connection c) {
    long beat = System.currentTimeMillis();
    while (running) {
      try {
        PGNotification[] got = c.unwrap(PGConnection.class).getNotifications(1000);
        if (got != null) {
          for (PGNotification n : got) {
            String[] parts = n.getParameter().split(" ");
            if (parts[1].equals(me)) continue;
            catalog.reload();
            loaded(Long.parseLong(parts[0]));
            events.publishEvent(new ReloadedForOtherInstance(Long.parseLong(parts[0])));
          }
        }
        if (System.currentTimeMillis() - beat > HEARTBEAT_MS) {
          jdbc.update("update catalog_instance set heartbeat_at = now() where instance_id = ?", me);
          beat = System.currentTimeMillis();
        }
      } catch (Exception e) {
        if (!running) return;
        log.warn("Boundary listener failed ({}); reconnecting", e.getMessage());
        c = reconnect();
      }
    }
  }

  private Connection reconnect() {
    while (running) {
      pause(2000);
      try {
        Connection c = DriverManager.getConnection(db.determineUrl(), db.determineUsername(), db.determinePassword());
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        catalog.reload(); // changes may have been missed while disconnected
        return c;
      } catch (Exception e) {
        log.warn("Boundary listener cannot reconnect ({})", e.getMessage());
      }
    }
    return null;
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void destroy() {
    running = false;
    if (listener != null) listener.interrupt();
    if (postgres) {
      try {
        jdbc.update("delete from catalog_instance where instance_id = ?", me);
      } catch (RuntimeException e) {
        log.debug("could not unregister", e);
      }
    }
  }
}
