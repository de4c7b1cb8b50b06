package org.gridwatch.client;

import java.util.Arrays;
import java.util.List;
import org.gridwatch.basemap.BaseMap;
import org.gridwatch.basemap.BaseMaps;
import org.gridwatch.geo.Crs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/config}: what the web client needs to start (the base maps of the switch, attribution). */
@RestController
class ClientConfigController {
  private final ClientConfig config;

  ClientConfigController(BaseMaps baseMaps) {
    this.config = new ClientConfig(baseMaps.offered(), baseMaps.defaultId(), baseMaps.dataAttribution(),
        Arrays.stream(Crs.values()).map(Enum::name).toList());
  }

  /**
   * @param baseMaps the base maps the switch offers, in order, "none" last
   * @param defaultBaseMap the id shown until the user picks one
   * @param dataAttribution where the drawn areas come from
   * @param crs the coordinate systems the locate form accepts
   */
  record ClientConfig(List<BaseMap> baseMaps, String defaultBaseMap, String dataAttribution, List<String> crs) {}

  @GetMapping("/api/v1/config")
  ClientConfig config() { return config; }
}
