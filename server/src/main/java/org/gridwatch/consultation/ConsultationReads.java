package org.gridwatch.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.consultation.ConsultationAnswers.AttendanceAnswer;
import org.gridwatch.consultation.ConsultationAnswers.DecisionAnswer;
import org.gridwatch.consultation.ConsultationAnswers.InviteeAnswer;
import org.gridwatch.consultation.ConsultationAnswers.MeetingAnswer;
import org.gridwatch.consultation.ConsultationAnswers.PublicDecision;
import org.gridwatch.consultation.ConsultationAnswers.SupervisionAnswer;
import org.gridwatch.consultation.ConsultationAnswers.TaskAnswer;
import org.gridwatch.consultation.ConsultationAnswers.TopicAnswer;
import org.gridwatch.consultation.ConsultationAnswers.VoteAnswer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the meeting loop: topics with their cases, meetings, decision, tasks and supervision; the public decisions. */
@Service
class ConsultationReads {
  static final int LIMIT = 500;
  private static final String TOPIC = "SELECT t.id, t.title, t.description, t.source, t.body_id, b.name, t.source_body_id, t.need_id,"
      + " t.proposer_name, t.status, t.decline_reason, t.lon, t.lat, t.grid_code, t.community_code, t.created_at FROM topic t"
      + " JOIN body b ON b.id = t.body_id";
  private static final String MEETING = "SELECT m.id, m.body_id, b.name, m.title, m.starts_at, m.ends_at, m.service_point_id, m.place_name, m.lon,"
      + " m.lat, m.grid_code, m.community_code, m.status, m.quorum_met, m.attendees, m.minutes FROM meeting m JOIN body b ON b.id = m.body_id";
  private static final String DECISION = "SELECT id, meeting_id, topic_id, text, method, votes_for, votes_against, abstentions, adopted, decided_by,"
      + " recorded_at, published_at FROM decision";
  private static final String TASK = "SELECT k.id, k.decision_id, k.title, k.owner_kind, k.owner_name, k.owner_ref, k.due_on, k.status, k.lon, k.lat,"
      + " k.done_at, k.verified_at, (SELECT COUNT(*) FROM task_evidence e WHERE e.task_id = k.id) FROM task k";

  private final JdbcTemplate jdbc;
  private final ConsultationAccess access;

  ConsultationReads(JdbcTemplate jdbc, ConsultationAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  @Transactional(readOnly = true)
  TopicAnswer topic(long id) {
    return jdbc.query(TOPIC + " WHERE t.id = ?", (rs, n) -> topicRow(rs, true), id).stream().findFirst()
        .orElseThrow(() -> ConsultationProblems.unknown("topic", id));
  }

  @Transactional(readOnly = true)
  List<TopicAnswer> topics(String community, TopicStatus status, Long body) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (community != null) { where.append(" AND t.community_code = ?"); args.add(community); }
    if (status != null) { where.append(" AND t.status = ?"); args.add(status.name()); }
    if (body != null) { where.append(" AND t.body_id = ?"); args.add(body); }
    return jdbc.query(TOPIC + where + " ORDER BY t.created_at DESC, t.id DESC LIMIT " + LIMIT, (rs, n) -> topicRow(rs, false), args.toArray());
  }

