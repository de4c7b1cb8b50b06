package org.gridwatch.tiles;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature to draw in a tile, in WGS84 lon/lat as the capabilities hold it.
 *
 * @param id the MVT feature id (numeric ids only; null when the feature's key is a string, which is then a property)
 * @param properties the MVT tags in order; values are String, Long, Integer, Double or Boolean, nulls left out
 */
public record TileFeature(Geometry geometry, Long id, Map<String, Object> properties) {}
