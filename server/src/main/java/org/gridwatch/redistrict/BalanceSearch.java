package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Groups building cells into {@code count} contiguous regions with households in a band, as compact as it can:
 * <ol>
 *   <li><b>seeds</b> far apart: weighted k-means++ on the cells' metric centroids (weight = households), refined by
 *       a few Lloyd rounds, per connected piece of the outline in proportion to its households;</li>
 *   <li><b>growth</b>: the region with the fewest households takes the free neighbouring cell nearest its centroid,
 *       until every cell is taken (pieces without a seed join the region whose centroid is nearest);</li>
 *   <li><b>local search</b>: boundary cells move to an adjacent region while that lowers the cost, never splitting
 *       a region (checked before each move). Cost per region: households outside the band (dominant), squared
 *       relative deviation from the mean, and 1 − Polsby-Popper.</li>
 * </ol>
 * Deterministic: the same cells and seed give the same regions. A few seeded restarts; the cheapest wins.
 */
final class BalanceSearch {
  /** Cost of one household outside the band: large enough that compactness never buys band violations. */
  static final double OUTSIDE_BAND = 100;
  static final double DEVIATION = 1.0;
  static final double COMPACTNESS = 1.0;
  static final int RESTARTS = 4, LLOYD_ROUNDS = 8, MAX_PASSES = 200;

  private final BuildingCells cells;
  private final int count, low, high;
  private final double mean;

  BalanceSearch(BuildingCells cells, int count, int low, int high) {
    this.cells = cells;
    this.count = count;
    this.low = low;
    this.high = high;
    this.mean = (double) cells.cells.stream().mapToInt(BuildingCells.Cell::households).sum() / count;
  }

