package org.gridwatch.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Messages between the server instances sharing one database: the one place that speaks PostgreSQL's
 * LISTEN/NOTIFY. On PostgreSQL there is one listening connection per instance (LISTEN on every channel subscribed,
 * again after a reconnect, when the {@link #onReconnect} hooks run because messages may have been missed) and one
 * notifier connection that sends {@link #publish}ed messages in batches; both are outside the pool, so request
 * threads never wait on them. Every instance hears its own messages too. On the embedded database there is one
 * instance by nature and delivery is in-process.
 *
 * <p>Instances are "sharing" when they share the database <em>and</em> the schema: a deployment whose JDBC URL names
 * {@code currentSchema} gets channels of its own (prefixed with a short hash of the schema), so two deployments in
 * two schemas of one database never hear each other's boundary or roster changes.
 *
 * <p>Handlers run on the listening thread (in-process: on the publishing thread); they must not block for long.
 */
@Component
public class ClusterNotifications implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(ClusterNotifications.class);
  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final int POLL_MS = 250;

  private final DataSourceProperties db;
  private final JdbcTemplate jdbc;
  private final boolean postgres;
  /** Put before every channel on the wire: empty in the default schema, else "s" + hash of the schema + "_". */
  private final String prefix;
  private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
  private final List<Runnable> reconnectHooks = new CopyOnWriteArrayList<>();
  private final Queue<Listen> toListen = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<Message> outbox = new LinkedBlockingQueue<>(100_000);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  private record Listen(String channel, CompletableFuture<Void> done) {}

  private record Message(String channel, String payload) {}

  ClusterNotifications(DataSourceProperties db, JdbcTemplate jdbc) {
    this.db = db;
    this.jdbc = jdbc;
    this.postgres = db.determineUrl() != null && db.determineUrl().startsWith("jdbc:postgresql:");
    this.prefix = postgres ? prefixOf(db.determineUrl()) : "";
    if (postgres) {
      threads.add(daemon("cluster-listen", this::listen));
      threads.add(daemon("cluster-notify", this::notifyLoop));
    }
  }

  /** The channel prefix of the schema a PostgreSQL URL names first in {@code currentSchema} (none for public or none). */
  static String prefixOf(String url) {
    java.util.regex.Matcher m = Pattern.compile("[?&]currentSchema=([^,&]+)").matcher(url);
    if (!m.find() || m.group(1).equalsIgnoreCase("public")) return "";
    return "s" + Integer.toHexString(m.group(1).hashCode()) + "_";
  }

  private String onTheWire(String channel) { return prefix + channel; }

  /** True when other instances may share the database (PostgreSQL); false on the embedded one. */
  public boolean clustered() { return postgres; }

  /**
   * Calls {@code handler} with the payload of every message on {@code channel}, from any instance. On PostgreSQL
   * this returns once the channel is listened to: every message committed after it is heard.
   */
  public void subscribe(String channel, Consumer<String> handler) {
    if (!CHANNEL.matcher(onTheWire(channel)).matches()) throw new IllegalArgumentException("not a channel name: " + channel);
    boolean first = handlers.putIfAbsent(channel, new CopyOnWriteArrayList<>()) == null;
    handlers.get(channel).add(handler);
    if (!postgres || !first) return;
    Listen l = new Listen(channel, new CompletableFuture<>());
    toListen.add(l);
    try {
      l.done().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot listen on " + channel, e);
    }
  }

  /** Runs after the listening connection was lost and made again (messages sent meanwhile were not heard). */
  public void onReconnect(Runnable hook) { reconnectHooks.add(hook); }

  /**
   * Sends a message now, best effort and in order: for views (live streams) that may be told after the fact. Call it
   * after the commit that it reports. If the database cannot be reached it is delivered on this instance only.
   */
  public void publish(String channel, String payload) {
    if (!postgres || !outbox.offer(new Message(channel, payload))) deliver(channel, payload);
  }

  /**
   * Sends a message when the caller's transaction commits, and not at all if it rolls back: on PostgreSQL a
   * {@code pg_notify} inside that transaction; in-process after the commit on the embedded database.
   */
  public void publishAtCommit(String channel, String payload) {
    if (postgres) {
      jdbc.queryForObject("select pg_notify(?, ?)", Object.class, onTheWire(channel), payload);
    } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() { deliver(channel, payload); }
      });
    } else {
      deliver(channel, payload);
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(db.determineUrl(), db.determineUsername(), db.determinePassword());
  }

  private void listen() {
    boolean reconnected = false;
    while (running) {
      try (Connection c = connect()) {
        try (Statement s = c.createStatement()) {
          for (String channel : handlers.keySet()) s.execute("LISTEN " + onTheWire(channel));
        }
        if (reconnected) reconnectHooks.forEach(ClusterNotifications::runSafely);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          for (Listen l; (l = toListen.poll()) != null; ) {
            try (Statement s = c.createStatement()) {
              s.execute("LISTEN " + onTheWire(l.channel()));
              l.done().complete(null);
            } catch (Exception e) {
              toListen.add(l); // again on the next connection
              throw e;
            }
          }
          PGNotification[] got = pg.getNotifications(POLL_MS);
          if (got != null) {
            for (PGNotification n : got) {
              if (n.getName().startsWith(prefix)) deliver(n.getName().substring(prefix.length()), n.getParameter());
            }
          }
        }
      } catch (Exception e) {
        if (!running) return;
        log.warn("Cluster listener lost its connection ({}); reconnecting", e.getMessage());
        reconnected = true;
        pause();
      }
    }
  }

  /** Sends what is waiting in one transaction: NOTIFYs are delivered at commit, in order. */
  private void notifyLoop() {
    while (running) {
      try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
        c.setAutoCommit(false);
        while (running) {
          Message first = outbox.poll(1, TimeUnit.SECONDS);
          if (first == null) continue;
          List<Message> batch = new ArrayList<>(List.of(first));
          outbox.drainTo(batch, 999);
          for (Message m : batch) {
            ps.setString(1, onTheWire(m.channel()));
            ps.setString(2, m.payload());
            ps.execute();
          }
          c.commit();
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!running) return;
        log.warn("Cluster notifier lost its connection ({}); reconnecting", e.getMessage());
        pause();
      }
    }
  }

  private void deliver(String channel, String payload) {
    for (Consumer<String> h : handlers.getOrDefault(channel, List.of())) {
      try {
        h.accept(payload);
      } catch (RuntimeException e) {
        log.warn("handler of {} failed", channel, e);
      }
    }
  }

  private static void runSafely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.warn("reconnect hook failed", e);
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
    toListen.forEach(l -> l.done().cancel(false));
  }
}
