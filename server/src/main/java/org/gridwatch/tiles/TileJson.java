package org.gridwatch.tiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A tile set described as TileJSON 3.0.0 ({@code GET /tiles/{layer}.json}).
 *
 * @param version {@code 1.0.N}, N the layer's change sequence
 * @param tiles the tile URL template, absolute
 * @param bounds [west, south, east, north] of the deployment's district(s), WGS84
 * @param center [lon, lat, zoom]
 */
public record TileJson(String tilejson, String name, String version, String scheme, List<String> tiles,
    @JsonProperty("vector_layers") List<VectorLayer> vectorLayers, int minzoom, int maxzoom, List<Double> bounds,
    List<Double> center, String attribution) {

  /** An MVT layer of the tiles: its fields (name → type) and zoom range. */
  public record VectorLayer(String id, Map<String, String> fields, int minzoom, int maxzoom) {}
}