  /** The best regions over a few seeded restarts. */
  CellRegions run(long seed) {
    CellRegions best = null;
    double bestCost = Double.MAX_VALUE;
    for (int attempt = 0; attempt < RESTARTS; attempt++) {
      CellRegions regions = grow(seeds(new SplittableRandom(seed + attempt)));
      improve(regions);
      double cost = cost(regions);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = regions;
      }
    }
    return best;
  }

  double cost(CellRegions r) {
    double total = 0;
    for (int k = 0; k < count; k++) total += cost(r.households[k], r.area(k), r.perimeter(k));
    return total;
  }

  private double cost(int households, double area, double perimeter) {
    double outside = Math.max(0, low - households) + Math.max(0, households - high);
    double deviation = mean == 0 ? 0 : (households - mean) / mean;
    return OUTSIDE_BAND * outside + DEVIATION * deviation * deviation
        + COMPACTNESS * (1 - CellRegions.polsbyPopper(area, perimeter));
  }

  // ------------------------------------------------------------------ seeds

  /** One seed cell per region, distinct, holding buildings. */
  private int[] seeds(SplittableRandom random) {
    List<int[]> pieces = components();
    int[] perPiece = apportion(pieces);
    List<Integer> seeds = new ArrayList<>();
    for (int p = 0; p < pieces.size(); p++) {
      if (perPiece[p] > 0) seeds.addAll(kMeans(pieces.get(p), perPiece[p], random));
    }
    return seeds.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Connected pieces of the cell graph, in order of their first cell. */
  private List<int[]> components() {
    int[] piece = new int[cells.size()];
    Arrays.fill(piece, -1);
    List<int[]> out = new ArrayList<>();
    for (int start = 0; start < cells.size(); start++) {
      if (piece[start] >= 0) continue;
      List<Integer> members = new ArrayList<>();
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(start));
      piece[start] = out.size();
      while (!queue.isEmpty()) {
        int c = queue.poll();
        members.add(c);
        for (int n : cells.neighbours[c]) {
          if (piece[n] < 0) {
            piece[n] = out.size();
            queue.add(n);
          }
        }
      }
      out.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
    return out;
  }

  /** Seeds per piece: largest remainders of households, never more than the piece's cells with buildings. */
  private int[] apportion(List<int[]> pieces) {
    int[] out = new int[pieces.size()];
    double[] quota = new double[pieces.size()];
    int[] capacity = new int[pieces.size()];
    double total = 0;
    for (int p = 0; p < pieces.size(); p++) {
      for (int c : pieces.get(p)) {
        quota[p] += cells.cells.get(c).households();
        if (!cells.cells.get(c).buildings().isEmpty()) capacity[p]++;
      }
      total += quota[p];
    }
    int given = 0;
    for (int p = 0; p < pieces.size(); p++) {
      quota[p] = total == 0 ? 0 : quota[p] * count / total;
      out[p] = Math.min(capacity[p], (int) Math.floor(quota[p]));
      given += out[p];
    }
    while (given < count) {
      int pick = -1;
      for (int p = 0; p < pieces.size(); p++) {
        if (out[p] >= capacity[p]) continue;
        if (pick < 0 || quota[p] - out[p] > quota[pick] - out[pick]) pick = p;
      }
      if (pick < 0) throw new IllegalArgumentException("fewer building sites than regions");
      out[pick]++;
      given++;
    }
    return out;
  }

  /** k cells of a piece near the household-weighted k-means centres (k-means++ start, Lloyd rounds). */
  private List<Integer> kMeans(int[] piece, int k, SplittableRandom random) {
    int[] inhabited = Arrays.stream(piece).filter(c -> !cells.cells.get(c).buildings().isEmpty()).toArray();
    double[][] centres = new double[k][];
    centres[0] = at(inhabited[pickWeighted(inhabited, new double[inhabited.length], true, random)]);
    double[] d2 = new double[inhabited.length];
    for (int j = 1; j < k; j++) {
      for (int i = 0; i < inhabited.length; i++) d2[i] = nearest(centres, j, at(inhabited[i]))[1];
      centres[j] = at(inhabited[pickWeighted(inhabited, d2, false, random)]);
    }
    for (int round = 0; round < LLOYD_ROUNDS; round++) {
      double[][] sum = new double[k][3];
      for (int c : inhabited) {
        double w = Math.max(1, cells.cells.get(c).households());
        double[] p = at(c);
        double[] s = sum[(int) nearest(centres, k, p)[0]];
        s[0] += w * p[0];
        s[1] += w * p[1];
        s[2] += w;
      }
      for (int j = 0; j < k; j++) if (sum[j][2] > 0) centres[j] = new double[] {sum[j][0] / sum[j][2], sum[j][1] / sum[j][2]};
    }
    List<Integer> out = new ArrayList<>();
    boolean[] used = new boolean[cells.size()];
    for (int j = 0; j < k; j++) {
      int best = -1;
      double bestD = Double.MAX_VALUE;
      for (int c : inhabited) {
        double d = dist2(at(c), centres[j]);
        if (!used[c] && d < bestD) {
          bestD = d;
          best = c;
        }
      }
      used[best] = true;
      out.add(best);
    }
    return out;
  }

  /** An index drawn with probability ∝ households × d2 (or households alone when {@code first}). */
  private int pickWeighted(int[] candidates, double[] d2, boolean first, SplittableRandom random) {
    double[] w = new double[candidates.length];
    double total = 0;
    for (int i = 0; i < candidates.length; i++) {
      w[i] = Math.max(1, cells.cells.get(candidates[i]).households()) * (first ? 1 : d2[i]);
      total += w[i];
    }
    if (total <= 0) return 0;
    double r = random.nextDouble() * total;
    for (int i = 0; i < candidates.length; i++) {
      r -= w[i];
      if (r < 0) return i;
    }
    return candidates.length - 1;
  }

  /** {index, squared distance} of the nearest of the first {@code k} centres. */
  private static double[] nearest(double[][] centres, int k, double[] p) {
    int best = 0;
    double bestD = Double.MAX_VALUE;
    for (int j = 0; j < k; j++) {
      double d = dist2(p, centres[j]);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    return new double[] {best, bestD};
  }

  private double[] at(int cell) { return new double[] {cells.cells.get(cell).x(), cells.cells.get(cell).y()}; }

  private static double dist2(double[] a, double[] b) {
    double dx = a[0] - b[0], dy = a[1] - b[1];
    return dx * dx + dy * dy;
  }

  // ------------------------------------------------------------------ growth

  private CellRegions grow(int[] seeds) {
    CellRegions r = new CellRegions(cells, count);
    for (int k = 0; k < seeds.length; k++) r.put(seeds[k], k);
    while (true) {
      int region = -1, cell = -1;
      for (int k = 0; k < count; k++) {
        if (region >= 0 && r.households[k] >= r.households[region]) continue;
        int c = nearestFreeNeighbour(r, k);
        if (c < 0) continue;
        region = k;
        cell = c;
      }
      if (cell < 0) break;
      r.put(cell, region);
    }
    attachUnseededPieces(r);
    return r;
  }

  /** The free cell touching the region whose centroid is nearest the region's centroid, or -1. */
  private int nearestFreeNeighbour(CellRegions r, int region) {
    double[] centre = {r.centroidX(region), r.centroidY(region)};
    int best = -1;
    double bestD = Double.MAX_VALUE;
    for (int c = 0; c < cells.size(); c++) {
      if (r.assigned(c) || !r.touches(c, region)) continue;
      double d = dist2(at(c), centre);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  /** Pieces of the outline no seed reached go whole to the region with the nearest centroid. */
  private void attachUnseededPieces(CellRegions r) {
    for (int[] piece : components()) {
      if (r.assigned(piece[0])) continue;
      double[] centre = {0, 0};
      double area = 0;
      for (int c : piece) {
        centre[0] += cells.cells.get(c).areaM2() * cells.cells.get(c).x();
        centre[1] += cells.cells.get(c).areaM2() * cells.cells.get(c).y();
        area += cells.cells.get(c).areaM2();
      }
      centre[0] /= area;
      centre[1] /= area;
      int to = (int) nearest(centroids(r), count, centre)[0];
      for (int c : piece) r.put(c, to);
    }
  }

  private double[][] centroids(CellRegions r) {
    double[][] out = new double[count][];
    for (int k = 0; k < count; k++) out[k] = new double[] {r.centroidX(k), r.centroidY(k)};
    return out;
  }

  // ------------------------------------------------------------------ local search

  /** Moves boundary cells to adjacent regions while any move lowers the cost (first improvement, in cell order). */
  private void improve(CellRegions r) {
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean moved = false;
      for (int c = 0; c < cells.size(); c++) {
        int from = r.regionOf(c);
        if (r.size[from] <= 1) continue;
        int to = bestMove(r, c, from);
        if (to >= 0 && r.mayLeave(c)) {
          r.put(c, to);
          moved = true;
        }
      }
      if (!moved) return;
    }
  }

  /** The adjacent region the cell would best move to, or -1 if no move lowers the cost. */
  private int bestMove(CellRegions r, int cell, int from) {
    int h = cells.cells.get(cell).households();
    double a = cells.cells.get(cell).areaM2();
    double fromBefore = cost(r.households[from], r.area(from), r.perimeter(from));
    double fromAfter = cost(r.households[from] - h, r.area(from) - a, r.perimeterAfter(cell, from, -1));
    int best = -1;
    double bestGain = 1e-9;
    for (int n : cells.neighbours[cell]) {
      int to = r.regionOf(n);
      if (to == from || to == best) continue;
      double toBefore = cost(r.households[to], r.area(to), r.perimeter(to));
      double toAfter = cost(r.households[to] + h, r.area(to) + a, r.perimeterAfter(cell, to, +1));
      double gain = fromBefore + toBefore - fromAfter - toAfter;
      if (gain > bestGain) {
        bestGain = gain;
        best = to;
      }
    }
    return best;
  }
}
