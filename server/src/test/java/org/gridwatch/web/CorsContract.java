package org.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser clients on another site: the test profiles allow {@code https://map.example.test} and
 * {@code http://localhost:9999}; every other origin gets no CORS header, and without the setting no origin does.
 */
abstract class CorsContract {
  static final String ALLOWED = "https://map.example.test";
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  Http.Response preflight(String path, String origin, String method, String headers) {
    return http.options(path, "Origin", origin, "Access-Control-Request-Method", method,
        "Access-Control-Request-Headers", headers);
  }

  @Test
  void aConfiguredOriginMayReadAndWriteTheInterfacesWithCredentials() {
    for (String path : new String[] {"/ogcapi/collections/grids/items", "/api/v1/incidents", "/open311/v2/requests.json"}) {
      Http.Response read = preflight(path, ALLOWED, "GET", "accept");
      assertThat(read.status()).as(path).isEqualTo(200);
      assertThat(read.header("Access-Control-Allow-Origin")).as(path).isEqualTo(ALLOWED);
      assertThat(read.header("Access-Control-Allow-Credentials")).as(path).isEqualTo("true");
    }
    Http.Response write = preflight("/ogcapi/collections/grids/items/370203014001001", "http://localhost:9999", "PUT",
        "authorization,content-type,if-match");
    assertThat(write.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:9999");
    assertThat(write.header("Access-Control-Allow-Methods")).contains("PUT");
    assertThat(write.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization", "if-match");
    Http.Response get = http.get("/ogcapi/collections/grids/items?limit=1", "Origin", ALLOWED);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    assertThat(get.header("Access-Control-Expose-Headers")).contains("ETag");
  }

  @Test
  void anyOtherOriginGetsNoCorsHeader() {
    for (String origin : new String[] {"https://evil.example", "https://map.example.test.evil.example", "null"}) {
      Http.Response r = preflight("/api/v1/incidents", origin, "POST", "content-type");
      assertThat(r.header("Access-Control-Allow-Origin")).as(origin).isNull();
      assertThat(http.get("/ogcapi/collections", "Origin", origin).header("Access-Control-Allow-Origin")).as(origin).isNull();
    }
    // Only the interfaces for other programs: the sign-in form is never offered cross-origin.
    assertThat(preflight("/login", ALLOWED, "POST", "content-type").header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void withoutTheSettingNoOriginIsAllowed() {
    var none = CorsSettings.source("");
    var request = new org.springframework.mock.web.MockHttpServletRequest("OPTIONS", "/ogcapi/collections");
    request.addHeader("Origin", ALLOWED);
    assertThat(none.getCorsConfiguration(request)).isNull();
    assertThat(CorsSettings.source(" , ").getCorsConfiguration(request)).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CorsSettings.source("*"))
        .hasMessageContaining("gridwatch.cors.allowed-origins");
  }
}
