package org.gridwatch.address;

import java.util.List;

/** The answer of {@code GET /api/v1/geocode} and {@code /api/v1/geocode/reverse}: the places found, best first. */
public record GeocodeResults(List<GeocodeResult> results) {}
