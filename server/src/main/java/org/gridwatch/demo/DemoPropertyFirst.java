package org.gridwatch.demo;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.CompoundView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.geo.Crs;
import org.gridwatch.incident.Action;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.Channel;
import org.gridwatch.incident.Intake;
import org.gridwatch.incident.Submission;
import org.gridwatch.incident.Workflow;
import org.gridwatch.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 物业优先 in the demo (issue 14 §3), once the demo's property companies serve their compounds: property management
 * (16 working hours) becomes property first (other categories stay as they were, so the demo's other cases take the
 * ladder as before), and one synthetic case is reported
 * in each of the first served compounds, which the companies' staff then handle in turn: closed at the company, being
 * handled, handed up to the grid, or left for the clock. Without property companies it does nothing and says so.
 */
@Component
@DemoDataEnabled
class DemoPropertyFirst {
  static final Map<String, Integer> PROPERTY_FIRST = Map.of("PROPERTY_MANAGEMENT", 16);
  static final int CASES = 36;
  private static final Actor OPERATOR = new Actor("operator", Set.of(Role.OPERATOR), Optional.empty());

  private final JdbcTemplate jdbc;
  private final Categories categories;
  private final Intake intake;
  private final Workflow workflow;
  private final AreaCatalog areas;
  private final DistrictProfile district;
  private final Clock clock;

  DemoPropertyFirst(JdbcTemplate jdbc, Categories categories, Intake intake, Workflow workflow, AreaCatalog areas,
      DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.categories = categories;
    this.intake = intake;
    this.workflow = workflow;
    this.areas = areas;
    this.district = district;
    this.clock = clock;
  }

  /** A served compound and the company serving it. */
  private record Served(String compound, long organisation, boolean ofDemoAccount) {}

  String seed() {
    List<Served> served = served();
    if (served.isEmpty()) return "no property company serves a compound: nothing marked property first";
    // Seeded once: the categories are marked with the cases, so an administrator's later change of a flag is kept.
    Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM incident WHERE property_organisation IS NOT NULL", Integer.class);
    if (already != null && already > 0) return "already there";
    int marked = 0;
    for (var e : PROPERTY_FIRST.entrySet()) if (categories.makePropertyFirst(e.getKey(), e.getValue())) marked++;
    int made = 0;
    for (Served s : served) {
      if (made == CASES) break;
      Optional<CompoundView> compound = areas.now().compounds().stream().filter(c -> c.name().equals(s.compound())).findFirst();
      if (compound.isEmpty()) continue;
      var at = compound.get().outline().getInteriorPoint();
      try {
        String id = intake.submit(new Submission("PROPERTY_MANAGEMENT", at.getX(), at.getY(), Crs.WGS84, null,
            "楼道灯坏了，请物业维修（演示数据）synthetic demo report", List.of(), null, null, Channel.RESIDENT_WEB,
            Submission.Reporter.NONE, Submission.Fields.NATIVE), Actor.SYSTEM, null, null).incident().getPublicId();
        handle(id, made % 4, new Actor("property-staff-" + s.organisation(), Set.of(Role.PROPERTY_STAFF), Optional.empty(),
            Optional.of(s.organisation())));
        made++;
      } catch (RuntimeException e) {
        // a compound whose inside lies outside every grid, or that another company's compound covers: skip it
      }
    }
    return marked + " categories marked property first, " + made + " cases at property companies";
  }

  /** One of four ways a company's case goes: closed at the company, being handled, handed up, left for the clock. */
  private void handle(String id, int way, Actor staff) {
    switch (way) {
      case 0 -> {
        workflow.act(id, Action.START, Workflow.Input.of(null), staff);
        workflow.act(id, Action.RESOLVE, Workflow.Input.of("已更换灯泡（演示）"), staff);
        workflow.act(id, Action.VERIFY, Workflow.Input.of(null), OPERATOR);
        workflow.act(id, Action.CLOSE, Workflow.Input.of(null), OPERATOR);
      }
      case 1 -> workflow.act(id, Action.START, Workflow.Input.of(null), staff);
      case 2 -> workflow.act(id, Action.ESCALATE, Workflow.Input.of("涉及公共部位改造，需网格协调（演示）"), staff);
      default -> { } // the property tier's clock will hand it to the grid
    }
  }

  private List<Served> served() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), district.timeZone());
    // the demo account `property`'s company first (a few of its compounds), so that signing in as it shows cases
    List<Served> all = jdbc.query("""
        SELECT a.area_code, a.organisation_id,
               CASE WHEN EXISTS (SELECT 1 FROM organisation_staff s WHERE s.username = 'property' AND s.organisation_id = a.organisation_id)
                    THEN 0 ELSE 1 END AS later
          FROM organisation_service_area a
          JOIN organisation o ON o.id = a.organisation_id AND o.kind = 'PROPERTY_COMPANY'
         WHERE a.area_kind = 'COMPOUND' AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?)
         ORDER BY a.area_code""", (rs, i) -> new Served(rs.getString(1), rs.getLong(2), rs.getInt(3) == 0),
        Date.valueOf(today), Date.valueOf(today));
    List<Served> out = new ArrayList<>(all.stream().filter(Served::ofDemoAccount).limit(CASES / 3).toList());
    all.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }
}
