package org.gridwatch.redistrict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Boundaries;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
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

  private final EditSupport edits;

  EditCommit(EditSupport edits) { this.edits = edits; }

  @Transactional
  public Committed reshape(String code, Geometry outline, String ifMatch, String actor, String actorRole) {
    AreaView area = edits.area(code);
    if (area.level() == AreaLevel.DISTRICT) throw ProblemException.badInput("code", "the district itself cannot be reshaped");
    Map<String, Boundaries.Current> current = edits.boundaries.lockChildren(area.parentCode());
    Boundaries.Current mine = current.get(code);
    if (ifMatch != null && !ifMatch.equals(mine.etag())) {
      throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-outline", "Outline changed meanwhile",
          code + " is now " + mine.etag() + ", not " + ifMatch + "; reload it and edit again", List.of());
    }
    Geometry parent = edits.boundaries.currentOf(area.parentCode()).boundary();
    Map<String, Geometry> before = new LinkedHashMap<>();
    current.forEach((c, v) -> before.put(c, v.boundary()));
    Reshape.Result r = Reshape.apply(parent, before, code, outline, edits.minPieceM2);
    if (!r.ok()) throw EditPreview.refused(area.parentCode(), r);
    Instant now = edits.now();
    List<Saved> saved = new ArrayList<>();
    Map<String, Integer> versions = new HashMap<>();
    TreeSet<String> touched = new TreeSet<>();
    for (var e : r.after().entrySet()) {
      if (!Reshape.changed(before.get(e.getKey()), e.getValue())) continue;
      Shape shape = edits.shapeOf(e.getValue());
      Boundaries.Current next = edits.boundaries.supersede(e.getKey(), e.getValue(), shape.households(), shape.residents(), now);
      saved.add(new Saved(next.code(), next.version(), next.etag()));
      versions.put(next.code(), next.version());
      touched.add(next.code());
    }
    List<Rehoming.Moved> moved = List.of();
    if (area.level() == AreaLevel.GRID && !touched.isEmpty()) {
      Map<String, MultiPolygon> after = r.after();
      moved = edits.rehoming.apply(touched, Reshape.placer(after), versions.getOrDefault(code, mine.version()), actor,
          actorRole, now);
    }
    if (!touched.isEmpty()) edits.boundaries.announce(touched, now);
    return new Committed(saved, moved);
  }
}
