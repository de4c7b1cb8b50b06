package org.gridwatch.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import org.gridwatch.consultation.ConsultationRequests.SupervisionRequest;
import org.gridwatch.governance.BodyKind;
import org.gridwatch.governance.Bodies;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision committee's check (监督) of a carried-out topic, by one of its members in term; the topic is then
 * CHECKED.
 */
@Service
class Supervisions {
  private final JdbcTemplate jdbc;
  private final Bodies bodies;
  private final Topics topics;
  private final ConsultationAccess access;
  private final Clock clock;

  Supervisions(JdbcTemplate jdbc, Bodies bodies, Topics topics, ConsultationAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.bodies = bodies;
    this.topics = topics;
    this.access = access;
    this.clock = clock;
  }

  @Transactional
  long check(long topicId, SupervisionRequest r) {
    jdbc.query("SELECT id FROM topic WHERE id = ? FOR UPDATE", (rs, n) -> rs.getLong(1), topicId);
    Topics.TopicRow t = topics.row(topicId);
    var actor = access.writerIn(t.communityCode());
    var member = bodies.member(r.member()).orElse(null);
    var body = member == null ? null : bodies.find(member.bodyId()).orElse(null);
    if (member == null || body == null || body.kind() != BodyKind.SUPERVISION_COMMITTEE || !body.communityCode().equals(t.communityCode())
        || !member.inTerm(access.today())) {
      throw ConsultationProblems.invalid("member", Text.of("consultation.not-supervisor", String.valueOf(r.member()), t.communityCode()));
    }
    if (t.status() != TopicStatus.CARRIED_OUT) throw ConsultationProblems.outOfOrder("supervision", t.status());
    long id = jdbc.queryForObject("SELECT nextval('supervision_seq')", Long.class);
    jdbc.update("INSERT INTO supervision (id, topic_id, member_id, result, note, checked_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)", id, topicId,
        member.id(), r.result().name(), r.note() == null || r.note().isBlank() ? null : r.note().strip(), Timestamp.from(clock.instant()),
        actor.username());
    jdbc.update("UPDATE topic SET status = 'CHECKED', version = version + 1 WHERE id = ?", topicId);
    return id;
  }
}
