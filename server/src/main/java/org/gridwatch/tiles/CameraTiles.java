package org.gridwatch.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.skynet.CameraChanged;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.Cameras;
import org.locationtech.jts.geom.Geometry;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Cameras (points: {@code id} and {@code code}, both the camera's code, by which the camera APIs address it;
 * {@code type}, {@code status}) and their view sectors ({@code camera}: the code) from the sky net held in memory.
 * A tile's version digests every camera whose sector touches the tile (all its recorded fields), so moving, turning,
 * adding or removing a camera changes the tags of the tiles its old and new sectors touch, and no others. The index
 * is rebuilt after a camera change, and each tile's version computed once per index.
 */
@Component
class CameraTiles implements TileSource {
  private final Cameras cameras;
  private volatile Indexed indexed;

  private record Placed(CameraView camera, Geometry sector) {}

  private record Indexed(SpatialIndex<Placed> index, long sequence, VersionMemo versions) {}

  CameraTiles(Cameras cameras) { this.cameras = cameras; }

  /** After the change is committed (a rebuild before would read the old cameras). */
  @TransactionalEventListener(fallbackExecution = true)
  void changed(CameraChanged e) { indexed = null; }

  @Override
  public Set<TileLayer> layers() { return Set.of(TileLayer.CAMERAS); }

  @Override
  public List<MvtLayerContent> features(TileLayer layer, TileAddress tile) {
    List<TileFeature> points = new ArrayList<>(), sectors = new ArrayList<>();
    for (Placed p : current().index().touching(tile.lonLatWithBuffer())) {
      CameraView c = p.camera();
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("id", c.code());
      props.put("code", c.code());
      props.put("type", c.type().name());
      props.put("status", c.status().name());
      points.add(new TileFeature(org.gridwatch.geo.Geometries.point(c.lon(), c.lat()), null, props));
      sectors.add(new TileFeature(p.sector(), null, Map.of("camera", c.code())));
    }
    return List.of(new MvtLayerContent("cameras", points), new MvtLayerContent("sectors", sectors));
  }

  @Override
  public String version(TileLayer layer, TileAddress tile) {
    Indexed now = current();
    return now.versions().get(tile, t -> {
      Fingerprint f = new Fingerprint();
      for (Placed p : now.index().touching(t.lonLatWithBuffer())) f.add(p.camera());
      return f.hex();
    });
  }

  /** A checksum of every camera's recorded fields (the sky net keeps no change counter): changes with every change. */
  @Override
  public long sequence(TileLayer layer) { return current().sequence(); }

  private Indexed current() {
    Indexed i = indexed;
    if (i != null) return i;
    synchronized (this) {
      if (indexed != null) return indexed;
      List<Placed> all = cameras.all().stream().map(c -> new Placed(c, c.sectorWgs84())).toList();
      long sequence = Math.abs((long) all.stream().mapToInt(p -> p.camera().toString().hashCode()).sum());
      Comparator<Placed> byCode = Comparator.comparing(p -> p.camera().code());
      indexed = i = new Indexed(new SpatialIndex<>(all, p -> {
        org.locationtech.jts.geom.Envelope e = new org.locationtech.jts.geom.Envelope(p.sector().getEnvelopeInternal());
        e.expandToInclude(p.camera().lon(), p.camera().lat());
        return e;
      }, byCode), sequence, new VersionMemo());
      return i;
    }
  }
}
