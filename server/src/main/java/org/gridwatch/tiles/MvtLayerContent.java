package org.gridwatch.tiles;

import java.util.List;

/** The features of one MVT layer of a tile (before they are cut and scaled to it). */
public record MvtLayerContent(String name, List<TileFeature> features) {}
