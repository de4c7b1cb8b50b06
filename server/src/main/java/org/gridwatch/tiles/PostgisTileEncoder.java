package org.gridwatch.tiles;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.gridwatch.incident.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Draws tiles in PostGIS with {@code ST_AsMVTGeom} + {@code ST_AsMVT} (setting {@code gridwatch.tiles.encoder=postgis};
 * PostgreSQL only): the baseline the in-memory encoder is measured against, and a choice for a deployment whose
 * catalog is too large to hold. Areas, buildings and cases are drawn from their tables; cameras and coverage are
 * computed in the JVM (view sectors, covered shares) and so drawn by the in-memory encoder. Versions (ETags) are the
 * sources' in both cases. Unlike the in-memory encoder, {@code ST_AsMVTGeom} drops an area too small to draw.
 */
final class PostgisTileEncoder implements TileEncoder {
  private static final String OPEN = Arrays.stream(Status.values()).filter(Status::open)
      .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
  /** The tile's envelope in Web Mercator with its buffer (the margin is a share of the tile's side). */
  private static final String TILE = "ST_TileEnvelope(?, ?, ?, margin => " + TileAddress.BUFFER / (double) TileAddress.EXTENT + ")";
  private static final String GEOM = "ST_AsMVTGeom(ST_Transform(%s, 3857), ST_TileEnvelope(?, ?, ?), "
      + TileAddress.EXTENT + ", " + TileAddress.BUFFER + ", true)";

  private final JdbcTemplate jdbc;
  private final MemoryTileEncoder memory;

  PostgisTileEncoder(JdbcTemplate jdbc, MemoryTileEncoder memory) {
    this.jdbc = jdbc;
    this.memory = memory;
  }

  @Override
  public String name() { return "p"; }

  @Override
  public byte[] encode(TileLayer layer, TileAddress t) {
    String sql = switch (layer) {
      case GRIDS, COMMUNITIES, SUBDISTRICTS -> areas(layer);
      case BUILDINGS -> buildings();
      case CASES -> t.z() < TileLayer.CASE_POINTS_FROM ? caseCounts() : casePoints();
      case CAMERAS, COVERAGE -> null;
    };
    if (sql == null) return memory.encode(layer, t);
    // every query names the tile twice: the envelope to draw into, then the one (with buffer) to select by
    byte[] bytes = jdbc.queryForObject(sql, byte[].class, t.z(), t.x(), t.y(), t.z(), t.x(), t.y());
    return bytes == null || bytes.length == 0 ? null : bytes;
  }

  private static String areas(TileLayer layer) {
    String level = switch (layer) {
      case GRIDS -> "GRID";
      case COMMUNITIES -> "COMMUNITY";
      default -> "SUBDISTRICT";
    };
    return "with f as (select a.code, a.name, a.parent_code as parent, a.level, v.households, a.kind, " + GEOM.formatted("v.boundary") + " as geom"
        + " from area_version v join area a on a.id = v.area_id"
        + " where v.valid_to is null and a.retired_at is null and a.level = '" + level + "'"
        + " and v.boundary && ST_Transform(" + TILE + ", 4326))"
        + " select ST_AsMVT(f, '" + layer.path() + "', " + TileAddress.EXTENT + ", 'geom') from f where geom is not null";
  }

  private static String buildings() {
    return "with f as (select b.code as id, nullif(b.name, '') as name,"
        + " (select min(a.code) from area_version v join area a on a.id = v.area_id where v.valid_to is null and a.retired_at is null"
        + "   and a.level = 'GRID' and ST_Intersects(v.boundary, b.location)) as grid,"
        + " " + GEOM.formatted("coalesce(b.footprint, b.location)") + " as geom"
        + " from building b where coalesce(b.footprint, b.location) && ST_Transform(" + TILE + ", 4326))"
        + " select ST_AsMVT(f, 'buildings', " + TileAddress.EXTENT + ", 'geom') from f where geom is not null";
  }

  private static String caseCounts() {
    return "with c as (select grid_code, count(*) as open, sum(case when deadline < now() then 1 else 0 end) as overdue"
        + "   from incident where status in (" + OPEN + ") group by grid_code),"
        + " f as (select a.code as grid, c.open, c.overdue, " + GEOM.formatted("ST_PointOnSurface(v.boundary)") + " as geom"
        + " from area_version v join area a on a.id = v.area_id join c on c.grid_code = a.code"
        + " where v.valid_to is null and a.retired_at is null and a.level = 'GRID' and v.boundary && ST_Transform(" + TILE + ", 4326))"
        + " select ST_AsMVT(f, 'cases', " + TileAddress.EXTENT + ", 'geom') from f where geom is not null";
  }

  private static String casePoints() {
    return "with f as (select public_id as id, status, category_code as category, priority, coalesce(deadline < now(), false) as overdue, "
        + GEOM.formatted("location") + " as geom from incident"
        + " where status in (" + OPEN + ") and location && ST_Transform(" + TILE + ", 4326))"
        + " select ST_AsMVT(f, 'cases', " + TileAddress.EXTENT + ", 'geom') from f where geom is not null";
  }
}
