package org.gridwatch.tiles;

import org.gridwatch.replica.MayLag;
import java.util.Arrays;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Serves tiles and describes tile sets. A tile's ETag is the encoder's name and its source's version of the tile; a
 * request carrying that tag in {@code If-None-Match} is answered "not modified" without drawing anything, and a tile
 * drawn once is kept under its tag ({@link TileBytes}), so a warm tile costs its version only. The tag is weak
 * ({@code W/"..."}): it names the tile, not one encoding of its bytes, so the same tag holds for the gzipped answer
 * (and the web server compresses only answers with a weak tag).
 */
@Service
public class Tiles {
  /** Bumped when the drawing itself changes (simplification, properties), so every cached tile is refetched. */
  static final String FORMAT = "2";
  private static final String WEAK = "W/";

  private final TileSources sources;
  private final TileEncoder encoder;
  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final TileBytes bytes;

  Tiles(TileSources sources, TileEncoder encoder, AreaCatalog catalog, DistrictProfile district, TileBytes bytes) {
    this.sources = sources;
    this.encoder = encoder;
    this.bytes = bytes;
    this.catalog = catalog;
    this.district = district;
  }

  /**
   * A tile's answer: its tag, and its bytes unless the asker already holds them ({@code notModified}); bytes are null
   * for an empty tile too; {@code kept}: the bytes were drawn for an earlier request under the same tag.
   */
  public record Answer(TileLayer layer, String etag, boolean notModified, byte[] body, boolean kept) {}

  @MayLag
  public Answer tile(String layerPath, int z, int x, int y, String ifNoneMatch) {
    TileLayer layer = layer(layerPath);
    TileAddress tile = TileAddress.of(layer, z, x, y);
    String etag = "\"" + encoder.name() + FORMAT + "-" + sources.of(layer).version(layer, tile) + "\"";
    if (matches(ifNoneMatch, etag)) return new Answer(layer, WEAK + etag, true, null, false);
    TileBytes.Found found = bytes.get(layer, tile, etag, () -> encoder.encode(layer, tile));
    return new Answer(layer, WEAK + etag, false, found.body(), found.kept());
  }

  @MayLag
  public TileJson describe(String layerPath, String base) {
    TileLayer layer = layer(layerPath);
    List<TileJson.VectorLayer> vectorLayers = layer.vectorLayers().stream()
        .map(v -> new TileJson.VectorLayer(v.id(), v.fields(), layer.minZoom(), layer.maxZoom())).toList();
    Envelope extent = new Envelope();
    if (catalog.isReady()) for (AreaView d : catalog.now().level(AreaLevel.DISTRICT)) extent.expandToInclude(d.boundary().getEnvelopeInternal());
    List<Double> bounds = extent.isNull() ? List.of(-180.0, -85.0511287798066, 180.0, 85.0511287798066)
        : List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
    double zoom = Math.max(layer.minZoom(), 12);
    List<Double> center = extent.isNull() ? List.of(0.0, 0.0, (double) layer.minZoom())
        : List.of(extent.centre().x, extent.centre().y, zoom);
    String attribution = district.attribution();
    return new TileJson("3.0.0", layer.path(), "1.0." + sources.of(layer).sequence(layer), "xyz",
        List.of(base + "/tiles/" + layer.path() + "/{z}/{x}/{y}.mvt"), vectorLayers, layer.minZoom(), layer.maxZoom(),
        bounds, center, attribution == null || attribution.isBlank() ? null : attribution);
  }

  private TileLayer layer(String path) {
    return TileLayer.byPath(path).filter(sources::serves).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
        "unknown-tile-layer", "Unknown tile layer", Text.of("tiles.unknown-layer", path),
        List.of(new ProblemException.FieldError("layer", Text.of("tiles.layer-names", names())))));
  }

  private String names() {
    return Arrays.stream(TileLayer.values()).filter(sources::serves).map(TileLayer::path).collect(java.util.stream.Collectors.joining(", "));
  }

  /** Whether an If-None-Match header names the tag (or is {@code *}); weak comparison, as RFC 9110 asks for GET. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) return false;
    String bare = etag.substring(1, etag.length() - 1);
    return Arrays.stream(ifNoneMatch.split(",")).map(String::trim).map(t -> t.startsWith("W/") ? t.substring(2) : t)
        .anyMatch(t -> t.equals("*") || t.equals(etag) || t.equals(bare));
  }

}
