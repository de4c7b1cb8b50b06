package org.gridwatch.area;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gridwatch.cluster.ClusterNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the in-memory catalog (and so the locator) of every server instance current after a boundary edit. On
 * PostgreSQL each edit takes the next number of {@code boundary_change_seq} and announces it on channel
 * {@value #CHANNEL} of the {@link ClusterNotifications} inside its own transaction (delivered at commit); every
 * instance reloads its catalog when it hears it and records the number it has loaded in {@code catalog_instance};
 * the committing instance waits until every live instance (heartbeat in the last {@value #LIVE_SECONDS} s) has
 * loaded the change, at most {@value #WAIT_MS} ms, before its answer goes out. Every write to
 * {@code catalog_instance} runs in a transaction of its own (they happen after an edit's commit, or on no request at
 * all). On the embedded database there is one instance: nothing to do.
 */
@Component
public class CatalogSync implements DisposableBean {
  /** Published on an instance that reloaded its catalog because another instance changed boundaries. */
  public record ReloadedForOtherInstance(long change) {}

  static final String CHANNEL = "gridwatch_boundaries";
  static final int LIVE_SECONDS = 30, WAIT_MS = 5000, HEARTBEAT_MS = 10_000;
  private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

  private final JdbcTemplate jdbc;
  private final AreaCatalog catalog;
  private final ApplicationEventPublisher events;
  private final ClusterNotifications cluster;
  private final TransactionTemplate own;
  private final boolean postgres;
  private final String me = UUID.randomUUID().toString();
  /** Reloads for other instances' changes, one at a time and off the listening thread (which also carries live events). */
  private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "boundaries-reload");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean registered;

  CatalogSync(JdbcTemplate jdbc, AreaCatalog catalog, ApplicationEventPublisher events, ClusterNotifications cluster,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.events = events;
    this.cluster = cluster;
    this.postgres = cluster.clustered();
    this.own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Before the first catalog load: starts listening and answers the last change number already committed. */
  long listenBeforeLoading() {
    if (!postgres) return 0;
    cluster.subscribe(CHANNEL, payload -> reloads.execute(() -> heard(payload)));
    cluster.onReconnect(() -> reloads.execute(this::caughtUp));
    return lastChange();
  }

  /** After the first load: this instance counts as live and current up to {@code loaded}. */
  void register(long loaded) {
    if (!postgres) return;
    own.executeWithoutResult(tx -> {
      jdbc.update("delete from catalog_instance where instance_id = ?", me);
      jdbc.update("insert into catalog_instance (instance_id, loaded_seq, heartbeat_at) values (?, ?, now())", me, loaded);
    });
    registered = true;
  }

  /** Inside an edit's transaction: the change's number, announced to every instance when the transaction commits. */
  long announce() {
    if (!postgres) return 0;
    Long change = jdbc.queryForObject("select nextval('boundary_change_seq')", Long.class);
    cluster.publishAtCommit(CHANNEL, change + " " + me);
    return change;
  }

  /** After this instance reloaded for {@code change}: records it, then waits for every other live instance. */
  void awaitEveryInstance(long change) {
    if (!postgres || change == 0) return;
    loaded(change);
    long deadline = System.currentTimeMillis() + WAIT_MS;
    Integer behind;
    do {
      behind = own.execute(tx -> jdbc.queryForObject("select count(*) from catalog_instance where instance_id <> ? and loaded_seq < ?"
          + " and heartbeat_at > now() - make_interval(secs => ?)", Integer.class, me, change, LIVE_SECONDS));
      if (behind == null || behind == 0) return;
      pause(10);
    } while (System.currentTimeMillis() < deadline);
    log.warn("{} server instance(s) had not loaded boundary change {} after {} ms", behind, change, WAIT_MS);
  }

  private void heard(String payload) {
    String[] parts = payload.split(" ");
    if (parts.length != 2 || parts[1].equals(me)) return;
    long change = Long.parseLong(parts[0]);
    reloadFor(change);
  }

  /** The listening connection was made again: changes may have been missed meanwhile. */
  private void caughtUp() { reloadFor(lastChange()); }

  private void reloadFor(long change) {
    try {
      catalog.reload();
      loaded(change);
      events.publishEvent(new ReloadedForOtherInstance(change));
    } catch (RuntimeException e) {
      log.warn("Could not reload the catalog for boundary change {}", change, e);
    }
  }

  private long lastChange() {
    Long seen = jdbc.queryForObject("select case when is_called then last_value else 0 end from boundary_change_seq", Long.class);
    return seen == null ? 0 : seen;
  }

  private void loaded(long change) {
    own.executeWithoutResult(tx -> jdbc.update(
        "update catalog_instance set loaded_seq = greatest(loaded_seq, ?), heartbeat_at = now() where instance_id = ?", change, me));
  }

  /** This instance is alive (others wait for it to load their changes). */
  @Scheduled(fixedRate = HEARTBEAT_MS)
  void heartbeat() {
    if (!postgres || !registered) return;
    try {
      own.executeWithoutResult(tx -> jdbc.update("update catalog_instance set heartbeat_at = now() where instance_id = ?", me));
    } catch (RuntimeException e) {
      log.warn("Catalog heartbeat failed ({})", e.getMessage());
    }
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
    reloads.shutdownNow();
    if (postgres) {
      try {
        own.executeWithoutResult(tx -> jdbc.update("delete from catalog_instance where instance_id = ?", me));
      } catch (RuntimeException e) {
        log.debug("could not unregister", e);
      }
    }
  }
}
