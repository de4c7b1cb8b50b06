package org.gridwatch.area;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a deployment says about its district ({@code gridwatch.district.*}). Code and names are only the fallback
 * before a hierarchy is loaded: once it is, the district area's own code and names are the district's.
 *
 * @param attribution where the boundaries come from and their licence, shown with every served copy
 * @param metricCrs {@code auto} (the CGCS2000 3-degree Gauss–Krüger zone nearest the district's centroid) or an
 *     EPSG code of one of those zones, e.g. {@code EPSG:4545}
 */
@ConfigurationProperties("gridwatch.district")
public record DistrictSettings(String code, String name, String nameEn, ZoneId timeZone, String metricCrs,
    String defaultLanguage, String attribution) {
  public DistrictSettings {
    if (timeZone == null) throw new IllegalStateException("gridwatch.district.time-zone must name a time zone");
    if (metricCrs == null || metricCrs.isBlank()) metricCrs = "auto";
    if (defaultLanguage == null || defaultLanguage.isBlank()) defaultLanguage = "zh";
    if (attribution == null) attribution = "";
    if (!defaultLanguage.equals("zh") && !defaultLanguage.equals("en")) {
      throw new IllegalStateException("gridwatch.district.default-language must be zh or en, not " + defaultLanguage);
    }
  }
}
