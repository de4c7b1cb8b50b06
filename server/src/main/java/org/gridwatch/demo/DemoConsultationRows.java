package org.gridwatch.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.gridwatch.demo.DemoBodies.Body;
import org.gridwatch.demo.DemoBodies.Member;
import org.gridwatch.demo.DemoBodies.PartyMember;
import org.gridwatch.demo.DemoConsultation.OpenCase;
import org.gridwatch.demo.DemoConsultation.PastCase;
import org.gridwatch.demo.DemoConsultation.Place;
import org.gridwatch.demo.DemoMediations.Mediation;
import org.gridwatch.demo.DemoMeetings.Decision;
import org.gridwatch.demo.DemoMeetings.Meeting;
import org.gridwatch.demo.DemoMeetings.Task;
import org.gridwatch.demo.DemoMeetings.Topic;
import org.gridwatch.privacy.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Writes the planned consultation demo into the V21 tables with plain SQL batches, ids from each table's own sequence
 * (never meeting those the capabilities hand out), phones sealed and party members' lookup hashes keyed as the
 * product keys them; marks the closed disputes' settlement in the grid and puts the convened cases into consultation
 * (paused, with their CONVENED event). The caller holds the transaction.
 */
final class DemoConsultationRows {
  private static final String STAFF = "community";
  private final JdbcTemplate jdbc;
  private final PersonalData personal;
  private final boolean postgres;

