package org.gridwatch.mediation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Workflow;
import org.gridwatch.privacy.PersonalData;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mediation of a neighbour dispute (人民调解): opened on the case, sessions, then settled with an agreement or not
 * settled with where the parties go; a visit 30 days after a settlement. Settling or failing records on the case
 * whether the dispute was settled inside its grid, which the dispute measure counts. Each write is one transaction:
 * a refusal stores nothing.
 */
@Service
public class Mediations {
  static final String DISPUTE = "NEIGHBOUR_DISPUTE";
  static final int FOLLOW_UP_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final MediationReads reads;
  private final org.gridwatch.service.Sequences ids;
  private final PersonalData personal;
  private final Workflow workflow;
  private final java.time.Clock clock;

  Mediations(JdbcTemplate jdbc, MediationReads reads, org.gridwatch.service.Sequences ids, PersonalData personal, Workflow workflow, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.reads = reads;
    this.ids = ids;
    this.personal = personal;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** A case as mediation needs it. */
  private record Case(long id, String category, MediationAccess.Place place) {}

  @Transactional
  public MediationView open(String publicId, MediationRequests.Open body, Actor actor) {
    Case c = caseOf(publicId);
    MediationAccess.mustWrite(actor, c.place());
    if (!DISPUTE.equals(c.category())) {
      throw unprocessable("case", Text.of("mediation.not-a-dispute", publicId, c.category()));
    }
    Set<PartyRole> sides = body.parties().stream().map(MediationRequests.Party::role).collect(Collectors.toSet());
    if (!sides.containsAll(Set.of(PartyRole.APPLICANT, PartyRole.RESPONDENT))) {
      throw unprocessable("parties", Text.of("mediation.both-sides"));
    }
    MediationRequests.Mediator m = body.mediator();
    if (m.volunteer() != null && count("volunteer", m.volunteer()) == 0) {
      throw unprocessable("mediator.volunteer", Text.of("mediation.no-volunteer", String.valueOf(m.volunteer())));
    }
    if (m.organisation() != null && count("organisation", m.organisation()) == 0) {
      throw unprocessable("mediator.organisation", Text.of("mediation.no-organisation", String.valueOf(m.organisation())));
    }
    if (reads.byIncident(c.id()).isPresent()) throw duplicate(publicId);
    long id = ids.next("mediation_seq");
    try {
      jdbc.update("INSERT INTO mediation (id, incident_id, dispute_type, mediator_kind, mediator_name, mediator_volunteer_id,"
          + " mediator_organisation_id, level, status, grid_code, community_code, opened_by, opened_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)", id, c.id(), body.disputeType().name(), m.kind().name(),
          m.name().strip(), m.volunteer(), m.organisation(), body.level().name(), c.place().grid(), c.place().community(),
          actor.username(), Timestamp.from(clock.instant()));
    } catch (DataIntegrityViolationException raced) {
      throw duplicate(publicId);
    }
    int order = 0;
    for (MediationRequests.Party p : body.parties()) {
      String phone = p.phone() == null || p.phone().isBlank() ? null : personal.seal(p.phone().strip());
      jdbc.update("INSERT INTO mediation_party (mediation_id, sort_order, role, name, phone_sealed) VALUES (?, ?, ?, ?, ?)",
          id, order++, p.role().name(), p.name().strip(), phone);
    }
    return reads.byId(id).orElseThrow().view();
  }

  @Transactional
  public MediationView session(long id, MediationRequests.Session body, Actor actor) {
    MediationReads.Row row = writable(id, actor);
    mustBeOpen(row);
    if (body.servicePoint() == null && body.place() == null) throw unprocessable("place", Text.of("mediation.place-required"));
    if (body.servicePoint() != null && count("service_point", body.servicePoint()) == 0) {
      throw unprocessable("servicePoint", Text.of("mediation.no-service-point", String.valueOf(body.servicePoint())));
    }
    if (body.heldAt().isBefore(row.view().openedAt().minusSeconds(366L * 86400))) {
      throw unprocessable("heldAt", Text.of("mediation.held-long-before", body.heldAt().toString(), row.view().openedAt().toString()));
    }
    jdbc.update("INSERT INTO mediation_session (id, mediation_id, held_at, service_point_id, place_name, note, recorded_by)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", ids.next("mediation_session_seq"), id, Timestamp.from(body.heldAt()), body.servicePoint(),
        body.place() == null ? null : body.place().name().strip(), blankToNull(body.note()), actor.username());
    return reads.byId(id).orElseThrow().view();
  }

  @Transactional
  public MediationView settle(long id, MediationRequests.Settle body, Actor actor) {
    MediationReads.Row row = writable(id, actor);
    mustBeOpen(row);
    notAfterToday("signedOn", body.signedOn());
    LocalDate due = body.signedOn().plusDays(FOLLOW_UP_DAYS);
    close(id, "UPDATE mediation SET status = 'SETTLED', agreement = ?, agreement_signed_on = ?, follow_up_due = ?, closed_at = ?,"
        + " version = version + 1 WHERE id = ? AND status = 'OPEN'", body.agreement().strip(), Date.valueOf(body.signedOn()),
        Date.valueOf(due), Timestamp.from(clock.instant()), id);
    workflow.recordSettlement(row.incidentId(), row.view().level() == MediationLevel.GRID);
    return reads.byId(id).orElseThrow().view();
  }

  @Transactional
  public MediationView fail(long id, MediationRequests.Fail body, Actor actor) {
    MediationReads.Row row = writable(id, actor);
    mustBeOpen(row);
    close(id, "UPDATE mediation SET status = 'NOT_SETTLED', outcome = ?, outcome_note = ?, closed_at = ?, version = version + 1"
        + " WHERE id = ? AND status = 'OPEN'", body.outcome().name(), blankToNull(body.note()), Timestamp.from(clock.instant()), id);
    workflow.recordSettlement(row.incidentId(), false);
    return reads.byId(id).orElseThrow().view();
  }

  @Transactional
  public MediationView followUp(long id, MediationRequests.FollowUp body, Actor actor) {
    MediationReads.Row row = writable(id, actor);
    MediationView v = row.view();
    if (v.status() != MediationStatus.SETTLED) {
      throw new ProblemException(HttpStatus.CONFLICT, "illegal-mediation-step", "Not allowed in this status",
          Text.of("mediation.follow-up-not-settled", String.valueOf(id), v.status().name()), List.of(new ProblemException.FieldError("status", Text.of("mediation.status-is", v.status().name()))));
    }
    notAfterToday("on", body.on());
    if (body.on().isBefore(v.followUpDue())) {
      throw new ProblemException(HttpStatus.CONFLICT, "follow-up-not-due", "Follow-up not due yet",
          Text.of("mediation.follow-up-before-due", body.on().toString(), v.followUpDue().toString()),
          List.of(new ProblemException.FieldError("on", Text.of("mediation.not-before", v.followUpDue().toString()))));
    }
    int changed = jdbc.update("UPDATE mediation SET followed_up_on = ?, follow_up_result = ?, follow_up_note = ?, version = version + 1"
        + " WHERE id = ? AND followed_up_on IS NULL", Date.valueOf(body.on()), body.result().name(), blankToNull(body.note()), id);
    if (changed == 0) {
      throw new ProblemException(HttpStatus.CONFLICT, "follow-up-done", "Already followed up",
          Text.of("mediation.followed-up-already", String.valueOf(id), String.valueOf(v.followedUpOn())), List.of());
    }
    return reads.byId(id).orElseThrow().view();
  }

  @Transactional(readOnly = true)
  public MediationView ofCase(String publicId, Actor actor) {
    Case c = caseOf(publicId);
    MediationReads.Row row = reads.byIncident(c.id()).orElseThrow(() -> ProblemException.notFound("unknown-mediation",
        "Unknown mediation", Text.of("mediation.none-for-case", publicId)));
    mustRead(row, actor);
    return row.view();
  }

  @Transactional(readOnly = true)
  public MediationView read(long id, Actor actor) {
    MediationReads.Row row = reads.byId(id).orElseThrow(() -> unknown(id));
    mustRead(row, actor);
    return row.view();
  }

  @Transactional(readOnly = true)
  public List<MediationView> list(String community, MediationStatus status, boolean followUpDue, Actor actor) {
    return reads.list(community, status, followUpDue).stream().filter(r -> MediationAccess.mayRead(actor, r.place()))
        .map(MediationReads.Row::view).toList();
  }

  private void mustRead(MediationReads.Row row, Actor actor) {
    if (!MediationAccess.mayRead(actor, row.place())) throw unknown(row.view().id());
  }

  private MediationReads.Row writable(long id, Actor actor) {
    MediationReads.Row row = reads.byId(id).orElseThrow(() -> unknown(id));
    if (!MediationAccess.mayRead(actor, row.place())) throw unknown(id);
    MediationAccess.mustWrite(actor, row.place());
    return row;
  }

  private static void mustBeOpen(MediationReads.Row row) {
    if (row.view().status() != MediationStatus.OPEN) throw closed(row.view());
  }

  /** A closing update that found the mediation no longer open (another request closed it first) is a 409. */
  private void close(long id, String sql, Object... args) {
    if (jdbc.update(sql, args) == 0) throw closed(reads.byId(id).orElseThrow().view());
  }

  private static ProblemException closed(MediationView v) {
    return new ProblemException(HttpStatus.CONFLICT, "illegal-mediation-step", "Not allowed in this status",
        Text.of("mediation.already-closed", String.valueOf(v.id()), v.status().name()), List.of(new ProblemException.FieldError("status", Text.of("mediation.status-is", v.status().name()))));
  }

  private void notAfterToday(String field, LocalDate day) {
    LocalDate today = reads.today();
    if (day.isAfter(today)) throw unprocessable(field, Text.of("mediation.day-in-future", day.toString(), today.toString()));
  }

  private Case caseOf(String publicId) {
    return jdbc.query("SELECT id, category_code, grid_code, community_code, subdistrict_code FROM incident WHERE public_id = ?",
        (rs, n) -> new Case(rs.getLong(1), rs.getString(2), new MediationAccess.Place(rs.getString(3), rs.getString(4), rs.getString(5))),
        publicId).stream().findFirst().orElseThrow(() -> ProblemException.notFound("unknown-incident", "Unknown case",
            Text.of("incident.there-no-case-x", publicId)));
  }

  private int count(String table, long id) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Integer.class, id);
  }

  private static ProblemException duplicate(String publicId) {
    return new ProblemException(HttpStatus.CONFLICT, "duplicate-mediation", "Mediation exists",
        Text.of("mediation.exists", publicId), List.of(new ProblemException.FieldError("case", Text.of("mediation.has-one"))));
  }

  private static ProblemException unknown(long id) {
    return ProblemException.notFound("unknown-mediation", "Unknown mediation", Text.of("mediation.no-such", String.valueOf(id)));
  }

  /** Well-formed input the mediation cannot take (a 422 naming the field). */
  private static ProblemException unprocessable(String field, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", reason,
        List.of(new ProblemException.FieldError(field, reason)));
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
