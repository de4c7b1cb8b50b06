package org.gridwatch.geo.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.algorithm.RectangleLineIntersector;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Answers "which polygon holds this point" for a polygonal coverage (polygons that tile an area without
 * overlapping), in memory, in tens of nanoseconds.
 *
 * <p>A uniform raster of cells (about {@value #CELLS_PER_ITEM} per polygon) covers the coverage's envelope.
 * Cells that no polygon edge touches lie wholly inside one polygon (or outside all) and answer with one
 * array read; a cell that edges cross keeps the short list of polygons whose edges cross it, and a point
 * there is tested with JTS {@link IndexedPointInAreaLocator}s. <b>Boundary rule:</b> a point in a polygon's
 * interior belongs to it; a point on the boundary of several polygons (a shared edge or vertex) belongs to
 * the first of them in the {@code order} given at construction, so every point of the coverage has exactly
 * one owner. Points outside every polygon have none.
 *
 * <p>Built eagerly and completely in the constructor; afterwards immutable and safe for any number of
 * threads. Knows nothing of what the items are. Does not check that the input is a coverage: overlapping
 * input gives the first owner in {@code order}.
 */
public final class PolygonCoverageIndex<T> {
  static final int CELLS_PER_ITEM = 256;
  private static final int MAX_CELLS = 8_000_000;
  private static final int OUTSIDE = -1;

  private final List<T> items;
  private final IndexedPointInAreaLocator[] locators;
  private final double minX, minY, cellW, cellH;
  private final int nx, ny;
  /** Per cell: the owning item (≥ 0), OUTSIDE, or -(2 + offset into {@link #candidates}) for an edge cell. */
  private final int[] cells;
  /** For each edge cell, at its offset: the number of candidates, then the candidates in order. */
  private final int[] candidates;

  public PolygonCoverageIndex(List<T> items, Function<T, Geometry> polygon, Comparator<T> order) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(order);
    this.items = List.copyOf(sorted);
    this.locators = new IndexedPointInAreaLocator[sorted.size()];
    Envelope env = new Envelope();
    List<Geometry> geoms = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Geometry g = polygon.apply(sorted.get(i));
      geoms.add(g);
      env.expandToInclude(g.getEnvelopeInternal());
      locators[i] = new IndexedPointInAreaLocator(g);
      locators[i].locate(g.getCoordinate()); // builds its index now, not on a racing first query
    }
    long wanted = Math.min(MAX_CELLS, Math.max(1L, (long) sorted.size() * CELLS_PER_ITEM));
    double w = env.isNull() || env.getWidth() == 0 ? 1 : env.getWidth(), h = env.isNull() || env.getHeight() == 0 ? 1 : env.getHeight();
    this.nx = (int) Math.max(1, Math.round(Math.sqrt(wanted * w / h)));
    this.ny = (int) Math.max(1, Math.round((double) wanted / nx));
    this.minX = env.isNull() ? 0 : env.getMinX();
    this.minY = env.isNull() ? 0 : env.getMinY();
    this.cellW = w / nx;
    this.cellH = h / ny;
    this.cells = new int[nx * ny];
    Arrays.fill(cells, OUTSIDE);
    this.candidates = classify(geoms);
  }

  /** The item whose polygon holds (x, y) by the boundary rule, or {@code null} outside the coverage. */
  public T locate(double x, double y) {
    int i = indexOf(x, y);
    return i < 0 ? null : items.get(i);
  }

  /** Like {@link #locate}, as the item's position in {@link #items()}; -1 outside the coverage. */
  public int indexOf(double x, double y) {
    int cx = (int) Math.floor((x - minX) / cellW), cy = (int) Math.floor((y - minY) / cellH);
    if (cx == nx && x <= minX + nx * cellW) cx--; // the envelope's east and north edges still count
    if (cy == ny && y <= minY + ny * cellH) cy--;
    if (cx < 0 || cy < 0 || cx >= nx || cy >= ny) return OUTSIDE;
    int cell = cells[cy * nx + cx];
    if (cell > OUTSIDE - 1) return cell;
    int at = -cell - 2, n = candidates[at], onBoundary = OUTSIDE;
    Coordinate c = new Coordinate(x, y);
    for (int k = at + 1; k <= at + n; k++) {
      int item = candidates[k];
      int loc = locators[item].locate(c);
      if (loc == Location.INTERIOR) return item;
      if (loc == Location.BOUNDARY && onBoundary < 0) onBoundary = item;
    }
    return onBoundary;
  }

  /** The indexed items, in boundary-rule order. */
  public List<T> items() { return items; }

  /** Marks the cells that edges cross (with their polygons), then gives every other cell its one owner. */
  private int[] classify(List<Geometry> geoms) {
    List<int[]> touching = new ArrayList<>(); // per edge cell: growing list of items, [size, items...]
    int[] edgeCell = new int[nx * ny];        // 0 = no edge, else 1 + index into touching
    for (int item = 0; item < geoms.size(); item++) {
      for (LineString ring : rings(geoms.get(item))) markEdges(ring.getCoordinates(), item, edgeCell, touching);
    }
    int[] pool = new int[touching.stream().mapToInt(t -> t[0] + 1).sum()];
    int used = 0;
    for (int k = 0; k < edgeCell.length; k++) {
      if (edgeCell[k] == 0) continue;
      int[] t = touching.get(edgeCell[k] - 1);
      int[] sortedItems = Arrays.copyOfRange(t, 1, t[0] + 1);
      Arrays.sort(sortedItems); // item index = boundary-rule order
      cells[k] = -(used + 2);
      pool[used++] = sortedItems.length;
      for (int v : sortedItems) pool[used++] = v;
    }
    for (int item = 0; item < geoms.size(); item++) fillInterior(geoms.get(item), item, edgeCell);
    return pool;
  }

  private void markEdges(Coordinate[] ring, int item, int[] edgeCell, List<int[]> touching) {
    for (int s = 0; s + 1 < ring.length; s++) {
      Coordinate p = ring[s], q = ring[s + 1];
      int x0 = col(Math.min(p.x, q.x)), x1 = col(Math.max(p.x, q.x));
      int y0 = row(Math.min(p.y, q.y)), y1 = row(Math.max(p.y, q.y));
      for (int cy = y0; cy <= y1; cy++) {
        for (int cx = x0; cx <= x1; cx++) {
          if ((x1 > x0 || y1 > y0) && !new RectangleLineIntersector(cellEnvelope(cx, cy)).intersects(p, q)) continue;
          int k = cy * nx + cx;
          if (edgeCell[k] == 0) {
            touching.add(new int[] {0, 0, 0, 0, 0});
            edgeCell[k] = touching.size();
          }
          int[] t = touching.get(edgeCell[k] - 1);
          if (contains(t, item)) continue;
          if (t[0] + 1 == t.length) touching.set(edgeCell[k] - 1, t = Arrays.copyOf(t, t.length * 2));
          t[++t[0]] = item;
        }
      }
    }
  }

  /** Cells inside the polygon's envelope that no edge touches: owned if their centre is inside. */
  private void fillInterior(Geometry g, int item, int[] edgeCell) {
    Envelope e = g.getEnvelopeInternal();
    Coordinate centre = new Coordinate();
    for (int cy = row(e.getMinY()); cy <= row(e.getMaxY()); cy++) {
      for (int cx = col(e.getMinX()); cx <= col(e.getMaxX()); cx++) {
        int k = cy * nx + cx;
        if (edgeCell[k] != 0 || cells[k] != OUTSIDE) continue;
        centre.x = minX + (cx + 0.5) * cellW;
        centre.y = minY + (cy + 0.5) * cellH;
        if (locators[item].locate(centre) == Location.INTERIOR) cells[k] = item;
      }
    }
  }

  private static boolean contains(int[] t, int item) {
    for (int i = 1; i <= t[0]; i++) if (t[i] == item) return true;
    return false;
  }

  private static List<LineString> rings(Geometry g) {
    List<LineString> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (!(g.getGeometryN(i) instanceof Polygon p)) throw new IllegalArgumentException("not polygonal: " + g.getGeometryType());
      out.add(p.getExteriorRing());
      for (int h = 0; h < p.getNumInteriorRing(); h++) out.add(p.getInteriorRingN(h));
    }
    return out;
  }

  /** Cell envelopes are closed and padded by a hair, so an edge along a cell border marks both cells. */
  private Envelope cellEnvelope(int cx, int cy) {
    double padX = cellW * 1e-9, padY = cellH * 1e-9;
    return new Envelope(minX + cx * cellW - padX, minX + (cx + 1) * cellW + padX,
        minY + cy * cellH - padY, minY + (cy + 1) * cellH + padY);
  }

  private int col(double x) { return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - minX) / cellW))); }
  private int row(double y) { return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - minY) / cellH))); }
}
