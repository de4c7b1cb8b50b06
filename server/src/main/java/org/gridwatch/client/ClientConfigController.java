package org.gridwatch.client;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/config}: what the web client needs to start (base map tiles, attribution). */
@RestController
class ClientConfigController {
  private final String tileUrl;
  private final String tileAttribution;

  ClientConfigController(@Value("${gridwatch.map.tile-url}") String tileUrl,
      @Value("${gridwatch.map.tile-attribution}") String tileAttribution) {
    this.tileUrl = tileUrl;
    this.tileAttribution = tileAttribution;
  }

  @GetMapping("/api/v1/config")
  Map<String, Object> config() {
    Map<String, Object> m = new LinkedHashMap<>();
    boolean none = tileUrl == null || tileUrl.isBlank() || tileUrl.equalsIgnoreCase("none");
    m.put("tileUrl", none ? null : tileUrl);
    m.put("tileAttribution", tileAttribution);
    m.put("dataAttribution", "&copy; OpenStreetMap contributors (ODbL); communities, grids and buildings are synthetic");
    m.put("crs", java.util.Arrays.stream(org.gridwatch.geo.Crs.values()).map(Enum::name).toList());
    return m;
  }
}
