package org.gridwatch.tiles;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt} and {@code GET /tiles/{layer}.json}. Tile URLs never change; every answer
 * says "revalidate first" ({@code no-cache}) with a weak ETag (the tile, whatever its encoding: answers are gzipped
 * for browsers that accept it), so a browser re-downloads exactly the tiles whose tag changed; {@value #CACHE_HEADER} says whether the server drew the tile for this request. Who may read which layer is decided in security/AccessRules.
 */
@RestController
class TileController {
  static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
  /** {@code hit} when the bytes were kept from an earlier request under the same tag, {@code miss} when drawn now. */
  static final String CACHE_HEADER = "X-Tile-Cache";
  private final Tiles tiles;

  TileController(Tiles tiles) { this.tiles = tiles; }

  @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
  ResponseEntity<byte[]> tile(@PathVariable String layer, @PathVariable int z, @PathVariable int x, @PathVariable int y,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    Tiles.Answer a = tiles.tile(layer, z, x, y, ifNoneMatch);
    CacheControl cache = (a.layer().open() ? CacheControl.noCache().cachePublic() : CacheControl.noCache().cachePrivate());
    if (a.notModified()) return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(a.etag()).cacheControl(cache).build();
    String kept = a.kept() ? "hit" : "miss";
    if (a.body() == null) return ResponseEntity.noContent().eTag(a.etag()).cacheControl(cache).header(CACHE_HEADER, kept).build();
    return ResponseEntity.ok().eTag(a.etag()).cacheControl(cache).header(CACHE_HEADER, kept).contentType(MVT).body(a.body());
  }

  @GetMapping(value = "/tiles/{layer}.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TileJson> tileJson(@PathVariable String layer, HttpServletRequest request) {
    String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    TileJson json = tiles.describe(layer, base);
    boolean open = TileLayer.byPath(layer).map(TileLayer::open).orElse(false);
    return ResponseEntity.ok().cacheControl(open ? CacheControl.noCache().cachePublic() : CacheControl.noCache().cachePrivate()).body(json);
  }
}
