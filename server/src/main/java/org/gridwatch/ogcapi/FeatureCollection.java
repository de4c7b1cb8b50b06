package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * An in-memory collection (the area layers): what it is, which filter parameters it takes, and its items in
 * id order, rendered once.
 */
record FeatureCollection(String id, String title, String description, Map<String, String> filterParams,
    List<FeatureItem> items, Envelope extent) implements FeatureSource {

  static Envelope extentOf(List<FeatureItem> items) {
    Envelope e = new Envelope();
    items.forEach(i -> e.expandToInclude(i.envelope()));
    return e;
  }

  @Override
  public Instant firstValidFrom() {
    return items.stream().map(FeatureItem::validFrom).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
  }

  @Override
  public boolean isPublic() { return true; }

  @Override
  public Page page(ItemsQuery q) { return pageOf(items, q); }

  /** The page of {@code items} (in id order) that a query asks for, with the number that match in all. */
  static Page pageOf(List<FeatureItem> items, ItemsQuery q) {
    List<FeatureItem> page = new ArrayList<>(Math.min(q.limit(), 1024));
    long matched = 0;
    boolean more = false;
    for (FeatureItem item : items) {
      if (!q.matches(item)) continue;
      matched++;
      if (q.after() != null && item.sortKey().compareTo(q.after()) <= 0) continue;
      if (page.size() < q.limit()) page.add(item);
      else more = true;
    }
    return new Page(matched, page, more);
  }

  @Override
  public Optional<FeatureItem> item(String id) { return items.stream().filter(i -> i.id().equals(id)).findFirst(); }
}
