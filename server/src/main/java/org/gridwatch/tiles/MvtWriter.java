package org.gridwatch.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Draws WGS84 features into one tile as Mapbox Vector Tile 2.1 bytes, in memory: each geometry is moved to the tile's
 * grid ({@link TileAddress#EXTENT} units, y down), cut to the tile plus its buffer, simplified by a quarter of a screen
 * pixel (a 256-pixel tile: {@value #TOLERANCE} units), snapped to whole units. A polygon that would vanish (smaller than
 * a unit at this zoom) is kept as a small square at a point inside it, so every area stays clickable. Stateless and
 * thread-safe.
 */
final class MvtWriter {
  static final double TOLERANCE = TileAddress.EXTENT / 256.0 / 4;
  /** Half the side of the square standing for a polygon too small to draw. */
  private static final double SPECK = 1;
  private static final GeometryFactory UNITS = new GeometryFactory(new PrecisionModel(), 0);
  private static final PrecisionModel WHOLE_UNITS = new PrecisionModel(1);
  private static final MvtLayerParams PARAMS = new MvtLayerParams(TileAddress.EXTENT);

  private MvtWriter() {}

  /** The tile's bytes, or null when no layer has a feature inside it. */
  static byte[] write(TileAddress tile, List<MvtLayerContent> layers) {
    Envelope clip = new Envelope(-TileAddress.BUFFER, TileAddress.EXTENT + TileAddress.BUFFER,
        -TileAddress.BUFFER, TileAddress.EXTENT + TileAddress.BUFFER);
    Geometry clipBox = UNITS.toGeometry(clip);
    List<JtsLayer> out = new ArrayList<>();
    int features = 0;
    for (MvtLayerContent layer : layers) {
      List<Geometry> drawn = new ArrayList<>();
      for (TileFeature f : layer.features()) {
        Geometry g = draw(tile, f.geometry(), clip, clipBox);
        if (g == null) continue;
        g.setUserData(f);
        drawn.add(g);
      }
      features += drawn.size();
      out.add(new JtsLayer(layer.name(), drawn, TileAddress.EXTENT));
    }
    if (features == 0) return null;
    return MvtEncoder.encode(new JtsMvt(out), PARAMS, TAGS);
  }

  /** The geometry in tile units, cut, simplified and snapped; null when nothing of it is in the tile. */
  static Geometry draw(TileAddress tile, Geometry lonLat, Envelope clip, Geometry clipBox) {
    Geometry g = toUnits(tile, lonLat);
    if (!g.getEnvelopeInternal().intersects(clip)) return null;
    if (g instanceof Puntal) {
      Geometry snapped = GeometryPrecisionReducer.reduce(g, WHOLE_UNITS);
      return snapped.isEmpty() || !clip.covers(snapped.getCoordinate()) ? null : snapped;
    }
    if (!clip.covers(g.getEnvelopeInternal())) g = OverlayNGRobust.overlay(g, clipBox, OverlayNG.INTERSECTION);
    if (g.isEmpty()) return null;
    if (!(g instanceof Polygonal)) g = org.gridwatch.geo.Geometries.polygonal(g);
    if (g.isEmpty()) return null;
    Geometry simple = GeometryPrecisionReducer.reduce(TopologyPreservingSimplifier.simplify(g, TOLERANCE), WHOLE_UNITS);
    if (!simple.isEmpty() && simple.getArea() > 0) return simple;
    Coordinate at = g.getInteriorPoint().getCoordinate();
    double cx = Math.round(at.x), cy = Math.round(at.y);
    return UNITS.toGeometry(new Envelope(cx - SPECK, cx + SPECK, cy - SPECK, cy + SPECK));
  }

  private static Geometry toUnits(TileAddress tile, Geometry lonLat) {
    Geometry g = UNITS.createGeometry(lonLat);
    g.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        double lon = seq.getX(i), lat = seq.getY(i);
        seq.setOrdinate(i, 0, tile.unitsX(lon));
        seq.setOrdinate(i, 1, tile.unitsY(lat));
      }

      @Override
      public boolean isDone() { return false; }

      @Override
      public boolean isGeometryChanged() { return true; }
    });
    return g;
  }

  /** Writes a feature's id and properties (the user data of its drawn geometry) as MVT id and tags. */
  private static final IUserDataConverter TAGS = (userData, props, feature) -> {
    if (!(userData instanceof TileFeature f)) return;
    if (f.id() != null) feature.setId(f.id());
    for (Map.Entry<String, Object> e : f.properties().entrySet()) {
      if (e.getValue() == null) continue;
      feature.addTags(props.addKey(e.getKey()));
      feature.addTags(props.addValue(e.getValue()));
    }
  };
}
