package org.gridwatch.geo.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes WGS 84 features with text attributes in the formats {@link FeatureFileReader} reads back: a GeoJSON
 * FeatureCollection (RFC 7946, CRS84) or a GeoPackage with one feature table in EPSG:4326. What a district exports
 * it can import again.
 */
public final class FeatureFileWriter {
  /** One feature: a WGS 84 geometry and its attribute values in column order (null for none). */
  public record Row(Geometry geometry, List<String> values) {}

  private FeatureFileWriter() {}

  public static byte[] geoJson(String name, List<String> columns, List<Row> rows) {
    StringBuilder sb = new StringBuilder(1024 + rows.size() * 2048);
    sb.append("{\"type\":\"FeatureCollection\",\"name\":").append(string(name)).append(",\"features\":[");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      sb.append(i > 0 ? ",\n" : "\n").append("{\"type\":\"Feature\",\"properties\":{");
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) sb.append(',');
        String v = r.values().get(c);
        sb.append(string(columns.get(c))).append(':').append(v == null ? "null" : string(v));
      }
      sb.append("},\"geometry\":");
      GeoJson.write(sb, r.geometry());
      sb.append('}');
    }
    return sb.append("\n]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON string literal. */
  private static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch)); else sb.append(ch);
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A GeoPackage with the feature table {@code table} (geometry column {@code geom}, text columns). */
  public static byte[] geoPackage(String table, List<String> columns, List<Row> rows) {
    Path dir = TempFiles.directory();
    try {
      java.io.File file = dir.resolve("export.gpkg").toFile();
      GeoPackageManager.create(file);
      try (GeoPackage gpkg = GeoPackageManager.open(file)) {
        SpatialReferenceSystem srs = gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", Geometries.WGS84_SRID);
        GeometryColumns geometry = new GeometryColumns();
        geometry.setId(new TableColumnKey(table, "geom"));
        geometry.setGeometryType(GeometryType.GEOMETRY);
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrs(srs);
        List<FeatureColumn> featureColumns = new ArrayList<>();
        for (String c : columns) featureColumns.add(FeatureColumn.createColumn(c, GeoPackageDataType.TEXT));
        Envelope env = new Envelope();
        rows.forEach(r -> env.expandToInclude(r.geometry().getEnvelopeInternal()));
        BoundingBox box = env.isNull() ? new BoundingBox() : new BoundingBox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
        gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, featureColumns, box));
        FeatureDao dao = gpkg.getFeatureDao(table);
        WKBWriter wkb = new WKBWriter();
        gpkg.beginTransaction();
        for (Row r : rows) {
          FeatureRow row = dao.newRow();
          row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(), wkb.write(r.geometry())));
          for (int c = 0; c < columns.size(); c++) row.setValue(columns.get(c), r.values().get(c));
          dao.create(row);
        }
        gpkg.endTransaction();
      }
      return Files.readAllBytes(file.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the GeoPackage", e);
    } finally {
      TempFiles.delete(dir);
    }
  }
}
