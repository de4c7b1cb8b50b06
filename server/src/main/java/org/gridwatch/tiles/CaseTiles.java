package org.gridwatch.tiles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.geo.Geometries;
import org.gridwatch.incident.IncidentChanged;
import org.gridwatch.incident.IncidentMap;
import org.gridwatch.incident.Status;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Open cases, for the same readers as the case map. Below zoom {@link TileLayer#CASE_POINTS_FROM}: one point per grid
 * with open cases, at a point inside the grid, with {@code grid}, {@code open} and {@code overdue} (counts), from the
 * case map's per-grid counts kept in memory for at most {@value #COUNTS_FOR_MS} ms and dropped at once after a case
 * changes here (a change on another node, or a deadline passing, shows within that bound). From that zoom on: one
 * point per open case in the tile with {@code id} (public id), {@code status}, {@code category}, {@code priority},
 * {@code overdue} (bool), read with the spatial index. Versions: a digest of the counts of the grids in the tile, or
 * of the cases' rows (one indexed query; a revalidation then skips the drawing and the transfer). Both are kept as
 * long as the counts are (the same bound: a change here drops them at once, elsewhere shows within it), so a warm
 * tile costs no query.
 */
@Component
class CaseTiles implements TileSource {
  static final long COUNTS_FOR_MS = 5_000;
  private static final String OPEN = Arrays.stream(Status.values()).filter(Status::open)
      .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

  private final IncidentMap map;
  private final AreaCatalog catalog;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile Counts counts;
  private volatile Centres centres;
  private volatile PointVersions pointVersions;

  private record GridCount(long open, long overdue) {}

  private record Counts(long readAt, long centresGeneration, Map<String, GridCount> byGrid, VersionMemo versions) {}

  /** The versions of case-point tiles read since {@code readAt}. */
  private record PointVersions(long readAt, VersionMemo versions) {}

  private record Centre(String grid, Point at) {}

  private record Centres(long generation, SpatialIndex<Centre> index) {}

  private record CasePoint(String id, double lon, double lat, String status, String category, String priority, boolean overdue) {}

  CaseTiles(IncidentMap map, AreaCatalog catalog, JdbcTemplate jdbc, Clock clock) {
    this.map = map;
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void changed(IncidentChanged e) {
    counts = null;
    pointVersions = null;
  }

  @Override
  public Set<TileLayer> layers() { return Set.of(TileLayer.CASES); }

  @Override
  public List<MvtLayerContent> features(TileLayer layer, TileAddress tile) {
    List<TileFeature> out = new ArrayList<>();
    if (tile.z() < TileLayer.CASE_POINTS_FROM) {
      Map<String, GridCount> byGrid = counts().byGrid();
      for (Centre c : centres().index().touching(tile.lonLatWithBuffer())) {
        GridCount n = byGrid.get(c.grid());
        if (n == null || n.open() == 0) continue;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("grid", c.grid());
        p.put("open", n.open());
        p.put("overdue", n.overdue());
        out.add(new TileFeature(c.at(), null, p));
      }
    } else {
      for (CasePoint c : points(tile.lonLatWithBuffer())) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", c.id());
        p.put("status", c.status());
        p.put("category", c.category());
        p.put("priority", c.priority());
        p.put("overdue", c.overdue());
        out.add(new TileFeature(Geometries.point(c.lon(), c.lat()), null, p));
      }
    }
    return List.of(new MvtLayerContent(layer.path(), out));
  }

  @Override
  public String version(TileLayer layer, TileAddress tile) {
    if (tile.z() < TileLayer.CASE_POINTS_FROM) {
      Counts counts = counts();
      Centres centres = centres();
      if (centres.generation() != counts.centresGeneration()) return countsDigest(counts, centres, tile);
      return counts.versions().get(tile, t -> countsDigest(counts, centres, t));
    }
    return pointVersions().get(tile, t -> {
      Fingerprint f = new Fingerprint();
      for (CasePoint c : points(t.lonLatWithBuffer())) f.add(c);
      return f.hex();
    });
  }

  private static String countsDigest(Counts counts, Centres centres, TileAddress tile) {
    Fingerprint f = new Fingerprint();
    for (Centre c : centres.index().touching(tile.lonLatWithBuffer())) f.add(c.grid()).add(c.at().getCoordinate()).add(counts.byGrid().get(c.grid()));
    return f.hex();
  }

  /** Case-point tile versions, kept as long as the counts are (a change here drops both at once). */
  private VersionMemo pointVersions() {
    PointVersions v = pointVersions;
    long now = System.currentTimeMillis();
    if (v != null && now - v.readAt() < COUNTS_FOR_MS) return v.versions();
    pointVersions = v = new PointVersions(now, new VersionMemo());
    return v.versions();
  }

  /** The newest case event's number: every step of every case writes one (read from the primary key's index). */
  @Override
  public long sequence(TileLayer layer) {
    Long n = jdbc.queryForObject("select max(id) from incident_event", Long.class);
    return n == null ? 0 : n;
  }

  private List<CasePoint> points(Envelope box) {
    Instant now = clock.instant();
    return jdbc.query("select public_id, ST_X(location) lon, ST_Y(location) lat, status, category_code, priority, deadline from incident"
        + " where status in (" + OPEN + ") and location && ST_MakeEnvelope(?, ?, ?, ?, 4326) order by public_id",
        (rs, i) -> {
          java.sql.Timestamp deadline = rs.getTimestamp("deadline");
          return new CasePoint(rs.getString("public_id"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("status"),
              rs.getString("category_code"), rs.getString("priority"), deadline != null && deadline.toInstant().isBefore(now));
        }, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
  }

  private Counts counts() {
    Counts c = counts;
    long now = System.currentTimeMillis();
    if (c != null && now - c.readAt() < COUNTS_FOR_MS) return c;
    Map<String, GridCount> byGrid = new java.util.HashMap<>();
    for (Map<String, Object> row : map.perGrid(null)) {
      byGrid.put((String) row.get("gridCode"), new GridCount(((Number) row.get("open")).longValue(), ((Number) row.get("overdue")).longValue()));
    }
    counts = c = new Counts(now, centres().generation(), Map.copyOf(byGrid), new VersionMemo());
    return c;
  }

  private Centres centres() {
    AreaCatalog.Snapshot now = catalog.now();
    Centres c = centres;
    if (c != null && c.generation() == now.generation()) return c;
    List<Centre> all = now.level(AreaLevel.GRID).stream().map(g -> new Centre(g.code(), g.boundary().getInteriorPoint())).toList();
    centres = c = new Centres(now.generation(), new SpatialIndex<>(all, x -> x.at().getEnvelopeInternal(), Comparator.comparing(Centre::grid)));
    return c;
  }
}
