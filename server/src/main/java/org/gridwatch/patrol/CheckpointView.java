package org.gridwatch.patrol;

/** A route's key point as the API shows it: WGS84 position and the check-in radius in metres. */
public record CheckpointView(String code, String route, String name, double lon, double lat, double radiusM) {}
