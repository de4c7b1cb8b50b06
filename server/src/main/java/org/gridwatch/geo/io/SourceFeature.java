package org.gridwatch.geo.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A feature as a reader found it: its geometry still in the file's CRS. */
record SourceFeature(int index, Geometry geometry, Map<String, Object> properties) {}
