package org.gridwatch.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwatch.consultation.ConsultationRequests.DecisionRequest;
import org.gridwatch.consultation.ConsultationRequests.Vote;
import org.gridwatch.governance.BodyView;
import org.gridwatch.governance.Bodies;
import org.gridwatch.governance.MemberView;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions (定事) on a topic of a meeting's agenda, only at a meeting that had its quorum: by a vote of the voting
 * members in term who were present, adopted per the body's rule ({@link org.gridwatch.governance.BodyRules#adopted}),
 * or by consensus where the rules allow it. The topic becomes DECIDED or NOT_AGREED. Publishing makes it public.
 */
@Service
class Decisions {
  private final JdbcTemplate jdbc;
  private final Bodies bodies;
  private final Meetings meetings;
  private final Topics topics;
  private final ConsultationAccess access;
  private final Clock clock;

  Decisions(JdbcTemplate jdbc, Bodies bodies, Meetings meetings, Topics topics, ConsultationAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.bodies = bodies;
    this.meetings = meetings;
    this.topics = topics;
    this.access = access;
    this.clock = clock;
  }

  @Transactional
  long record(DecisionRequest r) {
    Meetings.MeetingRow m = meetings.lockedRow(r.meeting());
    var actor = access.writerIn(m.communityCode());
    if (!Boolean.TRUE.equals(m.quorumMet())) throw ConsultationProblems.noQuorum(m.id());
    Topics.TopicRow t = topics.row(r.topic());
    Integer onAgenda = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_topic WHERE meeting_id = ? AND topic_id = ?", Integer.class, m.id(), t.id());
    if (onAgenda == 0) {
      throw ConsultationProblems.conflict("not-on-agenda", "Not on the agenda", Text.of("consultation.topic-not-on-agenda", String.valueOf(t.id())));
    }
    if (t.status() != TopicStatus.ACCEPTED) throw ConsultationProblems.outOfOrder("decide", t.status());
    BodyView body = bodies.find(m.bodyId()).orElseThrow();
    LocalDate day = meetings.dayOf(m);
    Map<Long, MemberView> inTerm = bodies.membersInTerm(body.id(), day).stream().collect(Collectors.toMap(MemberView::id, Function.identity()));
    Set<Long> present = new HashSet<>(jdbc.queryForList("SELECT member_id FROM meeting_attendance WHERE meeting_id = ? AND present = TRUE",
        Long.class, m.id()));
    int votingInTerm = (int) inTerm.values().stream().filter(MemberView::voting).count();
    int presentVoting = (int) inTerm.values().stream().filter(mv -> mv.voting() && present.contains(mv.id())).count();
    List<Vote> votes = r.votes() == null ? List.of() : r.votes();
    int[] counts = new int[3];
    boolean adopted;
    if (r.method() == DecisionMethod.CONSENSUS) {
      if (!body.rules().consensusAllowed()) throw ConsultationProblems.invalid("method", Text.of("consultation.consensus-not-allowed", body.name()));
      if (!votes.isEmpty()) throw ConsultationProblems.invalid("votes", Text.of("consultation.consensus-no-votes"));
      adopted = true;
    } else {
      if (votes.isEmpty()) throw ConsultationProblems.invalid("votes", Text.of("consultation.votes-needed"));
      Set<Long> seen = new HashSet<>();
      for (int k = 0; k < votes.size(); k++) {
        long id = votes.get(k).member();
        MemberView mv = inTerm.get(id);
        String field = "votes[" + k + "].member";
        if (mv == null || !mv.voting()) throw ConsultationProblems.invalid(field, Text.of("consultation.not-voting-member", String.valueOf(id), day.toString()));
        if (!present.contains(id)) throw ConsultationProblems.invalid(field, Text.of("consultation.voter-absent", String.valueOf(id)));
        if (!seen.add(id)) throw ConsultationProblems.invalid(field, Text.of("consultation.voted-twice", String.valueOf(id)));
        counts[votes.get(k).choice().ordinal()]++;
      }
      adopted = body.rules().adopted(counts[VoteChoice.FOR.ordinal()], presentVoting, votingInTerm);
    }
    long id = jdbc.queryForObject("SELECT nextval('decision_seq')", Long.class);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO decision (id, meeting_id, topic_id, text, method, votes_for, votes_against, abstentions, adopted, decided_by,"
        + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, m.id(), t.id(), r.text().strip(), r.method().name(),
        counts[0], counts[1], counts[2], adopted, body.name(), actor.username(), now);
    for (Vote v : votes) {
      jdbc.update("INSERT INTO decision_vote (decision_id, member_id, choice) VALUES (?, ?, ?)", id, v.member(), v.choice().name());
    }
    jdbc.update("UPDATE topic SET status = ?, decided_at = ?, version = version + 1 WHERE id = ?",
        (adopted ? TopicStatus.DECIDED : TopicStatus.NOT_AGREED).name(), now, t.id());
    return id;
  }

  @Transactional
  void publish(long decisionId) {
    String community = jdbc.query("SELECT t.community_code FROM decision d JOIN topic t ON t.id = d.topic_id WHERE d.id = ?",
        (rs, n) -> rs.getString(1), decisionId).stream().findFirst().orElseThrow(() -> ConsultationProblems.unknown("decision", decisionId));
    access.writerIn(community);
    jdbc.update("UPDATE decision SET published_at = ? WHERE id = ? AND published_at IS NULL", Timestamp.from(clock.instant()), decisionId);
  }
}
