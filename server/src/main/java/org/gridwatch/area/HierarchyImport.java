package org.gridwatch.area;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.HierarchyData.AreaFeature;
import org.gridwatch.area.HierarchyData.BuildingFeature;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.geo.index.PolygonCoverageIndex;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a whole hierarchy with its buildings, refusing it unless it is sound: codes of the right length
 * nested in their parent's code, valid polygonal outlines, and every level tiling its parent
 * ({@link TilingCheck}). Households and residents of every area are derived from the buildings inside.
 * All of it is written in one transaction, or nothing is.
 */
@Component
public class HierarchyImport {
  private static final Logger log = LoggerFactory.getLogger(HierarchyImport.class);

  private final EntityManager em;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  HierarchyImport(EntityManager em, JdbcTemplate jdbc, TransactionTemplate tx) {
    this.em = em;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Thrown when a dataset breaks the hierarchy's rules; nothing has been written. */
  static final class InvalidHierarchyException extends IllegalStateException {
    InvalidHierarchyException(String dataset, List<String> problems) {
      super(dataset + " is not a sound hierarchy (" + problems.size() + " problems): "
          + String.join("; ", problems.subList(0, Math.min(20, problems.size()))));
    }
  }

  /** Whether a dataset of this name was imported (its {@code dataset_import} marker). */
  public boolean alreadyImported(String dataset) {
    Integer n = jdbc.queryForObject("select count(*) from dataset_import where dataset = ?", Integer.class, dataset);
    return n != null && n > 0;
  }

  public void importDataset(String dataset, HierarchyData data) {
    long started = System.nanoTime();
    validate(dataset, data);
    Map<String, int[]> people = householdsAndResidents(dataset, data);
    tx.executeWithoutResult(status -> {
      Instant now = Instant.now();
      for (AreaLevel level : AreaLevel.values()) {
        for (AreaFeature f : data.areas()) {
          if (f.level() != level) continue;
          Area area = new Area(f.code(), f.level(), f.name(), f.nameEn(), f.parentCode(), f.kind(), f.synthetic(), now);
          em.persist(area);
          int[] hr = people.getOrDefault(f.code(), new int[2]);
          em.persist(new AreaVersion(area, 1, data.validFrom(), Geometries.asMultiPolygon(f.boundary()),
              MetricProjection.areaM2(f.boundary()), hr[0], hr[1]));
        }
        em.flush(); // parents before children: the parent_code foreign key
        em.clear();
      }
      for (BuildingFeature b : data.buildings()) {
        em.persist(new Building(b.code(), b.name(), b.location(), b.households(), b.residents(), b.synthetic()));
      }
      em.flush();
      em.clear();
      String summary = String.format("%d areas, %d buildings", data.areas().size(), data.buildings().size());
      jdbc.update("insert into dataset_import (dataset, imported_at, summary) values (?, ?, ?)", dataset,
          java.sql.Timestamp.from(now), summary);
    });
    log.info("Imported {}: {} areas and {} buildings in {} ms", dataset, data.areas().size(), data.buildings().size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static void validate(String dataset, HierarchyData data) {
    List<String> problems = new ArrayList<>();
    Map<String, AreaFeature> byCode = new LinkedHashMap<>();
    for (AreaFeature f : data.areas()) {
      if (byCode.put(f.code(), f) != null) problems.add(f.code() + ": duplicate code");
      if (AreaLevel.ofCode(f.code()).orElse(null) != f.level()) problems.add(f.code() + ": not a " + f.level() + " code");
      if (!f.boundary().isValid()) problems.add(f.code() + ": invalid outline");
      if (!(f.boundary() instanceof org.locationtech.jts.geom.Polygonal)) problems.add(f.code() + ": outline is not polygonal");
    }
    Map<String, Geometry> parents = new LinkedHashMap<>();
    Map<String, List<Geometry>> children = new HashMap<>();
    for (AreaFeature f : data.areas()) {
      if (f.level() == AreaLevel.DISTRICT) continue;
      AreaFeature parent = f.parentCode() == null ? null : byCode.get(f.parentCode());
      if (parent == null || parent.level().child() != f.level() || !f.code().startsWith(parent.code())) {
        problems.add(f.code() + ": parent " + f.parentCode() + " is not the " + f.level() + "'s enclosing area");
        continue;
      }
      parents.put(parent.code(), parent.boundary());
      children.computeIfAbsent(parent.code(), k -> new ArrayList<>()).add(f.boundary());
    }
    if (problems.isEmpty()) TilingCheck.check(parents, children).forEach(v -> problems.add(v.toString()));
    if (!problems.isEmpty()) throw new InvalidHierarchyException(dataset, problems);
  }

  /** Households and residents per area code: buildings placed in grids, summed up the hierarchy. */
  private static Map<String, int[]> householdsAndResidents(String dataset, HierarchyData data) {
    List<AreaFeature> grids = data.areas().stream().filter(a -> a.level() == AreaLevel.GRID).toList();
    PolygonCoverageIndex<AreaFeature> index =
        new PolygonCoverageIndex<>(grids, AreaFeature::boundary, Comparator.comparing(AreaFeature::code));
    Map<String, AreaFeature> byCode = new HashMap<>();
    data.areas().forEach(a -> byCode.put(a.code(), a));
    Map<String, int[]> out = new HashMap<>();
    for (BuildingFeature b : data.buildings()) {
      AreaFeature grid = index.locate(b.location().getX(), b.location().getY());
      if (grid == null) throw new InvalidHierarchyException(dataset, List.of(b.code() + ": building outside every grid"));
      for (AreaFeature a = grid; a != null; a = a.parentCode() == null ? null : byCode.get(a.parentCode())) {
        int[] hr = out.computeIfAbsent(a.code(), k -> new int[2]);
        hr[0] += b.households();
        hr[1] += b.residents();
      }
    }
    return out;
  }
}
