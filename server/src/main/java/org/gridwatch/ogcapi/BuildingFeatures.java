package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.address.Geocoder;
import org.gridwatch.area.BuildingView;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public {@code buildings} collection over one catalog snapshot, rendered per page on demand: a city has millions
 * of buildings, and rendering them all as GeoJSON ahead (as the other area layers are) cost minutes of CPU and
 * gigabytes after every start and every catalog load. Filtering and counting run over the snapshot's buildings (held in
 * code order, the collection's id order) without rendering; only the page's items are rendered. Immutable; the
 * address of each item is looked up when it is rendered.
 */
final class BuildingFeatures implements FeatureSource {
  static final String ID = "buildings";
  private static final Map<String, String> FILTERS = FeatureSource.params("subdistrict", "9-digit code of the subdistrict",
      "community", "12-digit code of the community", "grid", "15-digit code of the grid");

  private final List<BuildingView> buildings;
  private final Geocoder addresses;
  private final JsonMapper mapper;
  private final Envelope extent;

  /** {@code buildings} in code order (as the catalog holds them). */
  BuildingFeatures(List<BuildingView> buildings, Geocoder addresses, JsonMapper mapper) {
    this.buildings = buildings;
    this.addresses = addresses;
    this.mapper = mapper;
    Envelope e = new Envelope();
    for (BuildingView b : buildings) e.expandToInclude(b.location().getCoordinate());
    this.extent = e;
  }

  @Override public String id() { return ID; }
  @Override public String title() { return "Buildings 楼栋"; }
  @Override public String description() { return "Residential buildings with households and residents; synthetic demo data"; }
  @Override public Map<String, String> filterParams() { return FILTERS; }
  @Override public Envelope extent() { return extent; }
  @Override public Instant firstValidFrom() { return null; }
  @Override public boolean isPublic() { return true; }

  @Override
  public Page page(ItemsQuery q) {
    List<FeatureItem> page = new ArrayList<>(Math.min(q.limit(), 1024));
    long matched = 0;
    boolean more = false;
    for (BuildingView b : buildings) {
      if (!q.matches(unrendered(b))) continue;
      matched++;
      if (q.after() != null && b.code().compareTo(q.after()) <= 0) continue;
      if (page.size() < q.limit()) page.add(render(b));
      else more = true;
    }
    return new Page(matched, page, more);
  }

  @Override
  public Optional<FeatureItem> item(String id) {
    int at = Collections.binarySearch(buildings, null, (b, ignored) -> b.code().compareTo(id));
    return at < 0 ? Optional.empty() : Optional.of(render(buildings.get(at)));
  }

  /** What a query matches on (filters, point), without the text. */
  private static FeatureItem unrendered(BuildingView b) {
    return new FeatureItem(b.code(), b.code(), b.location(), b.location().getEnvelopeInternal(), Map.of(), filters(b), null,
        null, null);
  }

  private static Map<String, String> filters(BuildingView b) {
    if (b.gridCode() == null) return Map.of();
    return Map.of("grid", b.gridCode(), "community", b.gridCode().substring(0, 12), "subdistrict", b.gridCode().substring(0, 9));
  }

  private FeatureItem render(BuildingView b) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("code", b.code());
    p.put("name", b.name());
    p.put("households", b.households());
    p.put("residents", b.residents());
    p.put("grid_code", b.gridCode());
    if (b.gridCode() != null) {
      p.put("community_code", b.gridCode().substring(0, 12));
      p.put("subdistrict_code", b.gridCode().substring(0, 9));
    }
    p.put("synthetic", b.synthetic());
    if (b.compound() != null) p.put("compound", b.compound());
    // the standard address (门楼牌) where the address table has one, else the free text the district delivered
    String address = addresses.addressOf(b.code()).orElse(b.address());
    if (address != null) p.put("address", address);
    String etag = "\"" + b.code() + "-" + Integer.toHexString(p.hashCode()) + "\"";
    return FeatureItem.of(mapper, b.code(), b.location(), p, filters(b), null, etag);
  }
}
