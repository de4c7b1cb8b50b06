package org.gridwatch.basemap;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The base maps of a deployment ({@code gridwatch.map.*}): the providers it knows, which of them the switch offers
 * and in what order, and the default. A provider whose URL carries {@code {tk}} needs the 天地图 key and is offered
 * only when {@code tianditu-key} is set.
 *
 * @param offered provider ids in the order the switch lists them; "无底图 / none" is always offered last
 * @param defaultProvider the id shown before a user chooses one (a provider of {@code offered}, or {@code none})
 * @param tileUrl the single tile URL of older configurations: {@code none} offers no base map at all, any other URL
 *     replaces the OpenStreetMap provider's (with {@code tileAttribution})
 * @param dataAttribution where the drawn areas come from, shown with them on every page
 */
@ConfigurationProperties("gridwatch.map")
public record BaseMapSettings(List<String> offered, String defaultProvider, String tiandituKey, String tileUrl,
    String tileAttribution, String dataAttribution, Map<String, Provider> providers) {
  public BaseMapSettings {
    offered = offered == null ? List.of() : offered.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (defaultProvider == null || defaultProvider.isBlank()) defaultProvider = offered.isEmpty() ? "none" : offered.get(0);
    tiandituKey = tiandituKey == null ? "" : tiandituKey.strip();
    tileUrl = tileUrl == null ? "" : tileUrl.strip();
    if (dataAttribution == null) dataAttribution = "";
    providers = providers == null ? Map.of() : Map.copyOf(providers);
  }

  /**
   * One tile provider.
   *
   * @param urls tile URL templates drawn in this order (a base layer, then e.g. its annotation layer), with
   *     {@code {z} {x} {y}}, optional {@code {s}} (one of {@code subdomains}) and {@code {tk}} (the 天地图 key)
   * @param subdomains the characters {@code {s}} takes, e.g. {@code 1234}
   * @param reviewNumber the provider's 审图号 (map review number), shown with its attribution; blank when it gives none
   */
  public record Provider(String name, String nameEn, List<String> urls, String subdomains, MapCrs crs,
      String attribution, String reviewNumber, Integer maxZoom) {
    public Provider {
      urls = urls == null ? List.of() : List.copyOf(urls);
      if (subdomains == null) subdomains = "";
      if (crs == null) crs = MapCrs.WGS84;
      if (attribution == null) attribution = "";
      if (reviewNumber == null) reviewNumber = "";
      if (maxZoom == null) maxZoom = 18;
    }
  }
}
