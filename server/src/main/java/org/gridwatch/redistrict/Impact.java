package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.Cameras;
import org.gridwatch.staff.Roster;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What else an edit would move besides buildings: open cases (with their new grid and who answers for them),
 * cameras, patrol route lengths per area, the staff of each touched grid, and the workload of each grid member
 * (open cases per member over the touched grids). Cases already closed are not listed: they stay with the
 * boundary version they were reported under.
 */
@Component
class Impact {
  public record CaseMove(String publicId, String from, String to, String responsible) {}

  public record CameraMove(String code, String from, String to) {}

  public record RouteLength(String route, String area, double beforeM, double afterM) {}

  /** One touched grid's staff after the edit, its open cases before and after, and its member's workload. */
  public record Staffing(String area, String gridMember, String policeOfficer, String patrolTeam, String volunteerTeam,
      int openCasesBefore, int openCasesAfter, Integer memberOpenCasesAfter) {}

  public record Report(List<CaseMove> cases, List<CameraMove> cameras, List<RouteLength> routes, List<Staffing> staff) {
    static final Report NONE = new Report(List.of(), List.of(), List.of(), List.of());

    Report and(Report o) {
      return new Report(concat(cases, o.cases), concat(cameras, o.cameras), concat(routes, o.routes), concat(staff, o.staff));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
      List<T> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
  }

  private final Rehoming rehoming;
  private final Cameras cameras;
  private final Routes routes;
  private final Roster roster;

  Impact(Rehoming rehoming, Cameras cameras, Routes routes, Roster roster) {
    this.rehoming = rehoming;
    this.cameras = cameras;
    this.routes = routes;
    this.roster = roster;
  }

  @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
  Report of(Edit edit, Function<Point, String> was, Function<Point, String> will) {
    Map<String, Roster.GridRoster> staffAfter = new LinkedHashMap<>();
    edit.after().keySet().forEach(k -> staffAfter.put(k, rosterAfter(edit, k)));
    List<CaseMove> cases = new ArrayList<>();
    Map<String, Integer> openBefore = new LinkedHashMap<>(), openAfter = new LinkedHashMap<>();
    if (edit.level() == AreaLevel.GRID) {
      for (Rehoming.Open c : rehoming.open(edit.before().keySet())) {
        String to = will.apply(c.location());
        openBefore.merge(c.grid(), 1, Integer::sum);
        if (to == null) continue;
        openAfter.merge(to, 1, Integer::sum);
        if (!to.equals(c.grid())) cases.add(new CaseMove(c.publicId(), c.grid(), to, name(staffAfter.get(to).gridMember())));
      }
    }
    return new Report(cases, cameraMoves(edit, was, will), routeLengths(edit), staffing(edit, staffAfter, openBefore, openAfter));
  }

  private Roster.GridRoster rosterAfter(Edit edit, String key) {
    return key.startsWith(Edit.NEW) ? roster.successorOf(key, edit.successors().getOrDefault(key, List.of())) : roster.of(key);
  }

  private List<CameraMove> cameraMoves(Edit edit, Function<Point, String> was, Function<Point, String> will) {
    var ground = PreparedGeometryFactory.prepare(edit.ground());
    List<CameraMove> out = new ArrayList<>();
    for (CameraView c : cameras.all()) {
      Point p = Geometries.point(c.lon(), c.lat());
      if (!ground.covers(p)) continue;
      String from = was.apply(p), to = will.apply(p);
      if (from != null && to != null && !from.equals(to)) out.add(new CameraMove(c.code(), from, to));
    }
    return out;
  }

  /** Metres of each route crossing the touched ground, per area before and after, where that changes by a metre or more. */
  private List<RouteLength> routeLengths(Edit edit) {
    Geometry ground = edit.ground();
    List<RouteLength> out = new ArrayList<>();
    for (RouteView r : routes.all()) {
      if (!r.line().getEnvelopeInternal().intersects(ground.getEnvelopeInternal()) || !r.line().intersects(ground)) continue;
      Map<String, double[]> lengths = new LinkedHashMap<>();
      edit.before().forEach((code, g) -> lengths.computeIfAbsent(code, k -> new double[2])[0] = lengthIn(r.line(), g));
      edit.after().forEach((code, g) -> lengths.computeIfAbsent(code, k -> new double[2])[1] = lengthIn(r.line(), g));
      lengths.forEach((code, m) -> {
        if (Math.abs(m[0] - m[1]) >= 1) out.add(new RouteLength(r.code(), code, Math.round(m[0]), Math.round(m[1])));
      });
    }
    return out;
  }

  private static double lengthIn(Geometry line, Geometry area) {
    return line.getEnvelopeInternal().intersects(area.getEnvelopeInternal()) ? MetricProjection.lengthM(line.intersection(area)) : 0;
  }

  private static List<Staffing> staffing(Edit edit, Map<String, Roster.GridRoster> after, Map<String, Integer> openBefore,
      Map<String, Integer> openAfter) {
    if (edit.level() != AreaLevel.GRID) return List.of();
    Map<String, Integer> byMember = new LinkedHashMap<>();
    after.forEach((k, r) -> {
      if (r.gridMember() != null) byMember.merge(r.gridMember().code(), openAfter.getOrDefault(k, 0), Integer::sum);
    });
    List<Staffing> out = new ArrayList<>();
    for (String code : edit.before().keySet()) {
      if (!after.containsKey(code)) out.add(new Staffing(code, null, null, null, null, openBefore.getOrDefault(code, 0), 0, null));
    }
    after.forEach((k, r) -> out.add(new Staffing(k, name(r.gridMember()), name(r.policeOfficer()), team(r.patrolTeam()),
        team(r.volunteerTeam()), openBefore.getOrDefault(k, 0), openAfter.getOrDefault(k, 0),
        r.gridMember() == null ? null : byMember.get(r.gridMember().code()))));
    return out;
  }

  private static String name(Roster.PersonRef p) { return p == null ? null : p.name() + " (" + p.code() + ")"; }

  private static String team(Roster.TeamRef t) { return t == null ? null : t.name(); }
}
