package org.gridwatch.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.support.Http;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Fetches tiles as bytes over HTTP and decodes them with the encoder library's own reader (MVT 2.1 ring rules). */
final class TileClient {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final Http http;

  TileClient(Http http) { this.http = http; }

  record Tile(int status, java.net.http.HttpHeaders headers, byte[] body) {
    String header(String name) { return headers.firstValue(name).orElse(null); }

    /** The decoded layers by name (empty for a 204). */
    Map<String, JtsLayer> layers() {
      if (body.length == 0) return Map.of();
      try {
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(body), new GeometryFactory(),
            new TagKeyValueMapConverter(false, "mvt_id"), MvtReader.RING_CLASSIFIER_V2_1);
        return mvt.getLayersByName();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The features of a layer: geometry in tile units (y down), properties as user data. */
    List<Geometry> features(String layer) {
      JtsLayer l = layers().get(layer);
      return l == null ? List.of() : new ArrayList<>(l.getGeometries());
    }

    Optional<Geometry> feature(String layer, String key, Object value) {
      return features(layer).stream().filter(g -> value.equals(props(g).get(key))).findFirst();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> props(Geometry g) { return (Map<String, Object>) g.getUserData(); }

  Tile get(String path, String... headers) {
    HttpRequest.Builder b = Http.withHeaders(HttpRequest.newBuilder(URI.create(http.url(path))).GET(), headers);
    try {
      HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Tile(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String path(String layer, TileAddress t) { return "/tiles/" + layer + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt"; }
}
