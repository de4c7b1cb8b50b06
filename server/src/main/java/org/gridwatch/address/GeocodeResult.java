package org.gridwatch.address;

/**
 * One place found for an address: its standard text, the building's point (WGS84), the grid holding it (null outside
 * every grid), the building's code and compound, how well it matched ({@code EXACT}, {@code PARTIAL}, {@code LOOSE})
 * and, for a reverse look-up, how far the building is from the point asked about (metres; null otherwise).
 * Addresses are public: nothing here is personal.
 */
public record GeocodeResult(String address, double lon, double lat, GridRef grid, String building, String compound,
    String match, Long distanceM) {
  public record GridRef(String code, String name) {}

  static GeocodeResult of(AddressIndex.Hit hit, Long distanceM) {
    AddressIndex.Entry e = hit.entry();
    GridRef grid = e.gridCode() == null ? null : new GridRef(e.gridCode(), e.gridName());
    return new GeocodeResult(hit.text(), round(e.lon()), round(e.lat()), grid, e.line().buildingCode(), e.line().compound(),
        hit.match().name(), distanceM);
  }

  private static double round(double v) { return Math.round(v * 1e7) / 1e7; }
}
