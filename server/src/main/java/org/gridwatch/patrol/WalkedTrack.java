package org.gridwatch.patrol;

import java.time.Instant;
import org.locationtech.jts.geom.LineString;

/**
 * A patrol's recorded track (WGS84) as coverage reads it: covering {@code widthM} each side, like a planned route of
 * the same mode. Tracks never change once ended, so {@code id} keys anything derived from one.
 */
public record WalkedTrack(long id, String routeCode, LineString track, double widthM, Instant endedAt) {}
