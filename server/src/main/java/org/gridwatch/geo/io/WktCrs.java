package org.gridwatch.geo.io;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwatch.geo.GaussKruger;

/**
 * Identifies a WKT coordinate system (an ESRI .prj, WKT 1 or WKT 2) as one of the {@link SourceCrs} accepted.
 * Survey offices' files name the same zone in several ways: ESRI's {@code CGCS2000_3_Degree_GK_CM_117E} /
 * {@code CGCS2000_3_Degree_GK_Zone_39}, EPSG's {@code CGCS2000 / 3-degree Gauss-Kruger CM 117E} / {@code zone 39},
 * an {@code AUTHORITY["EPSG","4548"]}, and always the parameters. The parameters are what the coordinates mean, so
 * they decide when present (transverse Mercator on the CGCS2000 datum, scale 1, origin latitude 0, false northing 0,
 * central meridian a multiple of 3 from 75 to 135, false easting 500 km or zone·10⁶ + 500 km) and must agree with
 * any zone the name or authority gives; a WKT with no parameters is identified by its authority or name. Another
 * datum with the same parameters (Xi'an 1980, Beijing 1954: tens of metres off) is refused.
 */
final class WktCrs {
  private static final Pattern FIRST_NAME = Pattern.compile("^\\s*(\\w+)\\s*\\[\\s*\"([^\"]*)\"");
  private static final Pattern TOP_AUTHORITY = Pattern.compile(
      "(?:AUTHORITY\\s*\\[\\s*\"EPSG\"\\s*,\\s*\"?|ID\\s*\\[\\s*\"EPSG\"\\s*,\\s*)(\\d+)\"?\\s*\\]\\s*\\]\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATUM = Pattern.compile("DATUM\\s*\\[\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern PROJECTION = Pattern.compile("(?:PROJECTION|METHOD)\\s*\\[\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern PARAMETER = Pattern.compile(
      "PARAMETER\\s*\\[\\s*\"([^\"]*)\"\\s*,\\s*([-+0-9.eE]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME_CM = Pattern.compile("^CGCS2000 3 DEGREE (?:GK|GAUSS KRUGER) CM (\\d+)E$");
  private static final Pattern NAME_ZONE = Pattern.compile("^CGCS2000 3 DEGREE (?:GK|GAUSS KRUGER) ZONE (\\d+)$");

  private WktCrs() {}

  /** The CRS {@code wkt} names; an {@link FeatureFileException} naming {@code crs} when it is none of those accepted. */
  static SourceCrs identify(String wkt) {
    Matcher first = FIRST_NAME.matcher(wkt == null ? "" : wkt);
    if (!first.find()) throw refused("it is not a WKT coordinate system");
    String kind = first.group(1).toUpperCase(Locale.ROOT), name = first.group(2);
    String datum = find(DATUM, wkt).map(WktCrs::normal).orElse("");
    Optional<Integer> authority = find(TOP_AUTHORITY, wkt).map(Integer::parseInt);
    if (kind.startsWith("GEOG") || kind.equals("GEODCRS")) {
      if (authority.isPresent()) return SourceCrs.ofEpsg(authority.get()).filter(c -> !c.isProjected())
          .orElseThrow(() -> refused("'" + name + "' (EPSG:" + authority.get() + ")"));
      if (cgcs2000(datum)) return SourceCrs.CGCS2000;
      if (datum.contains("WGS 1984") || datum.contains("WGS84") || datum.contains("WORLD GEODETIC SYSTEM 1984")) return SourceCrs.CRS84;
      throw refused("'" + name + "' (datum " + datum + ")");
    }
    if (!kind.startsWith("PROJ")) throw refused("'" + name + "' is a " + kind);
    Optional<GaussKruger> named = byName(normal(name)), byAuthority = authority.flatMap(GaussKruger::ofEpsg);
    Map<String, Double> p = parameters(wkt);
    if (!p.containsKey("centralmeridian")) {
      return byAuthority.or(() -> named).map(SourceCrs::projected).orElseThrow(() -> refused("'" + name + "'"));
    }
    GaussKruger zone = byParameters(datum, find(PROJECTION, wkt).map(WktCrs::normal).orElse(""), p)
        .orElseThrow(() -> refused("'" + name + "' (datum " + datum + ", central meridian " + p.get("centralmeridian")
            + ", false easting " + p.get("falseeasting") + ")"));
    for (Optional<GaussKruger> said : java.util.List.of(named, byAuthority)) {
      if (said.isPresent() && !said.get().equals(zone)) {
        throw refused("its name or authority says " + said.get() + " but its parameters are those of " + zone);
      }
    }
    return SourceCrs.projected(zone);
  }

  private static Optional<GaussKruger> byName(String name) {
    Matcher cm = NAME_CM.matcher(name);
    if (cm.matches()) return plain(Integer.parseInt(cm.group(1)));
    Matcher zone = NAME_ZONE.matcher(name);
    if (zone.matches()) return GaussKruger.ofEpsg(4513 + Integer.parseInt(zone.group(1)) - 25);
    return Optional.empty();
  }

  private static Optional<GaussKruger> plain(int cm) {
    if (cm % 3 != 0 || cm < GaussKruger.FIRST_CM || cm > GaussKruger.LAST_CM) return Optional.empty();
    return GaussKruger.ofEpsg(4534 + (cm - GaussKruger.FIRST_CM) / 3);
  }

  private static Optional<GaussKruger> byParameters(String datum, String projection, Map<String, Double> p) {
    boolean transverseMercator = projection.contains("TRANSVERSE MERCATOR") || projection.contains("GAUSS KRUGER");
    if (!cgcs2000(datum) || !transverseMercator) return Optional.empty();
    if (p.getOrDefault("scalefactor", 1.0) != 1.0 || p.getOrDefault("latitudeoforigin", 0.0) != 0.0
        || p.getOrDefault("falsenorthing", 0.0) != 0.0) return Optional.empty();
    double cm = p.get("centralmeridian"), fe = p.getOrDefault("falseeasting", Double.NaN);
    if (cm != Math.rint(cm)) return Optional.empty();
    if (fe == 500_000) return plain((int) cm);
    int zone = (int) cm / 3;
    if (cm % 3 == 0 && fe == zone * 1_000_000.0 + 500_000) return GaussKruger.ofEpsg(4513 + zone - 25);
    return Optional.empty();
  }

  /** Parameters by a normalised name: WKT 1 ({@code central_meridian}) and WKT 2 ({@code Longitude of natural origin}). */
  private static Map<String, Double> parameters(String wkt) {
    Map<String, Double> out = new HashMap<>();
    Matcher m = PARAMETER.matcher(wkt);
    while (m.find()) {
      String key = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      key = switch (key) {
        case "longitudeofnaturalorigin", "longitudeoforigin" -> "centralmeridian";
        case "latitudeofnaturalorigin" -> "latitudeoforigin";
        case "scalefactoratnaturalorigin" -> "scalefactor";
        default -> key;
      };
      try {
        out.put(key, Double.parseDouble(m.group(2)));
      } catch (NumberFormatException e) {
        // a parameter we cannot read is as good as absent
      }
    }
    return out;
  }

  private static boolean cgcs2000(String datum) {
    return datum.contains("CGCS2000") || datum.contains("CHINA 2000") || datum.contains("CHINA GEODETIC COORDINATE SYSTEM 2000");
  }

  /** Upper case, every run of non-alphanumerics one space: {@code CGCS2000_3_Degree_GK_CM_117E} → {@code CGCS2000 3 DEGREE GK CM 117E}. */
  private static String normal(String s) {
    return s.toUpperCase(Locale.ROOT).replace("Ü", "U").replaceAll("[^A-Z0-9]+", " ").strip();
  }

  private static Optional<String> find(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static FeatureFileException refused(String what) {
    return FeatureFileException.badInput("crs", "the coordinate system " + what + " is not accepted; use " + SourceCrs.ACCEPTED);
  }
}
