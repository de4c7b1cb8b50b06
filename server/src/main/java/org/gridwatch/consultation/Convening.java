package org.gridwatch.consultation;

import java.util.EnumSet;
import java.util.Set;
import org.gridwatch.consultation.ConsultationAnswers.ConveneAnswer;
import org.gridwatch.consultation.ConsultationRequests.ConveneRequest;
import org.gridwatch.governance.BodyKind;
import org.gridwatch.governance.BodyView;
import org.gridwatch.governance.Bodies;
import org.gridwatch.incident.Action;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.Workflow;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 召集协商: a case goes into consultation, linked to a topic (named, or opened here from a title), in one transaction
 * with the workflow's CONVENE (which pauses its clock and checks who may convene). A refusal after the action rolls
 * the action back with it.
 */
@Service
class Convening {
  /** The topics a case may still be brought to. */
  private static final Set<TopicStatus> TAKES_CASES = EnumSet.of(TopicStatus.PROPOSED, TopicStatus.ACCEPTED, TopicStatus.DECIDED);

  private final Topics topics;
  private final Bodies bodies;
  private final Workflow workflow;
  private final ConsultationAccess access;
  private final JdbcTemplate jdbc;

  Convening(Topics topics, Bodies bodies, Workflow workflow, ConsultationAccess access, JdbcTemplate jdbc) {
    this.topics = topics;
    this.bodies = bodies;
    this.workflow = workflow;
    this.access = access;
    this.jdbc = jdbc;
  }

  @Transactional
  ConveneAnswer convene(String publicId, ConveneRequest r) {
    boolean hasTitle = r.title() != null && !r.title().isBlank();
    if (r.topic() == null && !hasTitle) throw ConsultationProblems.invalid("topic", Text.of("consultation.topic-or-title"));
    if (r.topic() != null && (hasTitle || r.body() != null)) {
      throw ConsultationProblems.invalid("topic", Text.of("consultation.topic-and-title"));
    }
    Topics.TopicRow named = null;
    if (r.topic() != null) {
      named = topics.row(r.topic());
      if (!TAKES_CASES.contains(named.status())) throw ConsultationProblems.outOfOrder("convene", named.status());
    }
    Actor actor = access.current();
    Incident i = workflow.act(publicId, Action.CONVENE, Workflow.Input.of(r.note() == null || r.note().isBlank() ? null : r.note().strip()), actor);
    long topicId;
    if (named != null) {
      if (!named.communityCode().equals(i.getCommunityCode())) {
        throw ConsultationProblems.conflict("topic-elsewhere", "Topic of another community",
            Text.of("consultation.topic-other-community", String.valueOf(named.id()), i.getCommunityCode()));
      }
      topicId = named.id();
    } else {
      BodyView body = r.body() != null ? topics.activeBody(r.body(), "body") : committeeOf(i.getCommunityCode());
      if (!body.communityCode().equals(i.getCommunityCode())) {
        throw ConsultationProblems.invalid("body", Text.of("consultation.body-other-community", String.valueOf(body.id()), i.getCommunityCode()));
      }
      topicId = topics.openForCase(r.title(), body, i, actor.username());
    }
    Integer linkedHere = jdbc.queryForObject("SELECT COUNT(*) FROM topic_case WHERE topic_id = ? AND incident_id = ? AND released_at IS NULL",
        Integer.class, topicId, i.getId());
    if (linkedHere == 0) {
      if (topics.linkedNow(i.getId())) {
        throw ConsultationProblems.conflict("case-in-topic", "Case in another topic", Text.of("consultation.case-in-topic", publicId));
      }
      // a case released from this topic before comes back to it: the old row takes it again
      int back = jdbc.update("UPDATE topic_case SET released_at = NULL, linked_by = ? WHERE topic_id = ? AND incident_id = ?",
          actor.username(), topicId, i.getId());
      if (back == 0) topics.link(topicId, i.getId(), actor.username());
    }
    return new ConveneAnswer(i.getPublicId(), i.getStatus().name(), i.getPausedAt(), i.getPausedMinutes(), i.getDeadline(), topicId);
  }

  private BodyView committeeOf(String communityCode) {
    return bodies.ofKind(BodyKind.RESIDENTS_COMMITTEE, communityCode, access.today()).stream().findFirst()
        .orElseThrow(() -> ConsultationProblems.invalid("body", Text.of("consultation.no-committee", communityCode)));
  }
}
