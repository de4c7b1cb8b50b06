package org.gridwatch.area;

import java.time.ZoneId;
import java.util.List;
import org.gridwatch.geo.GaussKruger;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The district this deployment serves: configuration ({@link DistrictSettings}) completed by the loaded hierarchy
 * (the district area's code, names, outline). It chooses the metric CRS every length and area is measured in: the
 * configured CGCS2000 Gauss–Krüger zone, else the zone whose central meridian is nearest the district's centroid,
 * chosen again whenever the catalog loads a district ({@link AreaCatalog#reload()}).
 */
@Component
public class DistrictProfile {
  private static final Logger log = LoggerFactory.getLogger(DistrictProfile.class);
  private final DistrictSettings settings;
  private final GridStandards grids;
  private final GaussKruger configured;
  private volatile AreaView district;

  DistrictProfile(DistrictSettings settings, GridStandards grids) {
    this.settings = settings;
    this.grids = grids;
    this.configured = settings.metricCrs().equalsIgnoreCase("auto") ? null : parse(settings.metricCrs());
    if (configured != null) MetricProjection.use(configured);
  }

  private static GaussKruger parse(String code) {
    String digits = code.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^EPSG:", "");
    GaussKruger zone = digits.matches("\\d{4}") ? GaussKruger.ofEpsg(Integer.parseInt(digits)).orElse(null) : null;
    if (zone == null) {
      throw new IllegalStateException("gridwatch.district.metric-crs must be auto or a CGCS2000 3-degree Gauss-Kruger "
          + "zone (EPSG:4513-4554), not " + code);
    }
    return zone;
  }

  /** Called with each newly loaded district area (null when the hierarchy is empty). */
  void adopt(AreaView loaded) {
    this.district = loaded;
    if (loaded != null) measureFor(loaded.code(), loaded.name(), loaded.boundary());
  }

  /**
   * Measures in the zone of a district about to be imported (unless one is configured), so that its tiling and
   * areas are checked and stored in the metres it will be measured in once loaded.
   */
  void measureFor(String code, String name, org.locationtech.jts.geom.Geometry boundary) {
    if (configured != null) return;
    Point centroid = boundary.getCentroid();
    GaussKruger zone = GaussKruger.nearest(centroid.getX());
    if (!zone.equals(MetricProjection.zoneIfChosen())) {
      log.info("District {} ({}): centroid {} E, measuring in {}", code, name,
          String.format(java.util.Locale.ROOT, "%.3f", centroid.getX()), zone);
    }
    MetricProjection.use(zone);
  }

  public ZoneId timeZone() { return settings.timeZone(); }

  /** The household band of grids in a community (its own when configured, else the deployment's). */
  public HouseholdBand householdBand(String communityCode) { return grids.bandOf(communityCode); }

  /** Outlines scoring under this Polsby-Popper value are warned about as stringy. */
  public double polsbyPopperWarning() { return grids.polsbyPopperWarning(); }

  /** Where the boundaries come from and their licence (empty when the deployment says nothing). */
  public String attribution() { return settings.attribution(); }

  /** "Songhua District (230104)"-style label in English, for documents that describe the data. */
  public String label() {
    String c = code();
    return c == null ? "the district (no hierarchy loaded)" : name(true) + " (" + c + ")";
  }

  public String defaultLanguage() { return settings.defaultLanguage(); }

  /** The district's code: the loaded district area's, else the configured one (may be null on an empty system). */
  public String code() {
    AreaView d = district;
    return d != null ? d.code() : settings.code();
  }

  /** The district's name in the reader's language ({@code en} or Chinese). */
  public String name(boolean english) {
    AreaView d = district;
    String zh = d != null ? d.name() : settings.name();
    String en = d != null ? d.nameEn() : settings.nameEn();
    return english && en != null && !en.isBlank() ? en : zh;
  }

  /** The metric zone in use: configured, or chosen from the loaded district; null while neither exists. */
  public GaussKruger metricZone() { return configured != null ? configured : MetricProjection.zoneIfChosen(); }

  public District describe() {
    AreaView d = district;
    GaussKruger zone = metricZone();
    String chosenBy = configured != null ? "configured" : zone != null ? "nearest-centroid" : "none";
    District.MetricCrs crs = new District.MetricCrs(zone == null ? null : "EPSG:" + zone.epsg(),
        zone == null ? null : zone.centralMeridian(), zone == null ? null : zone.toString(), chosenBy);
    List<Double> extent = null, center = null;
    if (d != null) {
      Envelope e = d.boundary().getEnvelopeInternal();
      extent = List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
      Point inside = d.boundary().getInteriorPoint();
      center = List.of(inside.getX(), inside.getY());
    }
    return new District(d != null, code(), name(false), d != null ? d.nameEn() : settings.nameEn(),
        settings.timeZone().getId(), settings.defaultLanguage(), settings.attribution(), crs, extent, center,
        grids.households(), grids.polsbyPopperWarning(), grids.communityHouseholds());
  }
}
