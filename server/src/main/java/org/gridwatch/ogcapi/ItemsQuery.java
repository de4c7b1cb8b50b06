package org.gridwatch.ogcapi;

import org.gridwatch.problem.Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Envelope;

/**
 * The query of an items request, validated: {@code limit} (1…10,000, default 10, larger values clamped),
 * {@code bbox} (CRS84 lon/lat, 4 or 6 numbers; a west edge east of the east edge crosses the antimeridian),
 * {@code datetime} (an RFC 3339 instant or interval, open ends as {@code ..}), {@code cursor} (opaque, from a
 * {@code next} link), {@code f}, and the collection's own filters. Any other parameter is refused (400).
 */
record ItemsQuery(int limit, List<Envelope> bbox, Instant from, Instant to, String after, Map<String, String> filters) {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;
  private static final Set<String> COMMON = Set.of("limit", "bbox", "datetime", "cursor", "f");
  private static final Set<String> AREA_FILTERS = Set.of("subdistrict", "community", "grid");

  static ItemsQuery parse(Map<String, String[]> params, FeatureSource collection) {
    List<FieldError> errors = new ArrayList<>();
    for (var e : params.entrySet()) {
      if (!COMMON.contains(e.getKey()) && !collection.filterParams().containsKey(e.getKey())) {
        errors.add(new FieldError(e.getKey(), Text.of("ogcapi.unknown-parameter-for-collection-x", collection.id(), String.join(", ", allowed(collection)))));
      } else if (e.getValue().length > 1) {
        errors.add(new FieldError(e.getKey(), Text.of("ogcapi.given-more-than-once")));
      }
    }
    int limit = limit(one(params, "limit"), errors);
    List<Envelope> bbox = bbox(one(params, "bbox"), errors);
    Instant[] interval = datetime(one(params, "datetime"), errors);
    String after = cursor(one(params, "cursor"), errors);
    Map<String, String> filters = new LinkedHashMap<>();
    for (String key : collection.filterParams().keySet()) {
      String v = one(params, key);
      if (v == null) continue;
      if (AREA_FILTERS.contains(key) && !v.matches("\\d{6,15}")) errors.add(new FieldError(key, Text.of("ogcapi.x-not-area-code", v)));
      filters.put(key, v);
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return new ItemsQuery(limit, bbox, interval[0], interval[1], after, filters);
  }

  /** This query without one of its filters: for a parameter that chooses what to compute rather than what to keep. */
  ItemsQuery withoutFilter(String key) {
    Map<String, String> rest = new LinkedHashMap<>(filters);
    rest.remove(key);
    return new ItemsQuery(limit, bbox, from, to, after, rest);
  }

  boolean matches(FeatureItem item) {
    for (var f : filters.entrySet()) if (!f.getValue().equals(item.filters().get(f.getKey()))) return false;
    if (bbox != null && bbox.stream().noneMatch(b -> b.intersects(item.envelope()) && intersects(b, item))) return false;
    if ((from != null || to != null) && item.validFrom() != null) {
      // A current version is valid from validFrom onwards: it matches any instant or interval reaching it.
      if (to != null && to.isBefore(item.validFrom())) return false;
    }
    return true;
  }

  private static boolean intersects(Envelope box, FeatureItem item) {
    if (box.contains(item.envelope())) return true;
    return item.geometry().getFactory().toGeometry(box).intersects(item.geometry());
  }

  static String encodeCursor(String lastId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + lastId).getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> allowed(FeatureSource c) {
    List<String> out = new ArrayList<>(List.of("limit", "bbox", "datetime", "cursor", "f"));
    out.addAll(c.filterParams().keySet());
    return out;
  }

  private static String one(Map<String, String[]> params, String key) {
    String[] v = params.get(key);
    return v == null || v.length == 0 ? null : v[0];
  }

  private static int limit(String text, List<FieldError> errors) {
    if (text == null) return DEFAULT_LIMIT;
    try {
      int n = Integer.parseInt(text.trim());
      if (n < 1) {
        errors.add(new FieldError("limit", Text.of("ogcapi.must-at-least-1")));
        return DEFAULT_LIMIT;
      }
      return Math.min(n, MAX_LIMIT);
    } catch (NumberFormatException e) {
      // Very large integers are still integers: clamp them like any limit above the maximum.
      if (text.trim().matches("\\d{10,}")) return MAX_LIMIT;
      errors.add(new FieldError("limit", Text.of("ogcapi.x-not-integer", text)));
      return DEFAULT_LIMIT;
    }
  }

  private static List<Envelope> bbox(String text, List<FieldError> errors) {
    if (text == null) return null;
    String[] parts = text.split(",");
    if (parts.length != 4 && parts.length != 6) {
      errors.add(new FieldError("bbox", Text.of("ogcapi.needs-4-numbers-minlon-minlat")));
      return null;
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        errors.add(new FieldError("bbox", Text.of("ogcapi.x-not-number", parts[i])));
        return null;
      }
      if (!Double.isFinite(v[i])) {
        errors.add(new FieldError("bbox", Text.of("ogcapi.numbers-must-finite")));
        return null;
      }
    }
    int half = parts.length / 2;
    double minX = v[0], minY = v[1], maxX = v[half], maxY = v[half + 1];
    if (minY > maxY) errors.add(new FieldError("bbox", Text.of("ogcapi.south-edge-x-lies-north", minY, maxY)));
    if (Math.abs(minY) > 90 || Math.abs(maxY) > 90) errors.add(new FieldError("bbox", Text.of("ogcapi.latitudes-must-lie-90-90")));
    if (Math.abs(minX) > 180 || Math.abs(maxX) > 180) errors.add(new FieldError("bbox", Text.of("ogcapi.longitudes-must-lie-180-180")));
    if (minX <= maxX) return List.of(new Envelope(minX, maxX, minY, maxY));
    return List.of(new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY));
  }

  private static Instant[] datetime(String text, List<FieldError> errors) {
    if (text == null) return new Instant[2];
    try {
      if (!text.contains("/")) {
        Instant t = instant(text);
        return new Instant[] {t, t};
      }
      String[] ends = text.split("/", -1);
      if (ends.length != 2) throw new DateTimeParseException("more than one '/'", text, 0);
      Instant from = open(ends[0]) ? null : instant(ends[0]), to = open(ends[1]) ? null : instant(ends[1]);
      if (from != null && to != null && from.isAfter(to)) {
        errors.add(new FieldError("datetime", Text.of("ogcapi.interval-ends-before-starts")));
      }
      return new Instant[] {from, to};
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("datetime", Text.of("ogcapi.x-not-rfc-3339-date", text)));
      return new Instant[2];
    }
  }

  private static boolean open(String end) { return end.isEmpty() || end.equals(".."); }

  private static Instant instant(String text) {
    if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    return java.time.OffsetDateTime.parse(text).toInstant();
  }

  private static String cursor(String text, List<FieldError> errors) {
    if (text == null) return null;
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      if (decoded.startsWith("after:")) return decoded.substring(6);
    } catch (IllegalArgumentException e) {
      // fall through
    }
    errors.add(new FieldError("cursor", Text.of("ogcapi.not-cursor-from-next-link")));
    return null;
  }
}
