package org.gridwatch.groundnet;

/** A route was added ({@code before} null), changed, or removed ({@code after} null). */
public record RouteChanged(RouteView before, RouteView after) {}
