package org.gridwatch.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Feature files as survey offices deliver them, written by writers independent of Gridwatch's readers: zipped
 * Shapefiles by H2GIS's SHPWRITE (with the .prj it derives from the SRID; encodings by H2GIS's names, {@code UTF-8},
 * {@code cp936} for GBK), GeoPackages by NGA's library,
 * GeoJSON by JTS's writer with an old-style {@code crs} member. Attributes are text or whole numbers.
 */
public final class FeatureFiles {
  /** One feature: its geometry in the file's CRS (x = easting or longitude) and its attributes in column order. */
  public record Row(Geometry geometry, Map<String, Object> attributes) {}

  private FeatureFiles() {}

  /** The files SHPWRITE writes for {@code rows} in EPSG:{@code srid}, by extension (".shp", ".prj", ...). */
  public static Map<String, byte[]> shapefileParts(int srid, List<Row> rows, String encoding) {
    try {
      Path dir = Files.createTempDirectory("shp-fixture");
      try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shp" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
          Statement s = c.createStatement()) {
        org.h2gis.functions.factory.H2GISFunctions.load(c);
        List<String> columns = new ArrayList<>(rows.get(0).attributes().keySet());
        StringBuilder ddl = new StringBuilder("create table layer (the_geom geometry(geometry, " + srid + ")");
        for (String col : columns) {
          ddl.append(", ").append(col).append(rows.get(0).attributes().get(col) instanceof Number ? " bigint" : " varchar(254)");
        }
        s.execute(ddl.append(")").toString());
        String insert = "insert into layer values (ST_SetSRID(ST_GeomFromText(?), " + srid + ")" + ", ?".repeat(columns.size()) + ")";
        try (PreparedStatement p = c.prepareStatement(insert)) {
          for (Row r : rows) {
            p.setString(1, r.geometry().toText());
            for (int i = 0; i < columns.size(); i++) p.setObject(i + 2, r.attributes().get(columns.get(i)));
            p.execute();
          }
        }
        String file = dir.resolve("layer.shp").toString().replace("'", "''");
        s.execute(encoding == null ? "CALL SHPWRITE('" + file + "', 'LAYER')" : "CALL SHPWRITE('" + file + "', 'LAYER', '" + encoding + "')");
        s.execute("SHUTDOWN");
      }
      Map<String, byte[]> parts = new LinkedHashMap<>();
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          parts.put(name.substring(name.lastIndexOf('.')).toLowerCase(), Files.readAllBytes(f));
          Files.delete(f);
        }
      }
      Files.delete(dir);
      return parts;
    } catch (IOException | java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A zip of {@code parts} (by extension) named {@code base}.ext. */
  public static byte[] zip(String base, Map<String, byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(base + e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** A zipped Shapefile with its .dbf in UTF-8 and a .cpg saying so, as QGIS writes one. */
  public static byte[] zippedShapefile(int srid, List<Row> rows) {
    Map<String, byte[]> parts = shapefileParts(srid, rows, "UTF-8");
    parts.put(".cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));
    return zip("delivery", parts);
  }

  /** A FeatureCollection with {@code "crs": {"type": "name", "properties": {"name": crsName}}} (none when null). */
  public static byte[] geoJson(String crsName, List<Row> rows) {
    GeoJsonWriter writer = new GeoJsonWriter(8);
    writer.setEncodeCRS(false);
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",");
    if (crsName != null) sb.append("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"").append(crsName).append("\"}},");
    sb.append("\"features\":[");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append("{\"type\":\"Feature\",\"properties\":{");
      int j = 0;
      for (var a : rows.get(i).attributes().entrySet()) {
        if (j++ > 0) sb.append(',');
        sb.append('"').append(a.getKey()).append("\":");
        Object v = a.getValue();
        sb.append(v == null ? "null" : v instanceof Number ? v.toString() : "\"" + v.toString().replace("\"", "\\\"") + "\"");
      }
      sb.append("},\"geometry\":").append(writer.write(rows.get(i).geometry())).append('}');
    }
    return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** NGA's own SRS when it knows the code, else one made here (NGA knows no Gauss–Krüger zone). */
  private static SpatialReferenceSystem srs(GeoPackage gpkg, int srid) throws java.sql.SQLException {
    try {
      return gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", srid);
    } catch (RuntimeException unknown) {
      SpatialReferenceSystem srs = new SpatialReferenceSystem();
      srs.setSrsName("EPSG:" + srid);
      srs.setSrsId(srid);
      srs.setOrganization("EPSG");
      srs.setOrganizationCoordsysId(srid);
      srs.setDefinition("undefined");
      gpkg.getSpatialReferenceSystemDao().create(srs);
      return srs;
    }
  }

  /** A GeoPackage with one feature table {@code table} in EPSG:{@code srid}. */
  public static byte[] geoPackage(String table, int srid, List<Row> rows) {
    try {
      Path dir = Files.createTempDirectory("gpkg-fixture");
      java.io.File file = dir.resolve(table + ".gpkg").toFile();
      GeoPackageManager.create(file);
      try (GeoPackage gpkg = GeoPackageManager.open(file)) {
        SpatialReferenceSystem srs = srs(gpkg, srid);
        GeometryColumns geometry = new GeometryColumns();
        geometry.setId(new TableColumnKey(table, "geom"));
        geometry.setGeometryType(GeometryType.GEOMETRY);
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrs(srs);
        List<FeatureColumn> columns = new ArrayList<>();
        for (var a : rows.get(0).attributes().entrySet()) {
          columns.add(FeatureColumn.createColumn(a.getKey(), a.getValue() instanceof Number ? GeoPackageDataType.INTEGER : GeoPackageDataType.TEXT));
        }
        Envelope env = new Envelope();
        rows.forEach(r -> env.expandToInclude(r.geometry().getEnvelopeInternal()));
        gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, columns,
            new BoundingBox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY())));
        FeatureDao dao = gpkg.getFeatureDao(table);
        WKBWriter wkb = new WKBWriter();
        for (Row r : rows) {
          FeatureRow row = dao.newRow();
          row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(), wkb.write(r.geometry())));
          for (var a : r.attributes().entrySet()) row.setValue(a.getKey(), a.getValue() instanceof Integer i ? Long.valueOf(i) : a.getValue());
          dao.create(row);
        }
      }
      byte[] bytes = Files.readAllBytes(file.toPath());
      Files.delete(file.toPath());
      Files.delete(dir);
      return bytes;
    } catch (IOException | java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
