package org.gridwatch.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.consultation.ConsultationRequests.AttendanceRequest;
import org.gridwatch.consultation.ConsultationRequests.Invitee;
import org.gridwatch.consultation.ConsultationRequests.InviteePresence;
import org.gridwatch.consultation.ConsultationRequests.MeetingRequest;
import org.gridwatch.governance.BodyView;
import org.gridwatch.governance.Bodies;
import org.gridwatch.governance.MemberView;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings of a body: planned with an agenda of accepted topics, a place (a service point or a named place) and
 * invited parties; held when attendance is recorded, which decides the quorum by the body's rules over its voting
 * members in term on the meeting's day; minutes; cancelled while planned.
 */
@Service
class Meetings {
  private final JdbcTemplate jdbc;
  private final Bodies bodies;
  private final Topics topics;
  private final ConsultationAccess access;
  private final Clock clock;

  Meetings(JdbcTemplate jdbc, Bodies bodies, Topics topics, ConsultationAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.bodies = bodies;
    this.topics = topics;
    this.access = access;
    this.clock = clock;
  }

  record MeetingRow(long id, long bodyId, MeetingStatus status, Timestamp startsAt, String communityCode, Boolean quorumMet) {}

  @Transactional
  long plan(MeetingRequest r) {
    BodyView body = topics.activeBody(r.body(), "body");
    var actor = access.writerIn(body.communityCode());
    if (r.endsAt() != null && r.endsAt().isBefore(r.startsAt())) throw ConsultationProblems.invalid("endsAt", Text.of("consultation.ends-before-start"));
    Object[] place = place(r, body);
    List<Long> agenda = r.topics() == null ? List.of() : r.topics();
    if (new HashSet<>(agenda).size() != agenda.size()) throw ConsultationProblems.invalid("topics", Text.of("consultation.topic-twice"));
    for (int k = 0; k < agenda.size(); k++) {
      long id = agenda.get(k);
      var t = jdbc.query("SELECT status, community_code FROM topic WHERE id = ?", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, id)
          .stream().findFirst().orElse(null);
      if (t == null || !TopicStatus.ACCEPTED.name().equals(t[0]) || !body.communityCode().equals(t[1])) {
        throw ConsultationProblems.invalid("topics[" + k + "]", Text.of("consultation.topic-not-on-agenda", String.valueOf(id)));
      }
    }
    List<Invitee> invitees = r.invitees() == null ? List.of() : r.invitees();
    long id = jdbc.queryForObject("SELECT nextval('meeting_seq')", Long.class);
    double lon = (Double) place[2], lat = (Double) place[3];
    String grid = access.gridAt(lon, lat);
    jdbc.update("INSERT INTO meeting (id, body_id, title, starts_at, ends_at, service_point_id, place_name, lon, lat, grid_code, community_code,"
        + " status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)", id, body.id(), r.title().strip(),
        Timestamp.from(r.startsAt()), r.endsAt() == null ? null : Timestamp.from(r.endsAt()), place[0], place[1], lon, lat,
        grid != null ? grid : body.gridCode(), body.communityCode(), actor.username(), Timestamp.from(clock.instant()));
    for (int k = 0; k < agenda.size(); k++) {
      jdbc.update("INSERT INTO meeting_topic (meeting_id, topic_id, sort_order) VALUES (?, ?, ?)", id, agenda.get(k), k);
    }
    for (Invitee v : invitees) {
      jdbc.update("INSERT INTO meeting_invitee (id, meeting_id, party_kind, name, organisation_id, department_code, body_id) VALUES"
          + " (nextval('meeting_invitee_seq'), ?, ?, ?, ?, ?, ?)", id, v.kind().name(), v.name().strip(), v.organisation(), v.department(), v.body());
    }
    return id;
  }

