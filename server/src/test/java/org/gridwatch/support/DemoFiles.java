package org.gridwatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled demo files read independently of the server (JTS's own GeoJSON reader), as the oracle
 * that tests compare the server's answers with.
 */
public final class DemoFiles {
  public record Feature(String code, String name, String parentCode, Geometry geometry, JsonNode properties) {}

  private static final Map<String, List<Feature>> CACHE = new TreeMap<>();

  private DemoFiles() {}

  public static synchronized List<Feature> read(String layer) {
    return CACHE.computeIfAbsent(layer, DemoFiles::load);
  }

  private static List<Feature> load(String layer) {
    try (InputStream in = DemoFiles.class.getResourceAsStream("/gridwatch/demo/" + layer + ".geojson")) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      GeoJsonReader reader = new GeoJsonReader();
      List<Feature> out = new ArrayList<>();
      for (JsonNode f : root.get("features")) {
        JsonNode p = f.get("properties");
        Geometry g = reader.read(f.get("geometry").toString());
        out.add(new Feature(p.get("code").asString(), p.get("name").asString(),
            p.has("parent_code") ? p.get("parent_code").asString() : null, g, p));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
