package org.gridwatch.staff;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gridwatch.cluster.ClusterNotifications;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Keeps every instance's in-memory roster current after a roster import on another instance sharing the database
 * (PostgreSQL LISTEN/NOTIFY through {@link ClusterNotifications}). The importing instance reloads synchronously at
 * commit ({@link Reassignment.StaffMoved}); the others reload when they hear of it, off the listening thread.
 */
@Component
class RosterSync implements ApplicationRunner {
  static final String CHANNEL = "roster_changed";

  private final ClusterNotifications cluster;
  private final Roster roster;
  private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "roster-reload");
    t.setDaemon(true);
    return t;
  });

  RosterSync(ClusterNotifications cluster, Roster roster) {
    this.cluster = cluster;
    this.roster = roster;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!cluster.clustered()) return;
    cluster.subscribe(CHANNEL, payload -> reloads.execute(roster::reload));
    cluster.onReconnect(() -> reloads.execute(roster::reload));
  }

  /** Inside the import's transaction: the other instances reload once it commits. */
  void announceAtCommit() {
    if (cluster.clustered()) cluster.publishAtCommit(CHANNEL, "import");
  }
}