  /** {servicePointId, placeName, lon, lat}: the service point's, or the named place's; 422 naming the field otherwise. */
  private Object[] place(MeetingRequest r, BodyView body) {
    if (r.servicePoint() != null) {
      return jdbc.query("SELECT id, name, lon, lat FROM service_point WHERE id = ?",
          (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)}, r.servicePoint()).stream().findFirst()
          .orElseThrow(() -> ConsultationProblems.invalid("servicePoint", Text.of("consultation.unknown-service-point", String.valueOf(r.servicePoint()))));
    }
    if (r.place() == null) throw ConsultationProblems.invalid("place", Text.of("consultation.place-needed"));
    if (!Double.isFinite(r.place().lon()) || !Double.isFinite(r.place().lat()) || access.gridAt(r.place().lon(), r.place().lat()) == null) {
      throw ConsultationProblems.invalid("place.lon", Text.of("consultation.outside-district"));
    }
    return new Object[] {null, r.place().name().strip(), r.place().lon(), r.place().lat()};
  }

  @Transactional
  void attendance(long meetingId, AttendanceRequest r) {
    MeetingRow m = lockedRow(meetingId);
    access.writerIn(m.communityCode());
    if (m.status() != MeetingStatus.PLANNED) throw ConsultationProblems.outOfOrder("attendance", m.status());
    BodyView body = bodies.find(m.bodyId()).orElseThrow();
    LocalDate day = dayOf(m);
    List<MemberView> inTerm = bodies.membersInTerm(body.id(), day);
    Set<Long> present = new HashSet<>(r.present() == null ? List.of() : r.present());
    for (Long id : present) {
      if (inTerm.stream().noneMatch(mv -> mv.id() == id)) {
        throw ConsultationProblems.invalid("present", Text.of("consultation.not-member-in-term", String.valueOf(id), day.toString()));
      }
    }
    List<InviteePresence> invitees = r.invitees() == null ? List.of() : r.invitees();
    for (int k = 0; k < invitees.size(); k++) {
      Integer ours = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_invitee WHERE id = ? AND meeting_id = ?", Integer.class,
          invitees.get(k).id(), meetingId);
      if (ours == 0) throw ConsultationProblems.invalid("invitees[" + k + "].id", Text.of("consultation.not-invited", String.valueOf(invitees.get(k).id())));
    }
    int presentVoting = 0, voting = 0, presentMembers = 0;
    for (MemberView mv : inTerm) {
      boolean here = present.contains(mv.id());
      jdbc.update("INSERT INTO meeting_attendance (meeting_id, member_id, present) VALUES (?, ?, ?)", meetingId, mv.id(), here);
      if (here) presentMembers++;
      if (mv.voting()) {
        voting++;
        if (here) presentVoting++;
      }
    }
    int invitedPresent = 0;
    for (InviteePresence p : invitees) {
      jdbc.update("UPDATE meeting_invitee SET present = ? WHERE id = ?", p.present(), p.id());
      if (p.present()) invitedPresent++;
    }
    boolean quorum = body.rules().quorumMet(presentVoting, voting);
    int attendees = r.attendees() != null ? r.attendees() : presentMembers + invitedPresent;
    jdbc.update("UPDATE meeting SET status = 'HELD', quorum_met = ?, attendees = ?, version = version + 1 WHERE id = ?", quorum, attendees, meetingId);
  }

  @Transactional
  void minutes(long meetingId, String text) {
    MeetingRow m = lockedRow(meetingId);
    access.writerIn(m.communityCode());
    if (m.status() != MeetingStatus.HELD) throw ConsultationProblems.outOfOrder("minutes", m.status());
    jdbc.update("UPDATE meeting SET minutes = ?, version = version + 1 WHERE id = ?", text.strip(), meetingId);
  }

  @Transactional
  void cancel(long meetingId) {
    MeetingRow m = lockedRow(meetingId);
    access.writerIn(m.communityCode());
    if (m.status() != MeetingStatus.PLANNED) throw ConsultationProblems.outOfOrder("cancel", m.status());
    jdbc.update("UPDATE meeting SET status = 'CANCELLED', version = version + 1 WHERE id = ?", meetingId);
  }

  /** The meeting's day in the district's zone: the day terms are counted on. */
  LocalDate dayOf(MeetingRow m) { return m.startsAt().toInstant().atZone(access.zone()).toLocalDate(); }

  /** The meeting's row, locked for the rest of the transaction (two clerks recording at once go one after the other). */
  MeetingRow lockedRow(long id) {
    return jdbc.query("SELECT id, body_id, status, starts_at, community_code, quorum_met FROM meeting WHERE id = ? FOR UPDATE",
        (rs, n) -> new MeetingRow(rs.getLong(1), rs.getLong(2), MeetingStatus.valueOf(rs.getString(3)), rs.getTimestamp(4), rs.getString(5),
            (Boolean) rs.getObject(6)), id).stream().findFirst().orElseThrow(() -> ConsultationProblems.unknown("meeting", id));
  }
}
