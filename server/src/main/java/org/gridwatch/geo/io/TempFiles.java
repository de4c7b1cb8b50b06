package org.gridwatch.geo.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A private temporary directory per read (SQLite and the Shapefile reader need files), deleted afterwards. */
final class TempFiles {
  private TempFiles() {}

  static Path directory() {
    try {
      return Files.createTempDirectory("gridwatch-features");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }
}
