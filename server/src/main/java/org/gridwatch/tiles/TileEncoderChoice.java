package org.gridwatch.tiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Picks the tile encoder: {@code gridwatch.tiles.encoder=memory} (default) or {@code postgis} (ST_AsMVT, PostGIS only). */
@Configuration
class TileEncoderChoice {
  @Bean
  TileEncoder tileEncoder(@Value("${gridwatch.tiles.encoder:memory}") String choice, TileSources sources, JdbcTemplate jdbc) {
    MemoryTileEncoder memory = new MemoryTileEncoder(sources);
    return switch (choice) {
      case "memory" -> memory;
      case "postgis" -> {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (!"PostgreSQL".equals(product)) {
          throw new IllegalStateException("gridwatch.tiles.encoder=postgis needs PostGIS; this database is " + product);
        }
        yield new PostgisTileEncoder(jdbc, memory);
      }
      default -> throw new IllegalStateException("gridwatch.tiles.encoder must be memory or postgis, not " + choice);
    };
  }
}
