package org.gridwatch.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/portal?lon=&lat=[&crs=]} or {@code ?area=GRIDCODE}: the public portal of the grid a resident lives
 * in. Anyone may read it (no personal data). The ETag is a digest of the answer, so a lobby screen polling it gets
 * 304 until something it shows changes (a notice, a duty line, opening now).
 */
@RestController
class PortalController {
  private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

  private final PortalPlace place;
  private final Portal portal;

  PortalController(PortalPlace place, Portal portal) {
    this.place = place;
    this.portal = portal;
  }

  @GetMapping("/api/v1/portal")
  ResponseEntity<PortalAnswer> portal(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
      @RequestParam(required = false) String crs, @RequestParam(required = false) String area,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
    PortalPlace.Where w = place.resolve(lon, lat, crs, area);
    PortalAnswer answer = portal.of(w.grid(), w.community(), w.subdistrict(), w.lon(), w.lat());
    String etag = "\"" + digest(answer.toString()) + "\"";
    if (etag.equals(ifNoneMatch)) return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
    return ResponseEntity.ok().eTag(etag).cacheControl(CACHE).body(answer);
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
