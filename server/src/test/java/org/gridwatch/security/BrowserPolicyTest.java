package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Content-Security-Policy lets the map load tiles from the offered base maps' servers and nothing else from outside. */
class BrowserPolicyTest {
  @Test
  void theTileServersOfTheOfferedBaseMapsAreTheOnlyOtherImageSources() {
    assertThat(BrowserPolicy.contentSecurityPolicy(List.of("https://tile.openstreetmap.org", "https://webrd01.is.autonavi.com")))
        .contains("img-src 'self' data: blob: https://tile.openstreetmap.org https://webrd01.is.autonavi.com;");
    assertThat(BrowserPolicy.contentSecurityPolicy(List.of())).contains("img-src 'self' data: blob:;").doesNotContain("http");
  }
}
