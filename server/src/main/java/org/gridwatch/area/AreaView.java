package org.gridwatch.area;

import java.time.Instant;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * An area as it is now: immutable, shared by every reader of the catalog.
 *
 * @param kind for grids, {@code residential} or {@code port}; null above grid level
 * @param etag a strong entity tag that changes with every new boundary version
 */
public record AreaView(
    String code,
    AreaLevel level,
    String name,
    String nameEn,
    String parentCode,
    String kind,
    boolean synthetic,
    MultiPolygon boundary,
    double areaM2,
    int households,
    int residents,
    int version,
    Instant validFrom,
    String etag) {}
