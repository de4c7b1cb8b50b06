package org.gridwatch.address;

import jakarta.servlet.http.HttpServletRequest;
import org.gridwatch.problem.ReaderLanguage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public address search: {@code GET /api/v1/geocode?q=&limit=} (residents use it on the report page, operators on
 * the hotline form) and {@code GET /api/v1/geocode/reverse?lon=&lat=} ("use my location").
 */
@RestController
class GeocodeController {
  private final Geocoder geocoder;

  GeocodeController(Geocoder geocoder) {
    this.geocoder = geocoder;
  }

  @GetMapping("/api/v1/geocode")
  GeocodeResults search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") int limit,
      HttpServletRequest request) {
    return geocoder.search(q, limit, ReaderLanguage.chinese(request));
  }

  @GetMapping("/api/v1/geocode/reverse")
  GeocodeResults reverse(@RequestParam double lon, @RequestParam double lat, HttpServletRequest request) {
    return geocoder.reverse(lon, lat, ReaderLanguage.chinese(request));
  }
}
