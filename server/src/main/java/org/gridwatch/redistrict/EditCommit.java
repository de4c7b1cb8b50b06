package org.gridwatch.redistrict;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Boundaries;
import org.gridwatch.area.BuildingView;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits a reshape atomically: the parent is locked, the edit is worked out again on the boundaries as stored
 * (so that two planners editing neighbours one after the other cannot break the tiling), every touched area gets
 * a new version valid from now, open cases in edited grids are placed again with an audit entry, and the
 * catalog is reloaded before the answer goes out. {@code If-Match} with the area's entity tag guards against
 * editing an outline that changed meanwhile (412).
 */
@Service
public class EditCommit {
  public record Saved(String code, int version, String etag) {}

  public record Committed(List<Saved> saved, List<Rehoming.Moved> casesMoved) {}

  private final AreaCatalog catalog;
  private final Boundaries boundaries;
  private final Rehoming rehoming;
  private final Clock clock;
  private final double minPieceM2;

  EditCommit(AreaCatalog catalog, Boundaries boundaries, Rehoming rehoming, Clock clock,
      @Value("${gridwatch.redistrict.min-piece-m2:100}") double minPieceM2) {
    this.catalog = catalog;
    this.boundaries = boundaries;
    this.rehoming = rehoming;
    this.clock = clock;
    this.minPieceM2 = minPieceM2;
  }

  @Transactional
  public Committed reshape(String code, Geometry outline, String ifMatch, String actor, String actorRole) {
    AreaView area = catalog.now().find(code).orElseThrow(() -> ProblemException.notFound("unknown-area", "Unknown area", "there is no area " + code));
    if (area.level() == AreaLevel.DISTRICT) throw ProblemException.badInput("code", "the district itself cannot be reshaped");
    Map<String, Boundaries.Current> current = boundaries.lockChildren(area.parentCode());
    Boundaries.Current mine = current.get(code);
    if (ifMatch != null && !ifMatch.equals(mine.etag())) {
      throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-outline", "Outline changed meanwhile",
          code + " is now " + mine.etag() + ", not " + ifMatch + "; reload it and edit again", List.of());
    }
    Geometry parent = boundaries.currentOf(area.parentCode()).boundary();
    Map<String, Geometry> before = new LinkedHashMap<>();
    current.forEach((c, v) -> before.put(c, v.boundary()));
    Reshape.Result r = Reshape.apply(parent, before, code, outline, minPieceM2);
    if (!r.ok()) throw EditPreview.refused(area.parentCode(), r);
    List<BuildingView> buildings = buildingsIn(parent);
    Instant now = clock.instant();
    List<Saved> saved = new ArrayList<>();
    Map<String, Integer> versions = new HashMap<>();
    TreeSet<String> touched = new TreeSet<>();
    for (var e : r.after().entrySet()) {
      if (!Reshape.changed(before.get(e.getKey()), e.getValue())) continue;
      Shape shape = Shape.of(e.getValue(), buildings);
      Boundaries.Current next = boundaries.supersede(e.getKey(), e.getValue(), shape.households(), shape.residents(), now);
      saved.add(new Saved(next.code(), next.version(), next.etag()));
      versions.put(next.code(), next.version());
      touched.add(next.code());
    }
    List<Rehoming.Moved> moved = List.of();
    if (area.level() == AreaLevel.GRID && !touched.isEmpty()) {
      Map<String, MultiPolygon> after = r.after();
      moved = rehoming.apply(touched, Reshape.placer(after), versions.getOrDefault(code, mine.version()), actor,
          actorRole, now);
    }
    if (!touched.isEmpty()) boundaries.announce(touched, now);
    return new Committed(saved, moved);
  }

  private List<BuildingView> buildingsIn(Geometry parent) {
    var inside = PreparedGeometryFactory.prepare(parent);
    return catalog.now().buildings().stream().filter(b -> inside.covers(b.location())).toList();
  }
}
