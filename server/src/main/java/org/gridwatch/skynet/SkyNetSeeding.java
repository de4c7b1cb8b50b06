package org.gridwatch.skynet;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.gridwatch.geo.Geometries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty sky net in one go (the demo's generated one): key areas and cameras, marked synthetic, in one
 * transaction, with the camera's grid as given; then the camera cache is dropped so coverage sees them.
 */
@Component
public class SkyNetSeeding {
  private final EntityManager em;
  private final TransactionTemplate tx;
  private final Cameras cameras;
  private final Clock clock;

  SkyNetSeeding(EntityManager em, TransactionTemplate tx, Cameras cameras, Clock clock) {
    this.em = em;
    this.tx = tx;
    this.cameras = cameras;
    this.clock = clock;
  }

  public boolean isEmpty() { return cameras.all().isEmpty(); }

  public void seed(List<KeyAreaView> keyAreas, List<CameraView> all) {
    tx.executeWithoutResult(s -> {
      for (KeyAreaView k : keyAreas) {
        em.persist(new KeyArea(k.code(), k.name(), k.kind(), Geometries.asMultiPolygon(k.boundary()), true));
      }
      int n = 0;
      for (CameraView v : all) {
        Camera camera = new Camera(v.code(), true);
        camera.apply(v, v.gridCode(), clock.instant());
        em.persist(camera);
        if (++n % 500 == 0) {
          em.flush();
          em.clear();
        }
      }
    });
    cameras.invalidate();
  }
}
