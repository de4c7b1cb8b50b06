package org.gridwatch.geo.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.geo.io.FeatureFile.RowError;
import org.h2.value.Value;
import org.h2gis.functions.io.dbf.internal.DbaseFileReader;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.Geometry;

/**
 * A zipped ESRI Shapefile: one {@code .shp} with its {@code .shx}, {@code .dbf} and {@code .prj} (required: a
 * Shapefile's coordinates mean nothing without it) and an optional {@code .cpg} naming the .dbf's encoding.
 *
 * <p><b>Why H2GIS's reader.</b> GeoTools is not on Maven Central, and the server already depends on H2GIS (the
 * embedded database) whose {@code ShapefileReader}, {@code IndexFile} and {@code DbaseFileReader} are maintained,
 * tested against real deliveries and handle every shape type and the dBASE field types; writing our own would add a
 * second, less tried parser of a binary format. They read files, so the zip is unpacked into a private temporary
 * directory (deleted afterwards) under fixed names, never the names in the zip.
 *
 * <p><b>Encoding of the .dbf.</b> The {@code .cpg} when present ({@code UTF-8}, {@code GBK}, {@code 936},
 * {@code 65001}, ...); without one, GBK. Chinese deliveries are made with ArcGIS on Chinese Windows, which writes
 * the .dbf in the system code page (936, GBK) and adds a .cpg only for another encoding, while tools that write
 * UTF-8 (QGIS, GDAL) write a .cpg saying so. GBK reads ASCII unchanged, so English-only files read the same.
 */
final class ShapefileFeatures {
  /** The encoding of a .dbf that has no .cpg. */
  static final Charset DEFAULT_DBF_ENCODING = Charset.forName("GBK");

  private ShapefileFeatures() {}

  record Raw(SourceCrs crs, List<SourceFeature> features, List<RowError> errors) {}

  static Raw read(Map<String, byte[]> zip, String layer) {
    String base = shapefile(zip, layer);
    byte[] shp = zip.get(base + ".shp"), shx = part(zip, base, ".shx"), dbf = part(zip, base, ".dbf"), prj = part(zip, base, ".prj");
    byte[] cpg = zip.get(base + ".cpg");
    SourceCrs crs = WktCrs.identify(text(prj, StandardCharsets.UTF_8));
    Charset encoding = cpg == null ? DEFAULT_DBF_ENCODING : encoding(text(cpg, StandardCharsets.US_ASCII));
    Path dir = TempFiles.directory();
    try {
      Files.write(dir.resolve("layer.shp"), shp);
      Files.write(dir.resolve("layer.shx"), shx);
      Files.write(dir.resolve("layer.dbf"), dbf);
      return rows(crs, dir, encoding);
    } catch (IOException | RuntimeException e) {
      if (e instanceof FeatureFileException f) throw f;
      throw FeatureFileException.badInput("body", "the Shapefile " + base + ".shp cannot be read (damaged or truncated: "
          + e.getClass().getSimpleName() + ")");
    } finally {
      TempFiles.delete(dir);
    }
  }

  /** The one .shp in the zip (or the one named {@code layer}), without its extension, as named in the zip. */
  private static String shapefile(Map<String, byte[]> zip, String layer) {
    List<String> bases = new ArrayList<>();
    for (String name : zip.keySet()) if (name.toLowerCase(Locale.ROOT).endsWith(".shp")) bases.add(name.substring(0, name.length() - 4));
    if (layer != null) {
      for (String b : bases) if (b.equalsIgnoreCase(layer) || b.toLowerCase(Locale.ROOT).endsWith("/" + layer.toLowerCase(Locale.ROOT))) {
        return normalised(zip, b);
      }
    }
    if (bases.size() == 1) return normalised(zip, bases.get(0));
    throw FeatureFileException.badInput("body", bases.isEmpty() ? "the zip holds no .shp file" : "the zip holds several Shapefiles "
        + bases + "; say which one to read (layer)");
  }

