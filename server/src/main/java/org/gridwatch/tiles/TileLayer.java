package org.gridwatch.tiles;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tile sets served under {@code /tiles/{layer}}: their zoom range, whether anyone may read them (the areas and
 * buildings) or only the readers of the matching API layer, and the MVT layer(s) inside each tile with their fields
 * (TileJSON {@code vector_layers}; types as TileJSON writes them: String, Number, Boolean).
 */
public enum TileLayer {
  GRIDS("grids", 10, 18, true, layer("grids", area())),
  COMMUNITIES("communities", 8, 18, true, layer("communities", area())),
  SUBDISTRICTS("subdistricts", 6, 18, true, layer("subdistricts", area())),
  BUILDINGS("buildings", 14, 18, true, layer("buildings", fields("id", "String", "name", "String", "grid", "String"))),
  /** Per grid up to {@link #CASE_POINTS_FROM} - 1, one point per open case from there on. */
  CASES("cases", 10, 18, false, layer("cases", fields("grid", "String", "open", "Number (per grid, below z15)", "overdue", "Number per grid below z15, Boolean per case from z15",
      "id", "String", "status", "String", "category", "String", "priority", "String"))),
  CAMERAS("cameras", 12, 18, false, layer("cameras", fields("id", "Number", "code", "String", "type", "String", "status", "String")),
      layer("sectors", fields("camera", "Number"))),
  COVERAGE("coverage", 10, 18, false, layer("coverage", fields("grid", "String", "share", "Number", "covered", "Boolean")));

  /** From this zoom on, the cases layer holds one point per open case instead of one per grid. */
  public static final int CASE_POINTS_FROM = 15;

  /** One MVT layer inside the tiles of a set, as TileJSON describes it. */
  public record VectorLayer(String id, Map<String, String> fields) {}

  private final String path;
  private final int minZoom, maxZoom;
  private final boolean open;
  private final List<VectorLayer> vectorLayers;

  TileLayer(String path, int minZoom, int maxZoom, boolean open, VectorLayer... vectorLayers) {
    this.path = path;
    this.minZoom = minZoom;
    this.maxZoom = maxZoom;
    this.open = open;
    this.vectorLayers = List.of(vectorLayers);
  }

  /** The name in the URL and of the tile's (first) MVT layer. */
  public String path() { return path; }

  public int minZoom() { return minZoom; }

  public int maxZoom() { return maxZoom; }

  /** Anyone may read it (cache-control public); else only signed-in readers of the API layer (private). */
  public boolean open() { return open; }

  public List<VectorLayer> vectorLayers() { return vectorLayers; }

  public static Optional<TileLayer> byPath(String path) {
    return Arrays.stream(values()).filter(l -> l.path.equals(path)).findFirst();
  }

  private static VectorLayer layer(String id, Map<String, String> fields) { return new VectorLayer(id, fields); }

  /**
   * An area's fields: its code, name, parent's code, level (GRID, COMMUNITY, SUBDISTRICT), the households living in it
   * (what the planner colours grids by against the band) and its kind when it has one ({@code port}, {@code residential}).
   */
  private static Map<String, String> area() {
    return fields("code", "String", "name", "String", "parent", "String", "level", "String", "households", "Number", "kind", "String");
  }

  private static Map<String, String> fields(String... nameType) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < nameType.length; i += 2) out.put(nameType[i], nameType[i + 1]);
    return java.util.Collections.unmodifiableMap(out);
  }
}
