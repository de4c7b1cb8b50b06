package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.Geometries;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A level of areas as a GeoPackage (what QGIS edits natively): one feature table named after the level, EPSG:4326,
 * MultiPolygon geometry {@code geom}, and the columns code, name, parent, version, households, residents, etag.
 * Reading takes the table named after the level (or the only feature table) and its code, name and parent
 * columns; {@code features[i]} in refusals is the i-th row in row order. Works through a temporary file, as
 * SQLite needs one; the file is deleted afterwards.
 */
final class GeoPackageLayer {
  static final String MEDIA_TYPE = "application/geopackage+sqlite3";

  private GeoPackageLayer() {}

  static byte[] write(String table, List<AreaView> areas) {
    Path dir = tempDir();
    try {
      java.io.File file = dir.resolve(table + ".gpkg").toFile();
      GeoPackageManager.create(file);
      try (GeoPackage gpkg = GeoPackageManager.open(file)) {
        SpatialReferenceSystem srs = gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", Geometries.WGS84_SRID);
        GeometryColumns geometry = new GeometryColumns();
        geometry.setId(new TableColumnKey(table, "geom"));
        geometry.setGeometryType(GeometryType.MULTIPOLYGON);
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrs(srs);
        List<FeatureColumn> columns = List.of(
            FeatureColumn.createColumn("code", GeoPackageDataType.TEXT),
            FeatureColumn.createColumn("name", GeoPackageDataType.TEXT),
            FeatureColumn.createColumn("parent", GeoPackageDataType.TEXT),
            FeatureColumn.createColumn("version", GeoPackageDataType.INTEGER),
            FeatureColumn.createColumn("households", GeoPackageDataType.INTEGER),
            FeatureColumn.createColumn("residents", GeoPackageDataType.INTEGER),
            FeatureColumn.createColumn("etag", GeoPackageDataType.TEXT));
        Envelope env = new Envelope();
        areas.forEach(a -> env.expandToInclude(a.boundary().getEnvelopeInternal()));
        BoundingBox box = env.isNull() ? new BoundingBox() : new BoundingBox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
        gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, columns, box));
        FeatureDao dao = gpkg.getFeatureDao(table);
        WKBWriter wkb = new WKBWriter();
        gpkg.beginTransaction();
        for (AreaView a : areas) {
          FeatureRow row = dao.newRow();
          row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(), wkb.write(a.boundary())));
          for (Map.Entry<String, Object> e : GeoJsonLayer.properties(a).entrySet()) {
            row.setValue(e.getKey(), e.getValue() instanceof Integer i ? Long.valueOf(i) : e.getValue());
          }
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
      delete(dir);
    }
  }

  static List<AreaFeature> read(byte[] body, String level) {
    Path dir = tempDir();
    try {
      Path file = dir.resolve("upload.gpkg");
      Files.write(file, body);
      GeoPackage gpkg;
      try {
        gpkg = GeoPackageManager.open(file.toFile(), true);
      } catch (RuntimeException e) {
        throw unreadable();
      }
      try (gpkg) {
        return layer(gpkg, level);
      } catch (ProblemException e) {
        throw e;
      } catch (RuntimeException e) { // a truncated or damaged file fails as it is read, not as it is opened
        throw unreadable();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  /** A file that is not a GeoPackage, or one damaged or cut short (the server's paths and driver messages stay inside). */
  private static ProblemException unreadable() {
    return ProblemException.badInput("body", Text.of("redistrict.not-readable-geopackage-damaged-truncated"));
  }

  private static List<AreaFeature> layer(GeoPackage gpkg, String level) {
    FeatureDao dao = gpkg.getFeatureDao(table(gpkg.getFeatureTables(), level));
    SpatialReferenceSystem srs = dao.getSrs();
    if (srs == null || !"EPSG".equalsIgnoreCase(srs.getOrganization()) || srs.getOrganizationCoordsysId() != Geometries.WGS84_SRID) {
      throw ProblemException.badInput("crs", Text.of("redistrict.layer-must-epsg-4326-wgs", srs == null ? Text.of("redistrict.unknown") : Text.of("redistrict.x-x", srs.getOrganization(), srs.getOrganizationCoordsysId())));
    }
    List<String> names = List.of(dao.getTable().getColumnNames());
    String code = column(names, "code", true), name = column(names, "name", false), parent = column(names, "parent", false);
    return rows(dao, code, name, parent);
  }

  private static List<AreaFeature> rows(FeatureDao dao, String code, String name, String parent) {
    List<AreaFeature> out = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    WKBReader wkb = new WKBReader(Geometries.FACTORY);
    FeatureResultSet rs = dao.queryForAll();
    try {
      int i = 0;
      while (rs.moveToNext()) {
        FeatureRow row = rs.getRow();
        String field = "features[" + i + "].geometry";
        GeoPackageGeometryData data = row.getGeometry();
        Geometry g = null;
        try {
          if (data == null || data.isEmpty()) errors.add(new FieldError(field, Text.of("redistrict.empty-row-fid-x", row.getId())));
          else g = wkb.read(data.getWkb());
        } catch (ParseException | IOException e) {
          errors.add(new FieldError(field, Text.of("redistrict.unreadable-geometry-row-fid-x", row.getId(), e.getMessage())));
        }
        if (g != null) {
          g.setSRID(Geometries.WGS84_SRID);
          out.add(new AreaFeature(i, text(row, code), text(row, name), text(row, parent), g));
        }
        i++;
      }
    } finally {
      rs.close();
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return out;
  }

  /** The table named after the level, or the only feature table. */
  private static String table(List<String> tables, String level) {
    for (String t : tables) if (t.equalsIgnoreCase(level)) return t;
    if (tables.size() == 1) return tables.get(0);
    throw ProblemException.badInput("body", tables.isEmpty() ? Text.of("redistrict.geopackage-has-no-feature-table") : Text.of("redistrict.geopackage-has-feature-tables-x", tables, level));
  }

  private static String column(List<String> names, String wanted, boolean required) {
    for (String n : names) if (n.equalsIgnoreCase(wanted)) return n;
    if (required) throw ProblemException.badInput("body", Text.of("redistrict.layer-has-no-x-column", wanted));
    return null;
  }

  private static String text(FeatureRow row, String column) {
    if (column == null) return null;
    Object v = row.getValue(column);
    if (v == null) return null;
    String s = v instanceof Double d && d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("gridwatch-gpkg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }
}