  /** Renames the .shp's companions to lower-case extensions (survey offices write .SHP, .Prj, ...). */
  private static String normalised(Map<String, byte[]> zip, String base) {
    for (String name : List.copyOf(zip.keySet())) {
      int dot = name.lastIndexOf('.');
      if (dot > 0 && name.substring(0, dot).equals(base)) zip.put(base + name.substring(dot).toLowerCase(Locale.ROOT), zip.get(name));
    }
    return base;
  }

  private static byte[] part(Map<String, byte[]> zip, String base, String extension) {
    byte[] b = zip.get(base + extension);
    if (b == null) {
      String why = extension.equals(".prj") ? "it says which coordinate system the coordinates are in; use " + SourceCrs.ACCEPTED
          : "a Shapefile needs its .shp, .shx and .dbf together";
      throw FeatureFileException.badInput(extension, "the zip has no " + base + extension + ": " + why);
    }
    return b;
  }

  private static Charset encoding(String cpg) {
    String name = cpg.strip();
    String java = switch (name.toUpperCase(Locale.ROOT)) {
      case "936", "CP936", "ANSI 936" -> "GBK";
      case "65001", "UTF8" -> "UTF-8";
      case "1252", "ANSI 1252" -> "windows-1252";
      default -> name;
    };
    try {
      return Charset.forName(java);
    } catch (IllegalArgumentException e) {
      throw FeatureFileException.badInput(".cpg", "'" + name + "' is not an encoding this server knows (UTF-8, GBK, ...)");
    }
  }

  private static String text(byte[] bytes, Charset charset) {
    String s = new String(bytes, charset);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static Raw rows(SourceCrs crs, Path dir, Charset encoding) throws IOException {
    try (FileChannel shpChannel = FileChannel.open(dir.resolve("layer.shp"), StandardOpenOption.READ);
        FileChannel shxChannel = FileChannel.open(dir.resolve("layer.shx"), StandardOpenOption.READ);
        FileChannel dbfChannel = FileChannel.open(dir.resolve("layer.dbf"), StandardOpenOption.READ)) {
      ShapefileReader shapes = new ShapefileReader(shpChannel);
      IndexFile index = new IndexFile(shxChannel);
      DbaseFileReader table = new DbaseFileReader(dbfChannel, encoding.name());
      int count = index.getRecordCount();
      if (table.getRecordCount() != count) {
        throw FeatureFileException.badInput(".dbf", "the .dbf has " + table.getRecordCount() + " rows but the .shp " + count + " shapes");
      }
      List<String> fields = new ArrayList<>();
      for (int j = 0; j < table.getFieldCount(); j++) fields.add(table.getHeader().getFieldName(j));
      List<SourceFeature> out = new ArrayList<>(count);
      List<RowError> errors = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Geometry g = shapes.geomAt(index.getOffset(i));
        if (g == null || g.isEmpty()) {
          errors.add(new RowError("features[" + i + "].geometry", "is empty (a null shape)"));
          continue;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int j = 0; j < fields.size(); j++) properties.put(fields.get(j), value(table.getFieldValue(i, j)));
        out.add(new SourceFeature(i, g, properties));
      }
      return new Raw(crs, out, errors);
    }
  }

  private static Object value(Value v) {
    if (v == null || v.getValueType() == Value.NULL) return null;
    return switch (v.getValueType()) {
      case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT -> v.getLong();
      case Value.NUMERIC, Value.DECFLOAT -> {
        java.math.BigDecimal d = v.getBigDecimal().stripTrailingZeros();
        yield d.scale() <= 0 && d.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) < 0 ? (Object) d.longValueExact()
            : (Object) d.doubleValue();
      }
      case Value.REAL, Value.DOUBLE -> v.getDouble();
      case Value.BOOLEAN -> v.getBoolean();
      default -> {
        String s = v.getString();
        yield s == null ? null : s.strip();
      }
    };
  }
}
