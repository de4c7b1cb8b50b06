package org.gridwatch.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed dataset is exactly what the seeded generator writes: nobody hand-edited it. */
class GenerateDemoTest {

  @Test
  void committedDemoDataIsReproducibleFromTheGenerator(@TempDir Path out) throws Exception {
    Path module = Path.of("").toAbsolutePath();
    GenerateDemo.main(new String[] {module.resolve("osm").toString(), out.toString()});
    for (String file : new String[] {"district", "subdistricts", "communities", "grids", "buildings"}) {
      String name = file + ".geojson";
      List<String> committed = Files.readAllLines(module.resolve("demo").resolve(name));
      List<String> fresh = Files.readAllLines(out.resolve(name));
      for (int i = 0; i < Math.max(committed.size(), fresh.size()); i++) {
        String a = i < committed.size() ? committed.get(i) : "<end>", b = i < fresh.size() ? fresh.get(i) : "<end>";
        if (!a.equals(b)) {
          fail(name + " line " + (i + 1) + " differs from a fresh run of the generator "
              + "(regenerate with ./mvnw -pl data -Pgenerate compile exec:java): committed "
              + a.substring(0, Math.min(120, a.length())) + "… generated " + b.substring(0, Math.min(120, b.length())) + "…");
        }
      }
    }
  }
}
