package org.gridwatch.skynet;

import org.locationtech.jts.geom.MultiPolygon;

public record KeyAreaView(String code, String name, String kind, MultiPolygon boundary) {}
