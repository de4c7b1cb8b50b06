package org.gridwatch.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.gridwatch.consultation.ConsultationRequests.TaskRequest;
import org.gridwatch.governance.Bodies;
import org.gridwatch.governance.BodyView;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.incident.Status;
import org.gridwatch.incident.Workflow;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks (干事) carrying out an adopted decision: evidence, done, verified or rejected. When the last task of a
 * topic's decision is verified the topic is carried out, and every case of the topic still in consultation resolves
 * with the decision's text as its resolution — in the same transaction, so a refusal by the workflow undoes the
 * verification too. A dispute agreed by a grid or compound council counts as settled in the grid.
 */
@Service
class Tasks {
  static final String DISPUTE = "NEIGHBOUR_DISPUTE";

  private final JdbcTemplate jdbc;
  private final Bodies bodies;
  private final IncidentSearch cases;
  private final Workflow workflow;
  private final ConsultationAccess access;
  private final Clock clock;

  Tasks(JdbcTemplate jdbc, Bodies bodies, IncidentSearch cases, Workflow workflow, ConsultationAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.bodies = bodies;
    this.cases = cases;
    this.workflow = workflow;
    this.access = access;
    this.clock = clock;
  }

  record TaskRow(long id, long decisionId, long topicId, TaskStatus status, String communityCode) {}

