package org.gridwatch.publication;

/**
 * A service guide's details (办事指南), public by nature: the office's contact line, never a person's. {@code servicePoint}
 * is a service point's id, or null.
 */
public record ServiceGuide(String item, String eligibility, String materials, Long servicePoint, String hours, String fees,
    String timeLimit, String contactPhone) {}
