package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The preview of a reshape, before anything is saved: every area it touches before and after (area, households,
 * residents, compactness, deviation from the ideal size), the buildings that change hands, warnings, and the new
 * outlines for a diff view. A refused edit is a 422 problem naming the field and the place.
 */
@Service
public class EditPreview {
  /** A grid's households should lie in this band (a grid member can know them all). */
  static final int BAND_LOW = 300, BAND_HIGH = 500;
  static final double STRINGY = 0.2;

  private final EditSupport edits;

  EditPreview(EditSupport edits) { this.edits = edits; }

  public record Touched(String code, Shape before, Shape after, double idealHouseholds, MultiPolygon outline) {}

  public record Moving(String building, String from, String to, int households) {}

  public record Preview(String code, List<Touched> touched, List<Moving> moving, List<String> warnings) {}

  public Preview reshape(String code, Geometry outline) {
    AreaCatalog.Snapshot s = edits.catalog.now();
    AreaView area = edits.area(code);
    if (area.level() == AreaLevel.DISTRICT) throw ProblemException.badInput("code", "the district itself cannot be reshaped");
    AreaView parent = s.find(area.parentCode()).orElseThrow();
    Map<String, Geometry> siblings = new LinkedHashMap<>();
    for (AreaView c : s.children(parent.code())) siblings.put(c.code(), c.boundary());
    Reshape.Result r = Reshape.apply(parent.boundary(), siblings, code, outline, edits.minPieceM2);
    if (!r.ok()) throw refused(parent.code(), r);
    List<BuildingView> inParent = buildingsIn(s, parent);
    List<Touched> touched = new ArrayList<>();
    double ideal = (double) parent.households() / siblings.size();
    for (var e : r.after().entrySet()) {
      Geometry before = siblings.get(e.getKey());
      if (!Reshape.changed(before, e.getValue())) continue;
      touched.add(new Touched(e.getKey(), Shape.of(before, inParent), Shape.of(e.getValue(), inParent),
          area.level() == AreaLevel.GRID ? (BAND_LOW + BAND_HIGH) / 2.0 : ideal, e.getValue()));
    }
    return new Preview(code, touched, moving(inParent, siblings, r.after()), warnings(area.level(), touched));
  }

  /** 422 naming every refusal and where it is. */
  static ProblemException refused(String parentCode, Reshape.Result r) {
    List<FieldError> errors = r.refusals().stream().map(x -> new FieldError(x.field(), x.message())).toList();
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "edit-refused", "Edit refused",
        "the parent " + parentCode + " would not stay exactly tiled by valid areas", errors);
  }

  private static List<BuildingView> buildingsIn(AreaCatalog.Snapshot s, AreaView parent) {
    var inside = PreparedGeometryFactory.prepare(parent.boundary());
    return s.buildings().stream().filter(b -> inside.covers(b.location())).toList();
  }

  /** Buildings whose grid changes, placed before and after by the locator's own rule. */
  private static List<Moving> moving(List<BuildingView> buildings, Map<String, Geometry> before, Map<String, MultiPolygon> after) {
    List<Moving> out = new ArrayList<>();
    var was = Reshape.placer(before);
    var will = Reshape.placer(after);
    for (BuildingView b : buildings) {
      String from = was.apply(b.location()), to = will.apply(b.location());
      if (from != null && to != null && !from.equals(to)) out.add(new Moving(b.code(), from, to, b.households()));
    }
    return out;
  }


  private static List<String> warnings(AreaLevel level, List<Touched> touched) {
    List<String> out = new ArrayList<>();
    for (Touched t : touched) {
      if (level == AreaLevel.GRID && (t.after().households() < BAND_LOW || t.after().households() > BAND_HIGH)) {
        out.add(t.code() + ": " + t.after().households() + " households, outside " + BAND_LOW + "–" + BAND_HIGH);
      }
      if (t.after().polsbyPopper() < STRINGY) {
        out.add(String.format(java.util.Locale.ROOT, "%s: Polsby-Popper %.2f, below %.1f (stringy)", t.code(), t.after().polsbyPopper(), STRINGY));
      }
    }
    return out;
  }

  /** The JSON answer. */
  public static Map<String, Object> view(Preview p, tools.jackson.databind.json.JsonMapper json) {
    List<Map<String, Object>> touched = new ArrayList<>();
    for (Touched t : p.touched()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", t.code());
      m.put("before", t.before().figures());
      m.put("after", t.after().figures());
      m.put("idealHouseholds", t.idealHouseholds());
      m.put("deviation", Math.round((t.after().households() - t.idealHouseholds()) / t.idealHouseholds() * 1000) / 1000.0);
      m.put("outline", json.readTree(GeoJson.toJson(t.outline())));
      touched.add(m);
    }
    return Map.of("code", p.code(), "touched", touched, "moving", p.moving(), "warnings", p.warnings());
  }
}
