package org.gridwatch.hotline;

/** Where an operator places a ticket: a WGS84 point ({@code lon}, {@code lat}) or a building's code. */
public record LocateRequest(Double lon, Double lat, String building) {}
