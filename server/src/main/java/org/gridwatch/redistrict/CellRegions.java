package org.gridwatch.redistrict;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cells of a {@link BuildingCells} grouped into regions, with each region's figures kept up to date as cells
 * join or move: households, area, perimeter (the cells' perimeters less twice the edges they share inside the
 * region, so Polsby-Popper needs no geometry) and the area-weighted centroid. Mutable, single-threaded.
 */
final class CellRegions {
  final BuildingCells cells;
  final int count;
  private final int[] regionOf;
  final int[] households;
  final int[] size;
  private final double[] area, perimeter, sumX, sumY;

  CellRegions(BuildingCells cells, int count) {
    this.cells = cells;
    this.count = count;
    this.regionOf = new int[cells.size()];
    Arrays.fill(regionOf, -1);
    this.households = new int[count];
    this.size = new int[count];
    this.area = new double[count];
    this.perimeter = new double[count];
    this.sumX = new double[count];
    this.sumY = new double[count];
  }

  int regionOf(int cell) { return regionOf[cell]; }

  boolean assigned(int cell) { return regionOf[cell] >= 0; }

  double centroidX(int region) { return sumX[region] / area[region]; }

  double centroidY(int region) { return sumY[region] / area[region]; }

  /** 4πA/P², 1 for a disc. */
  double polsbyPopper(int region) { return polsbyPopper(area[region], perimeter[region]); }

  static double polsbyPopper(double area, double perimeter) {
    return perimeter <= 0 ? 0 : 4 * Math.PI * area / (perimeter * perimeter);
  }

  /** Length of the border between a cell and a region (the cell itself not counted). */
  double sharedWith(int cell, int region) {
    double l = 0;
    int[] n = cells.neighbours[cell];
    for (int k = 0; k < n.length; k++) if (regionOf[n[k]] == region) l += cells.shared[cell][k];
    return l;
  }

  boolean touches(int cell, int region) {
    for (int n : cells.neighbours[cell]) if (regionOf[n] == region) return true;
    return false;
  }

  /** Puts a cell into a region (or moves it there from its current one). */
  void put(int cell, int region) {
    int from = regionOf[cell];
    if (from == region) return;
    if (from >= 0) change(cell, from, -1);
    regionOf[cell] = region;
    change(cell, region, +1);
  }

  /** The perimeter a region would have after the cell joins (+1) or leaves (-1) it. */
  double perimeterAfter(int cell, int region, int sign) {
    double inside = sharedWith(cell, region);
    return perimeter[region] + sign * (cells.cells.get(cell).perimeterM() - 2 * inside);
  }

  double area(int region) { return area[region]; }

  double perimeter(int region) { return perimeter[region]; }

  private void change(int cell, int region, int sign) {
    BuildingCells.Cell c = cells.cells.get(cell);
    // the cell is already in (joining) or still in (leaving) regionOf when shared edges are counted
    double inside = sharedWith(cell, region);
    perimeter[region] += sign * (c.perimeterM() - 2 * inside);
    area[region] += sign * c.areaM2();
    sumX[region] += sign * c.areaM2() * c.x();
    sumY[region] += sign * c.areaM2() * c.y();
    households[region] += sign * c.households();
    size[region] += sign;
  }

  /**
   * Whether the cell can leave its region without splitting the piece of the region it belongs to: all of its
   * neighbours in the region stay connected to each other without it. A region never gives up its last cell.
   */
  boolean mayLeave(int cell) {
    int r = regionOf[cell];
    if (size[r] <= 1) return false;
    int[] n = cells.neighbours[cell];
    int first = -1, others = 0;
    for (int m : n) {
      if (regionOf[m] != r) continue;
      if (first < 0) first = m;
      else others++;
    }
    if (first < 0 || others == 0) return true;
    boolean[] seen = new boolean[cells.size()];
    seen[cell] = true;
    seen[first] = true;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(first);
    int toFind = others;
    while (!queue.isEmpty() && toFind > 0) {
      int at = queue.poll();
      for (int m : cells.neighbours[at]) {
        if (seen[m] || regionOf[m] != r) continue;
        seen[m] = true;
        if (isNeighbour(cell, m)) toFind--;
        queue.add(m);
      }
    }
    return toFind == 0;
  }

  private boolean isNeighbour(int cell, int other) { return Arrays.binarySearch(cells.neighbours[cell], other) >= 0; }
}