  @Transactional
  long create(TaskRequest r) {
    var d = jdbc.query("SELECT d.adopted, t.id, t.status, t.community_code, t.lon, t.lat FROM decision d JOIN topic t ON t.id = d.topic_id"
        + " WHERE d.id = ?", (rs, n) -> new Object[] {rs.getBoolean(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
        rs.getDouble(6)}, r.decision()).stream().findFirst().orElse(null);
    if (d == null || !(Boolean) d[0]) throw ConsultationProblems.invalid("decision", Text.of("consultation.decision-not-adopted", String.valueOf(r.decision())));
    Actor actor = access.writerIn((String) d[3]);
    if (r.owner() == null || r.owner().kind() == null || r.owner().name() == null || r.owner().name().isBlank()) {
      throw ConsultationProblems.invalid("owner", Text.of("consultation.owner-needed"));
    }
    if (!TopicStatus.DECIDED.name().equals(d[2])) throw ConsultationProblems.outOfOrder("task", TopicStatus.valueOf((String) d[2]));
    if ((r.lon() == null) != (r.lat() == null)) throw ConsultationProblems.invalid(r.lon() == null ? "lon" : "lat", Text.of("consultation.lon-lat-both"));
    if (r.lon() != null && access.gridAt(r.lon(), r.lat()) == null) throw ConsultationProblems.invalid("lon", Text.of("consultation.outside-district"));
    double lon = r.lon() != null ? r.lon() : (Double) d[4], lat = r.lat() != null ? r.lat() : (Double) d[5];
    long id = jdbc.queryForObject("SELECT nextval('task_seq')", Long.class);
    jdbc.update("INSERT INTO task (id, decision_id, title, owner_kind, owner_name, owner_ref, due_on, status, lon, lat, created_by, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)", id, r.decision(), r.title().strip(), r.owner().kind().name(),
        r.owner().name().strip(), r.owner().ref(), java.sql.Date.valueOf(r.dueOn()), lon, lat, actor.username(), Timestamp.from(clock.instant()));
    return id;
  }

  @Transactional
  long evidence(long taskId, String note) {
    TaskRow t = lockedRow(taskId);
    Actor actor = access.writerIn(t.communityCode());
    if (t.status() == TaskStatus.VERIFIED) throw ConsultationProblems.outOfOrder("evidence", t.status());
    long id = jdbc.queryForObject("SELECT nextval('task_evidence_seq')", Long.class);
    jdbc.update("INSERT INTO task_evidence (id, task_id, note, added_by, added_at) VALUES (?, ?, ?, ?, ?)", id, taskId, note.strip(),
        actor.username(), Timestamp.from(clock.instant()));
    return id;
  }

  @Transactional
  void done(long taskId) {
    TaskRow t = lockedRow(taskId);
    access.writerIn(t.communityCode());
    if (t.status() != TaskStatus.OPEN) throw ConsultationProblems.outOfOrder("done", t.status());
    Integer evidence = jdbc.queryForObject("SELECT COUNT(*) FROM task_evidence WHERE task_id = ?", Integer.class, taskId);
    if (evidence == 0) throw ConsultationProblems.conflict("no-evidence", "No evidence", Text.of("consultation.no-evidence", String.valueOf(taskId)));
    jdbc.update("UPDATE task SET status = 'DONE', done_at = ?, version = version + 1 WHERE id = ?", Timestamp.from(clock.instant()), taskId);
  }

  @Transactional
  void reject(long taskId, String note) {
    TaskRow t = lockedRow(taskId);
    access.writerIn(t.communityCode());
    if (t.status() != TaskStatus.DONE) throw ConsultationProblems.outOfOrder("reject", t.status());
    jdbc.update("UPDATE task SET status = 'OPEN', done_at = NULL, rejected_note = ?, version = version + 1 WHERE id = ?",
        note == null || note.isBlank() ? null : note.strip(), taskId);
  }

  @Transactional
  void verify(long taskId) {
    TaskRow t = lockedRow(taskId);
    Actor actor = access.writerIn(t.communityCode());
    if (t.status() != TaskStatus.DONE) throw ConsultationProblems.outOfOrder("verify", t.status());
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("UPDATE task SET status = 'VERIFIED', verified_at = ?, verified_by = ?, version = version + 1 WHERE id = ?", now,
        actor.username(), taskId);
    Integer unverified = jdbc.queryForObject("SELECT COUNT(*) FROM task WHERE decision_id = ? AND status <> 'VERIFIED'", Integer.class, t.decisionId());
    if (unverified == 0) carryOut(t, actor, now);
  }

  /** The topic is carried out; its cases in consultation resolve with the decision as their resolution. */
  private void carryOut(TaskRow t, Actor actor, Timestamp now) {
    int n = jdbc.update("UPDATE topic SET status = 'CARRIED_OUT', done_at = ?, version = version + 1 WHERE id = ? AND status = 'DECIDED'", now, t.topicId());
    if (n == 0) return;
    String text = jdbc.queryForObject("SELECT text FROM decision WHERE id = ?", String.class, t.decisionId());
    long bodyId = jdbc.queryForObject("SELECT body_id FROM topic WHERE id = ?", Long.class, t.topicId());
    BodyView body = bodies.find(bodyId).orElseThrow();
    List<Long> linked = jdbc.queryForList("SELECT incident_id FROM topic_case WHERE topic_id = ? AND released_at IS NULL ORDER BY incident_id",
        Long.class, t.topicId());
    for (long incidentId : linked) {
      Incident i = cases.byId(incidentId).orElseThrow();
      if (i.getStatus() != Status.IN_CONSULTATION) continue;
      Boolean inGrid = DISPUTE.equals(i.getCategoryCode()) ? body.kind().inGrid() : null;
      workflow.resolveByConsultation(i.getPublicId(), text, inGrid, actor);
    }
  }

  /** The task's row, locked for the rest of the transaction; 404 when unknown. */
  TaskRow lockedRow(long id) {
    jdbc.query("SELECT id FROM task WHERE id = ? FOR UPDATE", (rs, n) -> rs.getLong(1), id);
    return jdbc.query("SELECT k.id, k.decision_id, d.topic_id, k.status, t.community_code FROM task k JOIN decision d ON d.id = k.decision_id"
        + " JOIN topic t ON t.id = d.topic_id WHERE k.id = ?", (rs, n) -> new TaskRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
        TaskStatus.valueOf(rs.getString(4)), rs.getString(5)), id).stream().findFirst().orElseThrow(() -> ConsultationProblems.unknown("task", id));
  }
}
