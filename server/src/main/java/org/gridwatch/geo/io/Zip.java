package org.gridwatch.geo.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A zip archive's files by name, in memory, refusing archives that expand past a limit (zip bombs). */
final class Zip {
  private Zip() {}

  static Map<String, byte[]> unpack(byte[] body, long maxUnpackedBytes) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(body))) {
      ZipEntry e;
      byte[] buffer = new byte[8192];
      while ((e = in.getNextEntry()) != null) {
        if (e.isDirectory() || e.getName().startsWith("__MACOSX/")) continue;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (total > maxUnpackedBytes) {
            throw FeatureFileException.tooLarge("the zip expands to more than " + maxUnpackedBytes + " bytes");
          }
          file.write(buffer, 0, n);
        }
        out.put(e.getName(), file.toByteArray());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw FeatureFileException.badInput("body", "not a readable zip (damaged or truncated)");
    }
    if (out.isEmpty()) throw FeatureFileException.badInput("body", "not a zip, or an empty one");
    return out;
  }
}