  /** A topic; {@code whole}: with its meetings, decision, tasks and supervision (lists carry cases and counts only). */
  private TopicAnswer topicRow(ResultSet rs, boolean whole) throws SQLException {
    long id = rs.getLong(1);
    int supporters = jdbc.queryForObject("SELECT COUNT(*) FROM topic_supporter WHERE topic_id = ?", Integer.class, id);
    List<String> cases = jdbc.queryForList("SELECT i.public_id FROM topic_case c JOIN incident i ON i.id = c.incident_id WHERE c.topic_id = ?"
        + " ORDER BY c.linked_at, i.public_id", String.class, id);
    List<Long> meetings = whole ? jdbc.queryForList("SELECT meeting_id FROM meeting_topic mt JOIN meeting m ON m.id = mt.meeting_id"
        + " WHERE mt.topic_id = ? ORDER BY m.starts_at", Long.class, id) : List.of();
    DecisionAnswer decision = whole ? decisionOfTopic(id) : null;
    List<TaskAnswer> tasks = decision == null ? List.of() : tasksOf(decision.id());
    SupervisionAnswer supervision = whole ? supervisionOf(id) : null;
    return new TopicAnswer(id, rs.getString(2), rs.getString(3), TopicSource.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6),
        (Long) rs.getObject(7, Long.class), (Long) rs.getObject(8, Long.class), rs.getString(9), TopicStatus.valueOf(rs.getString(10)),
        rs.getString(11), rs.getDouble(12), rs.getDouble(13), rs.getString(14), rs.getString(15), instant(rs.getTimestamp(16)), supporters, cases,
        meetings, decision, tasks, supervision);
  }

  /** The topic's latest decision (a topic voted down may be taken up again). */
  private DecisionAnswer decisionOfTopic(long topicId) {
    return jdbc.query(DECISION + " WHERE topic_id = ? ORDER BY recorded_at DESC, id DESC", this::decisionRow, topicId).stream().findFirst().orElse(null);
  }

  private SupervisionAnswer supervisionOf(long topicId) {
    return jdbc.query("SELECT s.id, s.topic_id, s.member_id, m.name, s.result, s.note, s.checked_at FROM supervision s JOIN body_member m"
        + " ON m.id = s.member_id WHERE s.topic_id = ? ORDER BY s.checked_at DESC", (rs, n) -> new SupervisionAnswer(rs.getLong(1), rs.getLong(2),
        rs.getLong(3), rs.getString(4), SupervisionResult.valueOf(rs.getString(5)), rs.getString(6), instant(rs.getTimestamp(7))), topicId)
        .stream().findFirst().orElse(null);
  }

  @Transactional(readOnly = true)
  MeetingAnswer meeting(long id) {
    return jdbc.query(MEETING + " WHERE m.id = ?", this::meetingRow, id).stream().findFirst().orElseThrow(() -> ConsultationProblems.unknown("meeting", id));
  }

  @Transactional(readOnly = true)
  List<MeetingAnswer> meetings(String community, Instant from, Instant to, Long body) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (community != null) { where.append(" AND m.community_code = ?"); args.add(community); }
    if (from != null) { where.append(" AND m.starts_at >= ?"); args.add(Timestamp.from(from)); }
    if (to != null) { where.append(" AND m.starts_at < ?"); args.add(Timestamp.from(to)); }
    if (body != null) { where.append(" AND m.body_id = ?"); args.add(body); }
    return jdbc.query(MEETING + where + " ORDER BY m.starts_at DESC, m.id DESC LIMIT " + LIMIT, this::meetingRow, args.toArray());
  }

  private MeetingAnswer meetingRow(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong(1);
    List<Long> topics = jdbc.queryForList("SELECT topic_id FROM meeting_topic WHERE meeting_id = ? ORDER BY sort_order", Long.class, id);
    List<InviteeAnswer> invitees = jdbc.query("SELECT id, party_kind, name, organisation_id, department_code, body_id, present FROM meeting_invitee"
        + " WHERE meeting_id = ? ORDER BY id", (r, k) -> new InviteeAnswer(r.getLong(1), InviteeKind.valueOf(r.getString(2)), r.getString(3),
        r.getObject(4, Long.class), r.getString(5), r.getObject(6, Long.class), r.getObject(7, Boolean.class)), id);
    List<AttendanceAnswer> attendance = jdbc.query("SELECT a.member_id, m.name, m.voting, a.present FROM meeting_attendance a JOIN body_member m"
        + " ON m.id = a.member_id WHERE a.meeting_id = ? ORDER BY a.member_id", (r, k) -> new AttendanceAnswer(r.getLong(1), r.getString(2),
        r.getBoolean(3), r.getBoolean(4)), id);
    return new MeetingAnswer(id, rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
        rs.getObject(7, Long.class), rs.getString(8), rs.getDouble(9), rs.getDouble(10), rs.getString(11), rs.getString(12),
        MeetingStatus.valueOf(rs.getString(13)), rs.getObject(14, Boolean.class), rs.getObject(15, Integer.class), rs.getString(16), topics,
        invitees, attendance);
  }

  @Transactional(readOnly = true)
  DecisionAnswer decision(long id) {
    return jdbc.query(DECISION + " WHERE id = ?", this::decisionRow, id).stream().findFirst().orElseThrow(() -> ConsultationProblems.unknown("decision", id));
  }

  @Transactional(readOnly = true)
  List<DecisionAnswer> decisions(String community, Boolean published) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (community != null) { where.append(" AND topic_id IN (SELECT id FROM topic WHERE community_code = ?)"); args.add(community); }
    if (published != null) where.append(published ? " AND published_at IS NOT NULL" : " AND published_at IS NULL");
    return jdbc.query(DECISION + where + " ORDER BY recorded_at DESC, id DESC LIMIT " + LIMIT, this::decisionRow, args.toArray());
  }

  private DecisionAnswer decisionRow(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong(1);
    List<VoteAnswer> votes = jdbc.query("SELECT v.member_id, m.name, v.choice FROM decision_vote v JOIN body_member m ON m.id = v.member_id"
        + " WHERE v.decision_id = ? ORDER BY v.member_id", (r, k) -> new VoteAnswer(r.getLong(1), r.getString(2), VoteChoice.valueOf(r.getString(3))), id);
    return new DecisionAnswer(id, rs.getLong(2), rs.getLong(3), rs.getString(4), DecisionMethod.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7),
        rs.getInt(8), rs.getBoolean(9), rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), votes);
  }

  /** Published decisions as anyone reads them: the topic's title, the body, the day, the tasks' statuses, the check. */
  @Transactional(readOnly = true)
  List<PublicDecision> published(String community) {
    List<Object> args = new ArrayList<>();
    String where = community == null ? "" : " AND t.community_code = ?";
    if (community != null) args.add(community);
    return jdbc.query("SELECT d.id, t.title, d.decided_by, t.community_code, m.starts_at, d.text, d.method, d.votes_for, d.votes_against,"
        + " d.abstentions, t.id FROM decision d JOIN topic t ON t.id = d.topic_id JOIN meeting m ON m.id = d.meeting_id"
        + " WHERE d.published_at IS NOT NULL" + where + " ORDER BY m.starts_at DESC, d.id DESC LIMIT " + LIMIT, (rs, n) -> {
          long id = rs.getLong(1);
          List<TaskStatus> tasks = jdbc.queryForList("SELECT status FROM task WHERE decision_id = ? ORDER BY id", String.class, id).stream()
              .map(TaskStatus::valueOf).toList();
          SupervisionAnswer s = supervisionOf(rs.getLong(11));
          return new PublicDecision(id, rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getTimestamp(5).toInstant().atZone(access.zone()).toLocalDate(), rs.getString(6), DecisionMethod.valueOf(rs.getString(7)),
              rs.getInt(8), rs.getInt(9), rs.getInt(10), tasks, s == null ? null : s.result());
        }, args.toArray());
  }

  @Transactional(readOnly = true)
  TaskAnswer task(long id) {
    return jdbc.query(TASK + " WHERE k.id = ?", this::taskRow, id).stream().findFirst().orElseThrow(() -> ConsultationProblems.unknown("task", id));
  }

  List<TaskAnswer> tasksOf(long decisionId) { return jdbc.query(TASK + " WHERE k.decision_id = ? ORDER BY k.id", this::taskRow, decisionId); }

  /** Tasks of a community (or all), by status; {@code overdue}: only those past their due day and not done. */
  @Transactional(readOnly = true)
  List<TaskAnswer> tasks(String community, boolean overdue, TaskStatus status) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (community != null) {
      where.append(" AND k.decision_id IN (SELECT d.id FROM decision d JOIN topic t ON t.id = d.topic_id WHERE t.community_code = ?)");
      args.add(community);
    }
    if (status != null) { where.append(" AND k.status = ?"); args.add(status.name()); }
    if (overdue) { where.append(" AND k.status = 'OPEN' AND k.due_on < ?"); args.add(java.sql.Date.valueOf(access.today())); }
    return jdbc.query(TASK + where + " ORDER BY k.due_on, k.id LIMIT " + LIMIT, this::taskRow, args.toArray());
  }

  private TaskAnswer taskRow(ResultSet rs, int n) throws SQLException {
    LocalDate due = rs.getDate(7).toLocalDate();
    TaskStatus status = TaskStatus.valueOf(rs.getString(8));
    LocalDate today = access.today();
    boolean overdue = status == TaskStatus.OPEN && today.isAfter(due);
    return new TaskAnswer(rs.getLong(1), rs.getLong(2), rs.getString(3), OwnerKind.valueOf(rs.getString(4)), rs.getString(5),
        rs.getObject(6, Long.class), due, status, rs.getDouble(9), rs.getDouble(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
        overdue, overdue ? ChronoUnit.DAYS.between(due, today) : 0, rs.getInt(13));
  }

  private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}
