package org.gridwatch.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real OpenStreetMap outlines in {@code data/osm}: the district and its 22 subdistricts. */
record OsmOutlines(Geometry district, List<Subdistrict> subdistricts) {

  record Subdistrict(String code, String name, String osmRelation, Geometry outline) {}

  static OsmOutlines read(Path osmDir, GeometryFactory factory) throws IOException {
    JsonMapper mapper = JsonMapper.builder().build();
    GeoJsonReader reader = new GeoJsonReader(factory);
    JsonNode district = mapper.readTree(osmDir.resolve("shibei_district.geojson").toFile());
    Geometry districtOutline = geometry(reader, district.get("features").get(0));
    List<Subdistrict> subdistricts = new ArrayList<>();
    for (JsonNode f : mapper.readTree(osmDir.resolve("shibei_subdistricts.geojson").toFile()).get("features")) {
      JsonNode p = f.get("properties");
      subdistricts.add(new Subdistrict(p.get("nbs_code").asString(), p.get("name").asString(),
          p.get("osm_id").asString(), geometry(reader, f)));
    }
    subdistricts.sort((a, b) -> a.code().compareTo(b.code()));
    return new OsmOutlines(districtOutline, subdistricts);
  }

  private static Geometry geometry(GeoJsonReader reader, JsonNode feature) {
    try {
      Geometry g = reader.read(feature.get("geometry").toString());
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad geometry in OSM outline", e);
    }
  }
}
