package org.gridwatch.address;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Finds places by their standard address ({@link #search}) and the address nearest a point ({@link #reverse}), from an
 * {@link AddressIndex} built from the address table, the buildings' points and the grids holding them. The index is
 * rebuilt on first use after an import on this instance commits or after the area catalog changed (buildings moved,
 * grids redrawn), and is shared read-only by every request in between.
 */
@Service
public class Geocoder {
  public static final int MAX_QUERY = 100;
  public static final int MAX_LIMIT = 50;
  /** Farther than this from every building, a point has no address. */
  static final double REVERSE_RADIUS_M = 1000;

  private final AddressRegister register;
  private final AreaCatalog catalog;
  private volatile Built built;

  private record Built(AreaCatalog.Snapshot snapshot, long version, AddressIndex index) {}

  Geocoder(AddressRegister register, AreaCatalog catalog) {
    this.register = register;
    this.catalog = catalog;
  }

  /** The places a query names, best first; a 400 naming {@code q} for an empty or too long query, a 404 with {@code suggestions}. */
  public GeocodeResults search(String q, int limit, boolean zh) {
    String query = q == null ? "" : q.strip();
    if (query.isEmpty()) throw ProblemException.badInput("q", Text.of("address.give-address-look-for"));
    if (query.length() > MAX_QUERY) {
      throw ProblemException.badInput("q", Text.of("address.at-most-x-characters-not", MAX_QUERY, query.length()));
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.badInput("limit", Text.of("address.must-1-x", MAX_LIMIT));
    }
    AddressIndex index = index();
    List<AddressIndex.Hit> hits = index.search(query, limit);
    if (hits.isEmpty()) {
      throw new ProblemException(HttpStatus.NOT_FOUND, "address-not-found", zh ? "未找到地址" : "Address not found",
          Text.of("address.no-address-matches-x-try", query),
          List.of(new ProblemException.FieldError("q", Text.of("address.matches-no-address"))))
          .with("suggestions", index.suggestions(query, 8));
    }
    return new GeocodeResults(hits.stream().map(h -> GeocodeResult.of(h, null)).toList());
  }

  /**
   * The place an address names, for a report that brings no coordinates: only an EXACT match (every number given
   * found on a road or compound that was named, not guessed); a bare road or a number it lacks places nothing.
   */
  public Optional<GeocodeResult> place(String address) {
    if (address == null || address.isBlank() || address.strip().length() > MAX_QUERY) return Optional.empty();
    return index().search(address.strip(), 1).stream().filter(h -> h.match() == AddressIndex.Match.EXACT)
        .findFirst().map(h -> GeocodeResult.of(h, null));
  }

  /** The address nearest a WGS84 point (400 naming {@code lon} or {@code lat} out of range; 404 when none is near). */
  public GeocodeResults reverse(double lon, double lat, boolean zh) {
    List<ProblemException.FieldError> errors = new ArrayList<>();
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
      errors.add(new ProblemException.FieldError("lon", Text.of("address.longitude-must-180-180")));
    }
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
      errors.add(new ProblemException.FieldError("lat", Text.of("address.latitude-must-90-90")));
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    AddressIndex.Hit hit = index().nearest(lon, lat);
    double metres = hit == null ? Double.POSITIVE_INFINITY : metres(lon, lat, hit.entry().lon(), hit.entry().lat());
    if (metres > REVERSE_RADIUS_M) {
      throw ProblemException.notFound("no-address-near", zh ? "附近没有地址" : "No address near",
          Text.of("address.no-address-recorded-within-x", (int) REVERSE_RADIUS_M));
    }
    return new GeocodeResults(List.of(GeocodeResult.of(hit, Math.round(metres))));
  }

  /** The standard text of a building's address, if it has one. */
  public Optional<String> addressOf(String buildingCode) {
    return Optional.ofNullable(index().byBuilding(buildingCode)).map(e -> e.line().text(null));
  }

  /** Moves on whenever the address table changes on this instance: callers caching what they derive from it compare it. */
  public long tableVersion() { return register.version(); }

  /** Builds the index now (at start-up), so that the first search does not wait for it; answers its size. */
  public String warm() {
    return index().size() + " addresses";
  }

  AddressIndex index() {
    AreaCatalog.Snapshot snapshot = catalog.now();
    long version = register.version();
    Built b = built;
    if (b != null && b.snapshot() == snapshot && b.version() == version) return b.index();
    synchronized (this) {
      b = built;
      if (b != null && b.snapshot() == snapshot && b.version() == version) return b.index();
      b = new Built(snapshot, version, build(snapshot));
      built = b;
      return b.index();
    }
  }

  private AddressIndex build(AreaCatalog.Snapshot snapshot) {
    java.util.Map<String, BuildingView> buildings = new java.util.HashMap<>();
    snapshot.buildings().forEach(b -> buildings.put(b.code(), b));
    List<AddressIndex.Entry> entries = new ArrayList<>();
    for (AddressLine line : register.all()) {
      BuildingView b = buildings.get(line.buildingCode());
      if (b == null) continue; // its building is gone: nothing to point at
      String gridName = b.gridCode() == null ? null : snapshot.find(b.gridCode()).map(AreaView::name).orElse(null);
      entries.add(new AddressIndex.Entry(line, b.location().getX(), b.location().getY(), b.gridCode(), gridName));
    }
    return new AddressIndex(entries);
  }

  private static double metres(double lon1, double lat1, double lon2, double lat2) {
    double dx = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2)), dy = Math.toRadians(lat2 - lat1);
    return 6_371_000 * Math.hypot(dx, dy);
  }
}
