package org.gridwatch.basemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The base maps a deployment offers follow its properties: the shipped defaults, the 天地图 key, older tile-url. */
class BaseMapsTest {
  /** The shipped application.properties (read as Spring reads it), with {@code overrides} on top, bound as Spring binds them. */
  static BaseMaps configured(String... overrides) throws Exception {
    Properties shipped = new Properties();
    try (InputStream in = BaseMapsTest.class.getResourceAsStream("/application.properties")) {
      shipped.load(in); // ISO-8859-1 with unicode escapes, as Spring Boot reads it
    }
    Map<String, String> props = new HashMap<>();
    shipped.stringPropertyNames().stream().filter(k -> k.startsWith("gridwatch.map.")).forEach(k -> props.put(k, shipped.getProperty(k)));
    props.put("gridwatch.map.data-attribution", "Boundaries: survey office");
    for (int i = 0; i < overrides.length; i += 2) props.put(overrides[i], overrides[i + 1]);
    return new BaseMaps(new Binder(new MapConfigurationPropertySource(props)).bind("gridwatch.map", BaseMapSettings.class).get());
  }

  static java.util.List<String> ids(BaseMaps maps) { return maps.offered().stream().map(BaseMap::id).toList(); }

  @Test
  void withoutTheTiandituKeyOnlyOpenStreetMapAmapAndNoneAreOffered() throws Exception {
    BaseMaps maps = configured();
    assertThat(ids(maps)).containsExactly("osm", "amap", "none");
    assertThat(maps.defaultId()).isEqualTo("osm");
    BaseMap amap = maps.offered().get(1);
    assertThat(amap.crs()).isEqualTo(MapCrs.GCJ02);
    assertThat(amap.subdomains()).isEqualTo("1234");
    assertThat(amap.nameEn()).isEqualTo("AMap");
    assertThat(amap.name()).isEqualTo("高德地图");
    assertThat(maps.tileOrigins()).containsExactly("https://tile.openstreetmap.org", "https://webrd01.is.autonavi.com",
        "https://webrd02.is.autonavi.com", "https://webrd03.is.autonavi.com", "https://webrd04.is.autonavi.com");
  }

  @Test
  void theKeyOffersBothTiandituMapsWithTheirAnnotationLayerAndTheKeyFilledIn() throws Exception {
    BaseMaps maps = configured("gridwatch.map.tianditu-key", "abc123", "gridwatch.map.providers.tianditu-vector.review-number", "GS(2099)1号");
    assertThat(ids(maps)).containsExactly("osm", "tianditu-vector", "tianditu-imagery", "amap", "none");
    BaseMap vector = maps.offered().get(1), imagery = maps.offered().get(2);
    assertThat(vector.urls()).hasSize(2).allMatch(u -> u.endsWith("&tk=abc123"));
    assertThat(vector.urls().get(0)).contains("/vec_w/");
    assertThat(vector.urls().get(1)).contains("/cva_w/");
    assertThat(imagery.urls().get(0)).contains("/img_w/");
    assertThat(imagery.urls().get(1)).contains("/cia_w/");
    assertThat(vector.crs()).isEqualTo(MapCrs.WGS84);
    assertThat(vector.reviewNumber()).isEqualTo("GS(2099)1号");
    assertThat(maps.tileOrigins()).contains("https://t0.tianditu.gov.cn", "https://t7.tianditu.gov.cn").doesNotContain("https://t8.tianditu.gov.cn");
  }

  @Test
  void theOrderTheDefaultAndANewProviderComeFromProperties() throws Exception {
    BaseMaps maps = configured("gridwatch.map.offered", "local,amap", "gridwatch.map.default-provider", "local",
        "gridwatch.map.providers.local.name", "区测绘院", "gridwatch.map.providers.local.name-en", "Survey office",
        "gridwatch.map.providers.local.urls[0]", "https://tiles.survey.example.cn:8443/{z}/{x}/{y}.png",
        "gridwatch.map.providers.local.max-zoom", "20");
    assertThat(ids(maps)).containsExactly("local", "amap", "none");
    assertThat(maps.defaultId()).isEqualTo("local");
    assertThat(maps.offered().get(0).maxZoom()).isEqualTo(20);
    assertThat(maps.tileOrigins()).first().isEqualTo("https://tiles.survey.example.cn:8443");
    assertThat(maps.tileOrigins()).doesNotContain("https://tile.openstreetmap.org");
  }

  @Test
  void theOlderTileUrlStillWorks() throws Exception {
    BaseMaps none = configured("gridwatch.map.tile-url", "none");
    assertThat(ids(none)).containsExactly("none");
    assertThat(none.defaultId()).isEqualTo("none");
    assertThat(none.tileOrigins()).isEmpty();
    BaseMaps own = configured("gridwatch.map.tile-url", "https://{s}.tiles.example.cn/{z}/{x}/{y}.png",
        "gridwatch.map.tile-attribution", "Example tiles");
    assertThat(own.offered().get(0).urls()).containsExactly("https://{s}.tiles.example.cn/{z}/{x}/{y}.png");
    assertThat(own.offered().get(0).attribution()).isEqualTo("Example tiles");
    assertThat(own.tileOrigins()).contains("https://a.tiles.example.cn", "https://c.tiles.example.cn").doesNotContain("https://tile.openstreetmap.org");
  }

  @Test
  void aMistakeInTheConfigurationStopsTheStartNamingTheProperty() {
    assertThatThrownBy(() -> configured("gridwatch.map.offered", "osm,baidu"))
        .hasMessageContaining("gridwatch.map.providers.baidu");
    assertThatThrownBy(() -> configured("gridwatch.map.providers.amap.urls[0]", "webrd0{s}.is.autonavi.com/{z}/{x}/{y}"))
        .hasMessageContaining("gridwatch.map.providers.amap.urls");
    assertThatThrownBy(() -> configured("gridwatch.map.default-provider", "bing"))
        .hasMessageContaining("gridwatch.map.default-provider");
    assertThatThrownBy(() -> configured("gridwatch.map.providers.amap.subdomains", ""))
        .hasMessageContaining("gridwatch.map.providers.amap.subdomains");
  }
}