  DemoConsultationRows(JdbcTemplate jdbc, PersonalData personal) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.postgres = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
  }

  /** Writes it all; answers the milliseconds each part took to write. */
  String write(DemoBodies b, DemoMeetings m, DemoMediations mediations, List<OpenCase> convened, Instant now) {
    long t0 = System.nanoTime();
    Iterator<Long> ids = ids("body_seq", b.bodies.size());
    b.bodies.forEach(x -> x.id = ids.next());
    // parents first: a branch's committee and a group's branch come before them in the list
    rows("INSERT INTO body (id, kind, name, area_kind, area_code, community_code, grid_code, parent_id, quorum, pass_by, pass_base,"
        + " consensus_allowed, constituted_on, created_by, created_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,TRUE)",
        b.bodies.stream().map(x -> new Object[] {x.id, x.kind.name(), x.name, x.areaKind, x.areaCode, x.community, s(x.grid),
            id(x.parent == null ? null : x.parent.id), x.rules.quorum().name(), x.rules.passBy().name(), x.rules.passBase().name(),
            x.rules.consensusAllowed(), d(x.constitutedOn), "admin", ts(x.constitutedOn.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))})
            .toList());
    Iterator<Long> pids = ids("party_member_seq", b.partyMembers.size());
    b.partyMembers.forEach(p -> p.id = pids.next());
    rows("INSERT INTO party_member (id, name, body_id, phone_sealed, person_hash, home_community_code, home_grid_code, employer, dual_report,"
        + " reported_on, service, created_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,TRUE)", b.partyMembers.stream().map(p -> new Object[] {
            p.id, p.name, p.body.id, s(null), personal.lookupHash(p.name + "|"), p.community, s(p.grid), s(p.employer),
            p.dualReport, d(p.reportedOn), s(p.service), ts(now)}).toList());
    List<Member> members = b.bodies.stream().flatMap(x -> x.members.stream()).toList();
    Iterator<Long> mids = ids("body_member_seq", members.size());
    members.forEach(x -> x.id = mids.next());
    rows("INSERT INTO body_member (id, body_id, name, role, voting, term_from, term_to, party_member_id, created_at, synthetic)"
        + " VALUES (?,?,?,?,?,?,?,?,?,TRUE)", members.stream().map(x -> new Object[] {x.id, x.body.id, x.name, x.role, x.voting,
            d(x.from), d(x.to), id(x.partyMember == null ? null : x.partyMember.id), ts(now)}).toList());
    long t1 = System.nanoTime();
    topics(m.topics);
    meetings(m.meetings, now);
    long t2 = System.nanoTime();
    decisions(m.decisions, m.supervisions);
    long t3 = System.nanoTime();
    mediations(mediations.all);
    convene(convened, now);
    long t4 = System.nanoTime();
    return "bodies " + (t1 - t0) / 1_000_000 + " ms, meetings " + (t2 - t1) / 1_000_000 + " ms, decisions " + (t3 - t2) / 1_000_000
        + " ms, mediations " + (t4 - t3) / 1_000_000 + " ms";
  }

  private void topics(List<Topic> topics) {
    Iterator<Long> ids = ids("topic_seq", topics.size());
    topics.forEach(t -> t.id = ids.next());
    rows("INSERT INTO topic (id, title, description, source, body_id, source_body_id, need_id, proposer_name, status, decline_reason, lon, lat,"
        + " grid_code, community_code, created_by, created_at, decided_at, done_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,TRUE)",
        topics.stream().map(t -> new Object[] {t.id, t.title, t.description, t.source, t.body.id, id(t.sourceBody == null ? null : t.sourceBody.id),
            id(t.needId), s(t.proposer), t.status, s(t.declineReason), t.lon, t.lat, s(t.grid), t.community, STAFF, ts(t.createdAt),
            ts(t.decidedAt), ts(t.doneAt)}).toList());
    List<Object[]> supporters = new ArrayList<>(), cases = new ArrayList<>();
    for (Topic t : topics) {
      for (int i = 0; i < t.supporters.size(); i++) {
        supporters.add(new Object[] {t.id, t.supporters.get(i), ts(t.createdAt.plusSeconds(3_600L * (i + 1)))});
      }
      for (PastCase k : t.cases) cases.add(new Object[] {t.id, k.id, ts(t.createdAt), STAFF});
    }
    rows("INSERT INTO topic_supporter (topic_id, name, supported_at) VALUES (?,?,?)", supporters);
    rows("INSERT INTO topic_case (topic_id, incident_id, linked_at, linked_by) VALUES (?,?,?,?)", cases);
  }

  /** A meeting was planned ten days ahead, or at once when it is sooner. */
  private static Instant planned(Instant startsAt, Instant now) {
    Instant ahead = startsAt.minusSeconds(86_400L * 10);
    return ahead.isAfter(now) ? now : ahead;
  }

  private void meetings(List<Meeting> meetings, Instant now) {
    Iterator<Long> ids = ids("meeting_seq", meetings.size());
    meetings.forEach(x -> x.id = ids.next());
    rows("INSERT INTO meeting (id, body_id, title, starts_at, ends_at, service_point_id, place_name, lon, lat, grid_code, community_code, status,"
        + " quorum_met, attendees, minutes, created_by, created_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,TRUE)",
        meetings.stream().map(x -> new Object[] {x.id, x.body.id, x.title, ts(x.startsAt), ts(x.endsAt), id(x.servicePoint), x.placeName, x.lon,
            x.lat, s(x.grid), x.body.community, x.status, bool(x.quorumMet), x.attendees == null ? new SqlParameterValue(Types.INTEGER, null)
                : x.attendees, s(x.minutes), STAFF, ts(planned(x.startsAt, now))}).toList());
    List<Object[]> agenda = new ArrayList<>(), attendance = new ArrayList<>(), invitees = new ArrayList<>();
    for (Meeting x : meetings) {
      for (int i = 0; i < x.agenda.size(); i++) agenda.add(new Object[] {x.id, x.agenda.get(i).id, i + 1});
      x.present.forEach(p -> attendance.add(new Object[] {x.id, p.id, true}));
      x.absent.forEach(p -> attendance.add(new Object[] {x.id, p.id, false}));
      x.invitees.forEach(i -> invitees.add(new Object[] {x.id, i[0], i[1], id((Long) i[2]), bool((Boolean) i[3])}));
    }
    rows("INSERT INTO meeting_topic (meeting_id, topic_id, sort_order) VALUES (?,?,?)", agenda);
    rows("INSERT INTO meeting_attendance (meeting_id, member_id, present) VALUES (?,?,?)", attendance);
    Iterator<Long> iids = ids("meeting_invitee_seq", invitees.size());
    rows("INSERT INTO meeting_invitee (id, meeting_id, party_kind, name, organisation_id, present) VALUES (?,?,?,?,?,?)",
        invitees.stream().map(i -> new Object[] {iids.next(), i[0], i[1], i[2], i[3], i[4]}).toList());
  }

  private void decisions(List<Decision> decisions, List<DemoMeetings.Supervision> supervisions) {
    Iterator<Long> ids = ids("decision_seq", decisions.size());
    decisions.forEach(x -> x.id = ids.next());
    rows("INSERT INTO decision (id, meeting_id, topic_id, text, method, votes_for, votes_against, abstentions, adopted, decided_by, recorded_by,"
        + " recorded_at, published_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,TRUE)", decisions.stream().map(x -> new Object[] {x.id,
            x.meeting.id, x.topic.id, x.text, x.method, x.votesFor, x.against, x.abstentions, x.adopted, x.meeting.body.name, STAFF,
            ts(x.meeting.endsAt), ts(x.publishedAt)}).toList());
    List<Object[]> votes = new ArrayList<>();
    decisions.forEach(x -> x.votes.forEach(v -> votes.add(new Object[] {x.id, ((Member) v[0]).id, v[1]})));
    rows("INSERT INTO decision_vote (decision_id, member_id, choice) VALUES (?,?,?)", votes);
    List<Task> tasks = decisions.stream().flatMap(x -> x.tasks.stream()).toList();
    Iterator<Long> tids = ids("task_seq", tasks.size());
    tasks.forEach(k -> k.id = tids.next());
    rows("INSERT INTO task (id, decision_id, title, owner_kind, owner_name, owner_ref, due_on, status, lon, lat, done_at, verified_at, verified_by,"
        + " created_by, created_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,TRUE)", tasks.stream().map(k -> new Object[] {k.id,
            k.decision.id, k.title, k.ownerKind, k.ownerName, id(k.ownerMember != null ? Long.valueOf(k.ownerMember.id) : k.ownerRef), d(k.dueOn),
            k.status, k.decision.topic.lon, k.decision.topic.lat, ts(k.doneAt), ts(k.verifiedAt), s(k.verifiedAt == null ? null : STAFF),
            STAFF, ts(k.decision.meeting.endsAt)}).toList());
    List<Task> evidenced = tasks.stream().filter(k -> k.doneAt != null).toList();
    Iterator<Long> eids = ids("task_evidence_seq", evidenced.size());
    rows("INSERT INTO task_evidence (id, task_id, note, added_by, added_at) VALUES (?,?,?,?,?)", evidenced.stream().map(k -> new Object[] {
        eids.next(), k.id, "完成情况说明（演示）：" + k.title.replace("（演示）", "") + "已办结，附现场照片存档。", STAFF, ts(k.doneAt)}).toList());
    Iterator<Long> sids = ids("supervision_seq", supervisions.size());
    rows("INSERT INTO supervision (id, topic_id, member_id, result, note, checked_at, recorded_by) VALUES (?,?,?,?,?,?,?)",
        supervisions.stream().map(x -> new Object[] {sids.next(), x.topic().id, x.member().id, x.result(),
            x.result().equals("SATISFACTORY") ? "实地查看，居民满意（演示）" : "部分居民仍有意见，建议继续跟进（演示）", ts(x.at()), STAFF}).toList());
  }

  private void mediations(List<Mediation> all) {
    Iterator<Long> ids = ids("mediation_seq", all.size());
    all.forEach(x -> x.id = ids.next());
    rows("INSERT INTO mediation (id, incident_id, dispute_type, mediator_kind, mediator_name, mediator_organisation_id, level, status, outcome,"
        + " agreement, agreement_signed_on, follow_up_due, followed_up_on, follow_up_result, follow_up_note, grid_code, community_code, opened_by,"
        + " opened_at, closed_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,TRUE)", all.stream().map(x -> new Object[] {x.id,
            x.incidentId, x.disputeType, x.mediatorKind, x.mediatorName, id(x.lawFirm), x.level, x.status, s(x.outcome), s(x.agreement),
            d(x.signedOn), d(x.followUpDue), d(x.followedUpOn), s(x.followUpResult), s(x.followUpNote), x.grid, x.community, x.openedBy,
            ts(x.openedAt), ts(x.closedAt)}).toList());
    List<Object[]> parties = new ArrayList<>(), sessions = new ArrayList<>(), settled = new ArrayList<>();
    for (Mediation x : all) {
      for (int i = 0; i < x.parties.size(); i++) {
        String[] p = x.parties.get(i);
        parties.add(new Object[] {x.id, i + 1, p[0], p[1], personal.seal(p[2])});
      }
      for (Object[] s : x.sessions) sessions.add(new Object[] {x.id, ts((Instant) s[0]), id(s[1] == null ? null : ((Place) s[1]).id()),
          s[1] == null ? "网格议事点（演示）" : ((Place) s[1]).name(), s[2], x.openedBy});
      if (!x.status.equals("OPEN")) settled.add(new Object[] {x.status.equals("SETTLED") && x.level.equals("GRID"), x.incidentId});
    }
    rows("INSERT INTO mediation_party (mediation_id, sort_order, role, name, phone_sealed) VALUES (?,?,?,?,?)", parties);
    Iterator<Long> sids = ids("mediation_session_seq", sessions.size());
    rows("INSERT INTO mediation_session (id, mediation_id, held_at, service_point_id, place_name, note, recorded_by) VALUES (?,?,?,?,?,?,?)",
        sessions.stream().map(s -> new Object[] {sids.next(), s[0], s[1], s[2], s[3], s[4], s[5]}).toList());
    // 纠纷不出网格: settled at the grid, or mediated and settled elsewhere (or not at all)
    rows("UPDATE incident SET settled_in_grid = ? WHERE id = ?", settled);
  }

  /** The cases convened: paused in consultation from the status they were in, with the event the workflow writes. */
  private void convene(List<OpenCase> cases, Instant now) {
    rows("UPDATE incident SET paused_from = status, status = 'IN_CONSULTATION', paused_at = ?, dispatched_at = COALESCE(dispatched_at, ?),"
        + " updated_at = ?, version = version + 1 WHERE id = ?", cases.stream().map(k -> new Object[] {ts(k.convenedAt), ts(k.convenedAt),
            ts(k.convenedAt), k.id}).toList());
    Iterator<Long> ids = ids("incident_event_seq", cases.size());
    rows("INSERT INTO incident_event (id, incident_id, at, type, from_status, to_status, actor, actor_role, level, unit_code, note)"
        + " VALUES (?,?,?,'CONVENED',?,'IN_CONSULTATION',?,'COMMUNITY_STAFF',?,?,?)", cases.stream().map(k -> new Object[] {ids.next(), k.id,
            ts(k.convenedAt), k.status, STAFF, s(k.level), s(k.unit), "召集利益相关方共同协商解决（演示）"}).toList());
  }

  private void rows(String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) jdbc.batchUpdate(sql, rows);
  }

  /** {@code n} fresh values of a sequence in one round trip. */
  private Iterator<Long> ids(String sequence, int n) {
    if (n == 0) return Collections.emptyIterator();
    String sql = postgres ? "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)"
        : "SELECT NEXT VALUE FOR " + sequence + " FROM system_range(1, ?)";
    return jdbc.queryForList(sql, Long.class, n).iterator();
  }

  // Nulls go with their SQL type: an untyped null makes Spring ask the driver for the parameter's type (a round trip per row).
  private static Object ts(Instant at) { return at == null ? new SqlParameterValue(Types.TIMESTAMP, null) : Timestamp.from(at); }

  private static Object d(LocalDate day) { return day == null ? new SqlParameterValue(Types.DATE, null) : Date.valueOf(day); }

  private static Object s(String text) { return text == null ? new SqlParameterValue(Types.VARCHAR, null) : text; }

  private static Object id(Long id) { return id == null ? new SqlParameterValue(Types.BIGINT, null) : id; }

  private static Object bool(Boolean b) { return b == null ? new SqlParameterValue(Types.BOOLEAN, null) : b; }
}
