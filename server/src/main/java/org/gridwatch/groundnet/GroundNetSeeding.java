package org.gridwatch.groundnet;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty ground net in one go (the demo's generated one): patrol routes, marked synthetic, in one
 * transaction; then the route cache is dropped so coverage sees them.
 */
@Component
public class GroundNetSeeding {
  private final EntityManager em;
  private final TransactionTemplate tx;
  private final Routes routes;
  private final Clock clock;

  GroundNetSeeding(EntityManager em, TransactionTemplate tx, Routes routes, Clock clock) {
    this.em = em;
    this.tx = tx;
    this.routes = routes;
    this.clock = clock;
  }

  public boolean isEmpty() { return routes.all().isEmpty(); }

  public void seed(List<RouteView> all) {
    tx.executeWithoutResult(s -> {
      for (RouteView v : all) {
        PatrolRoute route = new PatrolRoute(v.code(), true);
        route.apply(v, clock.instant());
        em.persist(route);
      }
    });
    routes.invalidate();
  }
}
