package org.gridwatch.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Carries live events to every server instance. On PostgreSQL: {@code pg_notify} on channel {@value #CHANNEL},
 * sent in batches by a notifier thread, and one listening connection per instance, so an operator connected to
 * any instance sees changes made on any other. Both use connections of their own, outside the pool, so that
 * request threads never wait on them. On the embedded database (one instance by nature) delivery is in-process.
 * Live events are a view: if the database cannot be reached they are delivered on this instance only.
 */
@Component
class Fanout implements DisposableBean {
  static final String CHANNEL = "gridwatch_live";
  private static final Logger log = LoggerFactory.getLogger(Fanout.class);

  private final DataSourceProperties db;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(100_000);
  private final boolean postgres;
  private volatile boolean running = true;
  private final List<Thread> threads = new ArrayList<>();

  Fanout(DataSourceProperties db) {
    this.db = db;
    this.postgres = db.determineUrl() != null && db.determineUrl().startsWith("jdbc:postgresql:");
    if (postgres) {
      threads.add(daemon("live-listen", this::listen));
      threads.add(daemon("live-notify", this::notifyLoop));
    }
  }

  void onMessage(Consumer<String> l) { listeners.add(l); }

  void publish(String payload) {
    if (!postgres) deliver(payload);
    else if (!outbox.offer(payload)) deliver(payload);
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(db.determineUrl(), db.determineUsername(), db.determinePassword());
  }

  /** Sends what is waiting in one transaction: NOTIFYs are delivered at commit, in order. */
  private void notifyLoop() {
    while (running) {
      try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
        c.setAutoCommit(false);
        while (running) {
          String first = outbox.poll(1, TimeUnit.SECONDS);
          if (first == null) continue;
          List<String> batch = new ArrayList<>(List.of(first));
          outbox.drainTo(batch, 999);
          for (String payload : batch) {
            ps.setString(1, CHANNEL);
            ps.setString(2, payload);
            ps.execute();
          }
          c.commit();
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!running) return;
        log.warn("Live notifier lost its connection ({}); reconnecting", e.getMessage());
        pause();
      }
    }
  }

  private void listen() {
    while (running) {
      try (Connection c = connect()) {
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
        pause();
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

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void pause() {
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void destroy() {
    running = false;
    threads.forEach(Thread::interrupt);
  }
}
