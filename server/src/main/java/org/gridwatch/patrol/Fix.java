package org.gridwatch.patrol;

import java.time.Instant;

/** One GPS fix as checked: WGS84 position, when it was taken, and its accuracy radius in metres. */
record Fix(double lon, double lat, Instant at, double accuracy) {}
