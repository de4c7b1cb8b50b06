package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Content-Security-Policy lets the map load tiles from the configured tile server and nothing else from outside. */
class BrowserPolicyTest {
  @Test
  void theTileServerOfTheConfigurationIsTheOnlyOtherImageSource() {
    assertThat(BrowserPolicy.contentSecurityPolicy("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
        .contains("img-src 'self' data: blob: https://tile.openstreetmap.org;");
    assertThat(BrowserPolicy.tileOrigin("https://{s}.tiles.example.cn:8443/{z}/{x}/{y}.png")).isEqualTo("https://*.tiles.example.cn:8443");
    assertThat(BrowserPolicy.contentSecurityPolicy("none")).contains("img-src 'self' data: blob:;").doesNotContain("http");
    assertThat(BrowserPolicy.tileOrigin("not a url")).isEmpty();
  }
}
