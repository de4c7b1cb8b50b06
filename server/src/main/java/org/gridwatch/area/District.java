package org.gridwatch.area;

import java.util.List;

/**
 * The district a deployment serves, as {@code GET /api/v1/district} answers it and the pages use it.
 *
 * @param loaded whether a hierarchy is loaded (before, code and names come from configuration and there is no extent)
 * @param extent [min lon, min lat, max lon, max lat] of the district's outline, WGS84; null before a hierarchy
 * @param center a point inside the district, [lon, lat]; null before a hierarchy
 * @param householdBand the households a grid should hold (gridwatch.grids.households)
 * @param polsbyPopperWarning outlines scoring under it are warned about as stringy
 * @param communityHouseholds communities with a band of their own, by code
 */
public record District(boolean loaded, String code, String name, String nameEn, String timeZone,
    String defaultLanguage, String attribution, MetricCrs metricCrs, List<Double> extent, List<Double> center,
    HouseholdBand householdBand, double polsbyPopperWarning, java.util.Map<String, HouseholdBand> communityHouseholds) {

  /**
   * @param code e.g. {@code EPSG:4545}; null while no district is loaded and none is configured
   * @param chosenBy {@code configured}, {@code nearest-centroid}, or {@code none}
   */
  public record MetricCrs(String code, Integer centralMeridian, String name, String chosenBy) {}
}
