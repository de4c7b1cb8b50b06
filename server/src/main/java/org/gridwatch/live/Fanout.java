package org.gridwatch.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Carries live events to every server instance. On PostgreSQL: {@code pg_notify} on channel
 * {@value #CHANNEL} and one listening connection per instance, so an operator connected to any instance sees
 * changes made on any other. On the embedded database (one instance by nature) delivery is in-process.
 */
@Component
class Fanout implements DisposableBean {
  static final String CHANNEL = "gridwatch_live";
  private static final Logger log = LoggerFactory.getLogger(Fanout.class);

  private final DataSource dataSource;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final boolean postgres;
  private volatile boolean running = true;
  private Thread listener;

  Fanout(DataSource dataSource) throws Exception {
    this.dataSource = dataSource;
    try (Connection c = dataSource.getConnection()) {
      this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
    if (postgres) {
      listener = new Thread(this::listen, "live-listen");
      listener.setDaemon(true);
      listener.start();
    }
  }

  void onMessage(Consumer<String> l) { listeners.add(l); }

  void publish(String payload) {
    if (!postgres) {
      deliver(payload);
      return;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
      ps.setString(1, CHANNEL);
      ps.setString(2, payload);
      ps.execute();
    } catch (Exception e) {
      log.warn("Could not notify other instances; delivering here only: {}", e.getMessage());
      deliver(payload);
    }
  }

  private void listen() {
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] got = pg.getNotifications(1000);
          if (got != null) for (PGNotification n : got) deliver(n.getParameter());
        }
      } catch (Exception e) {
        if (!running) return;
        log.warn("Live listener lost its connection ({}); reconnecting", e.getMessage());
        sleep();
      }
    }
  }

  private void deliver(String payload) {
    for (Consumer<String> l : listeners) {
      try {
        l.accept(payload);
      } catch (RuntimeException e) {
        log.debug("live listener failed", e);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void destroy() {
    running = false;
    if (listener != null) listener.interrupt();
  }
}
