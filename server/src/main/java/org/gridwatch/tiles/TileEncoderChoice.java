package org.gridwatch.tiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the tile encoder: {@code gridwatch.tiles.encoder=memory} (default) or {@code postgis} (ST_AsMVT, PostGIS only). */
@Configuration
class TileEncoderChoice {
  @Bean
  TileEncoder tileEncoder(@Value("${gridwatch.tiles.encoder:memory}") String choice, TileSources sources) {
    return switch (choice) {
      case "memory" -> new MemoryTileEncoder(sources);
      default -> throw new IllegalStateException("gridwatch.tiles.encoder must be memory or postgis, not " + choice);
    };
  }
}
