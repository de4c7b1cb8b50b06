package org.gridwatch.geo.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.io.FeatureFile.RowError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A GeoPackage's feature table (the only one, or the one named {@code layer}), rows in row order, its CRS from
 * {@code gpkg_spatial_ref_sys}: the organisation's code when it is EPSG, else the WKT definition ({@link WktCrs}).
 * Read with NGA's GeoPackage library through a temporary file (SQLite needs one), deleted afterwards.
 */
final class GeoPackageFeatures {
  private GeoPackageFeatures() {}

  record Raw(SourceCrs crs, List<SourceFeature> features, List<RowError> errors) {}

  static Raw read(byte[] body, String layer) {
    Path dir = TempFiles.directory();
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
        FeatureDao dao = gpkg.getFeatureDao(table(gpkg.getFeatureTables(), layer));
        return rows(dao, crs(dao.getSrs()));
      } catch (FeatureFileException e) {
        throw e;
      } catch (RuntimeException e) { // a truncated or damaged file fails as it is read, not as it is opened
        throw unreadable();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      TempFiles.delete(dir);
    }
  }

  private static SourceCrs crs(SpatialReferenceSystem srs) {
    if (srs == null) throw FeatureFileException.badInput("crs", "the layer has no spatial reference system; use " + SourceCrs.ACCEPTED);
    if ("EPSG".equalsIgnoreCase(srs.getOrganization())) {
      long code = srs.getOrganizationCoordsysId();
      return SourceCrs.ofEpsg((int) code).orElseThrow(() -> FeatureFileException.badInput("crs",
          "EPSG:" + code + " is not accepted; use " + SourceCrs.ACCEPTED));
    }
    String wkt = srs.getDefinition();
    if (wkt == null || wkt.isBlank() || wkt.strip().equalsIgnoreCase("undefined")) {
      throw FeatureFileException.badInput("crs", "the layer's spatial reference system " + srs.getOrganization() + ":"
          + srs.getOrganizationCoordsysId() + " is not defined; use " + SourceCrs.ACCEPTED);
    }
    return WktCrs.identify(wkt);
  }

  private static String table(List<String> tables, String layer) {
    if (layer != null) for (String t : tables) if (t.equalsIgnoreCase(layer)) return t;
    if (tables.size() == 1) return tables.get(0);
    throw FeatureFileException.badInput("layer", tables.isEmpty() ? "the GeoPackage has no feature table"
        : "the GeoPackage has feature tables " + tables + "; say which one to read");
  }

  private static FeatureFileException unreadable() {
    return FeatureFileException.badInput("body", "not a readable GeoPackage (damaged, truncated or another kind of file)");
  }

  private static List<String> attributes(FeatureDao dao) {
    List<String> out = new ArrayList<>();
    String geometry = dao.getGeometryColumnName(), pk = dao.getTable().getPkColumnName();
    for (String c : dao.getTable().getColumnNames()) if (!c.equalsIgnoreCase(geometry) && !c.equalsIgnoreCase(pk)) out.add(c);
    return out;
  }

  /** Reads every row; a row without a readable geometry is an error naming it. */
  private static Raw rows(FeatureDao dao, SourceCrs crs) {
    List<String> columns = attributes(dao);
    List<SourceFeature> out = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    WKBReader wkb = new WKBReader(Geometries.FACTORY);
    FeatureResultSet rs = dao.queryForAll();
    try {
      int i = 0;
      while (rs.moveToNext()) {
        FeatureRow row = rs.getRow();
        String field = "features[" + i + "].geometry";
        GeoPackageGeometryData data = row.getGeometry();
        try {
          if (data == null || data.isEmpty()) {
            errors.add(new RowError(field, "is empty (row fid " + row.getId() + ")"));
          } else {
            Geometry g = wkb.read(data.getWkb());
            Map<String, Object> properties = new LinkedHashMap<>();
            for (String c : columns) properties.put(c, value(row.getValue(c)));
            out.add(new SourceFeature(i, g, properties));
          }
        } catch (ParseException | IOException e) {
          errors.add(new RowError(field, "unreadable geometry (row fid " + row.getId() + ")"));
        }
        i++;
      }
    } finally {
      rs.close();
    }
    return new Raw(crs, out, errors);
  }

  private static Object value(Object v) {
    if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    if (v instanceof Float f) return f.doubleValue();
    return v.toString();
  }
}
