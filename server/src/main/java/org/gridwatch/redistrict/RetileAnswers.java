package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.GeoJson;
import tools.jackson.databind.json.JsonMapper;

/** The JSON answers of a re-tiling, for one parent or for an import of many, committed or previewed. */
final class RetileAnswers {
  private RetileAnswers() {}

  /** What was saved: codes kept, reshaped, created (with their feature), retired; cases moved; staff carried. */
  static Map<String, Object> done(List<Retile.Done> done) {
    List<String> kept = new ArrayList<>(), reshaped = new ArrayList<>(), retired = new ArrayList<>();
    List<Object> created = new ArrayList<>(), moved = new ArrayList<>(), staff = new ArrayList<>();
    for (Retile.Done d : done) {
      kept.addAll(d.kept());
      reshaped.addAll(d.reshaped());
      created.addAll(d.created());
      retired.addAll(d.retired());
      moved.addAll(d.casesMoved());
      staff.addAll(d.staff());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("parents", done.stream().map(Retile.Done::parent).toList());
    out.put("kept", kept);
    out.put("reshaped", reshaped);
    out.put("created", created);
    out.put("retired", retired);
    out.put("casesMoved", moved);
    out.put("staff", staff);
    // One edit per re-tiled parent that changed: each can be reverted on its own (/api/v1/edits/{id}/revert).
    out.put("editIds", done.stream().map(d -> d.committed().editId()).filter(java.util.Objects::nonNull).toList());
    return out;
  }

  /** What would happen: the touched areas with their figures before and after (as a reshape preview shows them). */
  static Map<String, Object> planned(List<Retile.Planned> plans, JsonMapper json) {
    List<Map<String, Object>> touched = new ArrayList<>();
    List<Object> moving = new ArrayList<>();
    int kept = 0;
    for (Retile.Planned p : plans) {
      kept += p.kept();
      moving.addAll(p.casesMoving());
      for (Retile.Change c : p.touched()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent", p.parent());
        m.put("code", c.code());
        m.put("fate", c.fate());
        m.put("feature", c.feature());
        m.put("before", c.before() == null ? null : c.before().figures());
        m.put("after", c.after() == null ? null : c.after().figures());
        m.put("outline", c.outline() == null ? null : json.readTree(GeoJson.toJson(c.outline())));
        touched.add(m);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("parents", plans.stream().map(Retile.Planned::parent).toList());
    out.put("kept", kept);
    out.put("touched", touched);
    out.put("casesMoving", moving);
    return out;
  }
}
