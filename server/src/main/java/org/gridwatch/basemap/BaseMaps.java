package org.gridwatch.basemap;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The base maps this deployment offers, resolved once at start-up from {@link BaseMapSettings}: in the switch's
 * order, "none" last, providers that need the missing 天地图 key left out. A configuration that names an unknown
 * provider or a tile URL that is not an http(s) URL stops the start with a message naming the property.
 * Immutable and thread-safe.
 */
@Component
public class BaseMaps {
  private static final Logger log = LoggerFactory.getLogger(BaseMaps.class);
  private static final String KEY = "{tk}";

  private final List<BaseMap> offered;
  private final String defaultId;
  private final String dataAttribution;

  public BaseMaps(BaseMapSettings settings) {
    this.offered = List.copyOf(resolve(settings));
    this.defaultId = chooseDefault(settings, offered);
    this.dataAttribution = settings.dataAttribution();
  }

  public List<BaseMap> offered() { return offered; }

  public String defaultId() { return defaultId; }

  public String dataAttribution() { return dataAttribution; }

  /** Every origin (scheme, host, port) a tile of an offered base map comes from, one per subdomain. */
  public Set<String> tileOrigins() {
    Set<String> origins = new LinkedHashSet<>();
    for (BaseMap map : offered) {
      for (String url : map.urls()) {
        if (!url.contains("{s}")) origins.add(origin(url, map.id()));
        else for (char s : map.subdomains().toCharArray()) origins.add(origin(url.replace("{s}", String.valueOf(s)), map.id()));
      }
    }
    return origins;
  }

  private static List<BaseMap> resolve(BaseMapSettings settings) {
    List<BaseMap> maps = new ArrayList<>();
    if (settings.tileUrl().equalsIgnoreCase(BaseMap.NONE)) return List.of(BaseMap.none());
    for (String id : withLegacyTileUrl(settings)) {
      if (id.equals(BaseMap.NONE)) continue;
      BaseMapSettings.Provider p = id.equals("osm") && !settings.tileUrl().isEmpty() ? legacy(settings) : settings.providers().get(id);
      if (p == null) throw new IllegalStateException("gridwatch.map.offered names " + id + " but gridwatch.map.providers." + id + " is not set");
      if (p.urls().isEmpty()) throw new IllegalStateException("gridwatch.map.providers." + id + ".urls is empty");
      if (p.urls().stream().anyMatch(u -> u.contains(KEY)) && settings.tiandituKey().isEmpty()) {
        log.info("Base map {} is not offered: it needs gridwatch.map.tianditu-key", id);
        continue;
      }
      List<String> urls = p.urls().stream().map(u -> u.replace(KEY, settings.tiandituKey())).toList();
      BaseMap map = new BaseMap(id, p.name() == null ? id : p.name(), p.nameEn() == null ? id : p.nameEn(), urls,
          p.subdomains(), p.crs(), p.attribution(), p.reviewNumber(), p.maxZoom());
      for (String url : urls) {
        if (url.contains("{s}") && map.subdomains().isEmpty()) {
          throw new IllegalStateException("gridwatch.map.providers." + id + ".subdomains must list what {s} stands for");
        }
        origin(url.replace("{s}", "a"), id);
      }
      maps.add(map);
    }
    maps.add(BaseMap.none());
    return maps;
  }

  /** The offered ids; an older configuration's single tile URL stands for the OpenStreetMap provider. */
  private static List<String> withLegacyTileUrl(BaseMapSettings settings) {
    if (settings.tileUrl().isEmpty() || settings.offered().contains("osm")) return settings.offered();
    List<String> ids = new ArrayList<>(List.of("osm"));
    ids.addAll(settings.offered());
    return ids;
  }

  private static BaseMapSettings.Provider legacy(BaseMapSettings settings) {
    BaseMapSettings.Provider osm = settings.providers().get("osm");
    String attribution = settings.tileAttribution() != null ? settings.tileAttribution() : osm == null ? "" : osm.attribution();
    return new BaseMapSettings.Provider(osm == null ? null : osm.name(), osm == null ? null : osm.nameEn(),
        List.of(settings.tileUrl()), "abc", MapCrs.WGS84, attribution, "", osm == null ? 19 : osm.maxZoom()); // {s}: a, b or c, as the old single URL had
  }

  private static String chooseDefault(BaseMapSettings settings, List<BaseMap> offered) {
    String wanted = settings.defaultProvider();
    if (offered.stream().anyMatch(m -> m.id().equals(wanted))) return wanted;
    if (!wanted.equals(BaseMap.NONE) && !settings.offered().contains(wanted) && settings.tileUrl().isEmpty()) {
      throw new IllegalStateException("gridwatch.map.default-provider " + wanted + " is not in gridwatch.map.offered");
    }
    return offered.get(0).id(); // the wanted one needs the key, or the old tile-url=none offers nothing else
  }

  private static String origin(String template, String id) {
    String concrete = template.replaceAll("\\{[^}]*}", "0");
    URI u;
    try {
      u = URI.create(concrete);
    } catch (IllegalArgumentException e) {
      u = null;
    }
    if (u == null || u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
      throw new IllegalStateException("gridwatch.map.providers." + id + ".urls holds " + template + ", not an http(s) tile URL template");
    }
    return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
  }
}
