package org.gridwatch.address;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The address table in memory, built once per change and then shared read-only (thread-safe). A query is found by
 * its place name first — a road, a compound or an alias, the longest that appears in the normalised query; failing
 * that, pinyin initials ("hpl128"); failing that, the name most like the query's leading words (shared
 * characters)
 * — then by its numbers ({@link AddressQuery}). Matches are ranked EXACT (every number given matched), PARTIAL (the
 * place matched, some numbers did not: the nearest numbers on it) and LOOSE (the place was only guessed). No query
 * touches the database; nothing is scanned but the names (a few thousand) when the place must be guessed.
 */
final class AddressIndex {
  enum Match { EXACT, PARTIAL, LOOSE }

  /** An address placed: its point and the grid holding it (null outside every grid). */
  record Entry(AddressLine line, double lon, double lat, String gridCode, String gridName) {}

  record Hit(Entry entry, Match match, Integer unit) {
    String text() { return entry.line().text(unit); }
  }

  /** A road or a compound, by its normalised name. */
  private record Place(boolean road, String key) {}

  private static final double LOOSE_SIMILARITY = 0.5;

  private final List<Entry> entries;
  private final Map<String, List<Entry>> byRoad = new HashMap<>();
  private final Map<String, List<Entry>> byCompound = new HashMap<>();
  private final Map<String, Set<Place>> names = new HashMap<>();
  private final Map<String, Set<Place>> initials = new HashMap<>();
  private final Map<String, String> display = new HashMap<>();
  private final Map<String, int[]> nameCharacters = new HashMap<>();
  private final Map<String, Entry> byBuilding = new HashMap<>();
  private final STRtree points = new STRtree();
  private final double xScale;
  private int longestName;

  AddressIndex(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    double meanLat = entries.stream().mapToDouble(Entry::lat).average().orElse(0);
    this.xScale = Math.cos(Math.toRadians(meanLat));
    for (Entry e : entries) {
      AddressLine l = e.line();
      String road = AddressNormaliser.normalise(l.road());
      byRoad.computeIfAbsent(road, k -> new ArrayList<>()).add(e);
      name(road, l.road(), new Place(true, road));
      if (l.compound() != null) {
        String compound = AddressNormaliser.normalise(l.compound());
        byCompound.computeIfAbsent(compound, k -> new ArrayList<>()).add(e);
        name(compound, l.compound(), new Place(false, compound));
        for (String alias : l.aliases()) name(AddressNormaliser.normalise(alias), alias, new Place(false, compound));
      } else {
        for (String alias : l.aliases()) name(AddressNormaliser.normalise(alias), alias, new Place(true, road));
      }
      byBuilding.put(l.buildingCode(), e);
      points.insert(new Envelope(e.lon() * xScale, e.lon() * xScale, e.lat(), e.lat()), e);
    }
    Comparator<Entry> order = Comparator.comparingInt((Entry e) -> AddressQuery.numeric(e.line().number()))
        .thenComparing(e -> e.line().number()).thenComparing(e -> buildingOrder(e.line().building()));
    byRoad.values().forEach(l -> l.sort(order));
    byCompound.values().forEach(l -> l.sort(order));
    points.build();
  }

  private void name(String key, String shown, Place place) {
    if (key.isEmpty()) return;
    Set<Place> places = names.computeIfAbsent(key, k -> new HashSet<>());
    if (!places.add(place)) return;
    display.putIfAbsent(key, shown);
    nameCharacters.computeIfAbsent(key, AddressIndex::characters);
    longestName = Math.max(longestName, key.length());
    // initials only for names without digits: a compound "和平路71号院" is found as road + number instead
    if (key.chars().noneMatch(Character::isDigit)) initials.computeIfAbsent(PinyinInitials.of(key), k -> new HashSet<>()).add(place);
  }

  int size() { return entries.size(); }

  Entry byBuilding(String code) { return byBuilding.get(code); }

  /** The best matches for a query, EXACT before PARTIAL before LOOSE; empty when no place could be found. */
  List<Hit> search(String query, int limit) {
    String q = AddressNormaliser.normalise(query);
    Found named = named(q);
    if (named != null) return rank(named.places(), AddressQuery.parse(q.substring(named.end())), false, limit);
    java.util.regex.Matcher pinyin = java.util.regex.Pattern.compile("^([a-z]{2,})(.*)$").matcher(q);
    if (pinyin.matches() && initials.containsKey(pinyin.group(1))) {
      return rank(initials.get(pinyin.group(1)), AddressQuery.parse(pinyin.group(2)), false, limit);
    }
    String fragment = leadingWords(q);
    List<Scored> similar = similar(fragment, LOOSE_SIMILARITY);
    if (similar.isEmpty()) return List.of();
    Set<Place> places = new java.util.LinkedHashSet<>();
    similar.stream().limit(3).forEach(s -> places.addAll(names.get(s.key())));
    return rank(places, AddressQuery.parse(q.substring(fragment.length())), true, limit);
  }

