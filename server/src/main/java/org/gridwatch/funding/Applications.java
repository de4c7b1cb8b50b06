package org.gridwatch.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.funding.FundingAnswers.Round;
import org.gridwatch.funding.FundingRequests.Application;
import org.gridwatch.funding.FundingRequests.Tranche;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying to a round while its call is open: an organisation's staff for their own organisation, the funder (or an
 * administrator) naming any provider. Everything is checked before anything is written: the target areas (grids or
 * communities; the service area is the union of their boundaries), categories, recorded needs, the lead social worker
 * (a SOCIAL_WORKER volunteer) and the tranches, which must add up to the budget to the fen.
 */
@Service
class Applications {
  private final Rounds rounds;
  private final ProjectStore store;
  private final AreaCatalog areas;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  Applications(Rounds rounds, ProjectStore store, AreaCatalog areas, JdbcTemplate jdbc, Clock clock) {
    this.rounds = rounds;
    this.store = store;
    this.areas = areas;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores the application (status APPLIED, audit event APPLIED) and answers its id. */
  @Transactional
  long apply(Application body, FundingCaller caller) {
    Round round = rounds.find(body.round()).orElseThrow(() -> FundingProblems.invalid("invalid-application", "Invalid application",
        "round", Text.of("funding.no-round", body.round())));
    if (round.phase() != RoundPhase.CALL_OPEN) throw FundingProblems.roundNotInPhase(RoundPhase.CALL_OPEN, round.phase());
    long provider = provider(body, caller);
    List<FieldError> errors = new ArrayList<>();
    List<AreaView> targets = targets(body.areas(), errors);
    Set<String> categories = new LinkedHashSet<>(body.categories().stream().map(String::strip).toList());
    for (String c : categories) {
      if (count("SELECT COUNT(*) FROM category WHERE code = ?", c) == 0) errors.add(new FieldError("categories", Text.of("funding.no-category", c)));
    }
    Set<Long> needs = new LinkedHashSet<>(body.needsOrNone());
    for (Long n : needs) {
      if (count("SELECT COUNT(*) FROM need_record WHERE id = ?", n) == 0) errors.add(new FieldError("needs", Text.of("funding.no-need", n)));
    }
    if (body.leadSocialWorker() != null
        && count("SELECT COUNT(*) FROM volunteer WHERE id = ? AND kind = 'SOCIAL_WORKER'", body.leadSocialWorker()) == 0) {
      errors.add(new FieldError("leadSocialWorker", Text.of("funding.not-a-social-worker", body.leadSocialWorker())));
    }
    BigDecimal sum = body.tranches().stream().map(Tranche::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(body.budget()) != 0) {
      errors.add(new FieldError("tranches", Text.of("funding.tranches-sum", sum.setScale(2).toPlainString(), body.budget().setScale(2).toPlainString())));
    }
    if (!errors.isEmpty()) throw FundingProblems.invalid("invalid-application", "Invalid application", errors);
    String title = body.title().strip();
    if (count("SELECT COUNT(*) FROM project WHERE round_id = ? AND title = ?", round.id(), title) > 0) {
      throw new ProblemException(HttpStatus.CONFLICT, "duplicate-project", "Application exists", Text.of("funding.project-exists", title),
          List.of(new FieldError("title", Text.of("funding.project-exists", title))));
    }
    Instant now = clock.instant();
    long id = store.nextId("project_seq");
    ProjectRow row = new ProjectRow(id, round.id(), title, body.summary() == null ? null : body.summary().strip(), ProjectStatus.APPLIED,
        provider, body.leadSocialWorker(), List.copyOf(new LinkedHashSet<>(body.targetGroups())), body.budget(),
        body.kpis().beneficiaries(), body.kpis().sessions(), body.kpis().satisfaction(), false, null, null, 0, false);
    store.insert(row, serviceArea(targets).toText(), caller.username(), now);
    for (AreaView a : targets) store.addArea(id, a.code(), a.level().name());
    for (String c : categories) store.addCategory(id, c);
    for (Long n : needs) store.addNeed(id, n);
    int seq = 1;
    for (Tranche t : body.tranches()) store.addTranche(id, seq++, t.amount(), t.releasedOn());
    store.event(id, "APPLIED", null, ProjectStatus.APPLIED, caller.username(), caller.role(), null, now);
    return id;
  }

  /** The organisation that applies: an organisation's staff only for their own; the funder and admins name one. */
  private long provider(Application body, FundingCaller caller) {
    boolean namesAny = caller.is(Role.FUNDER) || caller.is(Role.ADMIN);
    if (!namesAny) {
      if (caller.organisationId() == null) throw FundingProblems.forbidden(Text.of("funding.no-own-organisation"));
      if (body.provider() != null && !body.provider().equals(caller.organisationId())) {
        throw FundingProblems.forbidden(Text.of("funding.only-own-organisation"));
      }
      return caller.organisationId();
    }
    if (body.provider() == null) throw ProblemException.badInput("provider", Text.of("funding.provider-required"));
    if (count("SELECT COUNT(*) FROM organisation WHERE id = ?", body.provider()) == 0) {
      throw FundingProblems.invalid("invalid-application", "Invalid application", "provider", Text.of("funding.no-organisation", body.provider()));
    }
    return body.provider();
  }

  private List<AreaView> targets(List<String> codes, List<FieldError> errors) {
    AreaCatalog.Snapshot s = areas.now();
    List<AreaView> out = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i).strip();
      AreaView a = s.find(code).orElse(null);
      if (a == null || (a.level() != AreaLevel.GRID && a.level() != AreaLevel.COMMUNITY)) {
        errors.add(new FieldError("areas[" + i + "]", Text.of("funding.not-grid-or-community", code)));
      } else if (out.stream().noneMatch(o -> o.code().equals(a.code()))) {
        out.add(a);
      }
    }
    return out;
  }

  /** The union of the target areas' boundaries, as one MultiPolygon. */
  static MultiPolygon serviceArea(List<AreaView> targets) {
    Geometry union = UnaryUnionOp.union(targets.stream().map(a -> (Geometry) a.boundary()).toList());
    MultiPolygon m = union instanceof MultiPolygon mp ? mp
        : union.getFactory().createMultiPolygon(new Polygon[] {(Polygon) union});
    m.setSRID(4326);
    return m;
  }

  private int count(String sql, Object arg) {
    Integer n = jdbc.queryForObject(sql, Integer.class, arg);
    return n == null ? 0 : n;
  }

  private int count(String sql, Object a, Object b) {
    Integer n = jdbc.queryForObject(sql, Integer.class, a, b);
    return n == null ? 0 : n;
  }
}
