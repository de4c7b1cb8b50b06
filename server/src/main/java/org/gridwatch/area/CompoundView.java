package org.gridwatch.area;

import java.util.List;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A compound (小区) as it is now: its outline ({@code derived} when computed from its buildings rather than given),
 * how many buildings, households and residents it holds, and the grids those buildings lie in (code order).
 */
public record CompoundView(String name, MultiPolygon outline, boolean derived, int buildings, int households,
    int residents, List<String> gridCodes) {}