  /** Names most like the query's words, for a 404's suggestions; roads with the query's number first. */
  List<String> suggestions(String query, int limit) {
    String q = AddressNormaliser.normalise(query);
    String fragment = leadingWords(q);
    AddressQuery numbers = AddressQuery.parse(q.substring(fragment.length()));
    List<String> out = new ArrayList<>();
    for (Scored s : similar(fragment, Double.MIN_VALUE)) {
      if (out.size() >= limit) break;
      out.add(display.get(s.key()));
    }
    if (out.isEmpty() && numbers.number() != null) {
      byRoad.forEach((road, list) -> {
        if (list.stream().anyMatch(e -> e.line().number().equals(numbers.number()))) out.add(list.get(0).line().road() + numbers.number() + "号");
      });
      out.sort(Comparator.naturalOrder());
    }
    if (out.isEmpty()) {
      byRoad.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, List<Entry>> e) -> -e.getValue().size()))
          .forEach(e -> out.add(e.getValue().get(0).line().road()));
    }
    return out.stream().distinct().limit(limit).toList();
  }

  /** The address nearest a point, with its distance in metres; null when the table is empty. */
  Hit nearest(double lon, double lat) {
    if (entries.isEmpty()) return null;
    Envelope at = new Envelope(lon * xScale, lon * xScale, lat, lat);
    Object e = points.nearestNeighbour(at, at, (a, b) -> ((Envelope) a.getBounds()).distance((Envelope) b.getBounds()));
    return new Hit((Entry) e, Match.EXACT, null);
  }

  private record Found(Set<Place> places, int end) {}

  /** The longest known name inside the query (leftmost among equals), with where it ends. */
  private Found named(String q) {
    Found best = null;
    int bestLength = 0;
    for (int start = 0; start < q.length(); start++) {
      for (int end = Math.min(q.length(), start + longestName); end > start + bestLength; end--) {
        Set<Place> p = names.get(q.substring(start, end));
        if (p != null) {
          best = new Found(p, end);
          bestLength = end - start;
          break;
        }
      }
    }
    return best;
  }

  private List<Hit> rank(Set<Place> places, AddressQuery numbers, boolean loose, int limit) {
    Map<String, Hit> hits = new LinkedHashMap<>();
    for (Place p : places) {
      for (Hit h : matches(p.road() ? byRoad.get(p.key()) : byCompound.get(p.key()), numbers)) {
        Hit hit = loose ? new Hit(h.entry(), Match.LOOSE, h.unit()) : h;
        hits.merge(hit.entry().line().buildingCode(), hit, (a, b) -> a.match().compareTo(b.match()) <= 0 ? a : b);
      }
    }
    return hits.values().stream().sorted(Comparator.comparing(Hit::match)).limit(limit).toList();
  }

  /** The entries of one road or compound that answer the numbers, best first. */
  private static List<Hit> matches(List<Entry> on, AddressQuery q) {
    if (on == null) return List.of();
    String building = q.building();
    List<Entry> atNumber = List.of();
    if (q.number() != null) {
      if (q.subNumber() != null) {
        atNumber = on.stream().filter(e -> e.line().number().equals(q.number() + "-" + q.subNumber())).toList();
        if (atNumber.isEmpty() && building == null) building = q.subNumber();
      }
      if (atNumber.isEmpty()) atNumber = on.stream().filter(e -> e.line().number().equals(q.number())).toList();
      if (atNumber.isEmpty()) {
        int wanted = AddressQuery.numeric(q.number());
        return on.stream().sorted(Comparator.comparingInt(e -> Math.abs(AddressQuery.numeric(e.line().number()) - wanted)))
            .map(e -> new Hit(e, Match.PARTIAL, null)).toList();
      }
    } else if (building == null) {
      return on.stream().map(e -> new Hit(e, Match.PARTIAL, null)).toList();
    } else {
      atNumber = on;
    }
    if (building == null) return atNumber.stream().map(e -> new Hit(e, Match.EXACT, null)).toList();
    String b = building;
    List<Entry> inBuilding = atNumber.stream().filter(e -> b.equalsIgnoreCase(e.line().building())).toList();
    if (inBuilding.isEmpty()) return atNumber.stream().map(e -> new Hit(e, Match.PARTIAL, null)).toList();
    return inBuilding.stream().map(e -> {
      Integer units = e.line().units();
      boolean unitKnown = q.unit() == null || units == null || (q.unit() >= 1 && q.unit() <= units);
      return new Hit(e, unitKnown ? Match.EXACT : Match.PARTIAL, unitKnown ? q.unit() : null);
    }).toList();
  }

  private record Scored(String key, double score) {}

  /**
   * Known names at least {@code atLeast} like a fragment, best first: the Dice coefficient of their sets of characters (digits
   * left out), which forgives a missing 路 or one wrong character (和乎路 ~ 和平路: 0.67) where bigrams would not.
   */
  private List<Scored> similar(String fragment, double atLeast) {
    if (fragment.length() < 2) return List.of();
    int[] wanted = characters(fragment);
    List<Scored> out = new ArrayList<>();
    for (var named : nameCharacters.entrySet()) {
      int[] have = named.getValue();
      int common = 0;
      for (int c : have) for (int w : wanted) if (c == w) { common++; break; }
      double score = 2.0 * common / (have.length + wanted.length);
      if (common > 0 && score >= atLeast) out.add(new Scored(named.getKey(), score));
    }
    out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::key));
    return out;
  }

  /** The distinct characters of a name, digits left out. */
  private static int[] characters(String s) {
    return s.codePoints().filter(c -> !Character.isDigit(c)).distinct().toArray();
  }

  /** The query up to its first digit: the words that should name the place. */
  private static String leadingWords(String q) {
    int i = 0;
    while (i < q.length() && !Character.isDigit(q.charAt(i))) i++;
    return q.substring(0, i);
  }

  private static String buildingOrder(String building) {
    if (building == null) return "";
    return building.chars().allMatch(Character::isDigit) ? String.format("%06d", Integer.parseInt(building)) : building;
  }
}
