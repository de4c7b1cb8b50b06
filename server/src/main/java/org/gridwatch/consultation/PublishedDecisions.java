package org.gridwatch.consultation;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Published decisions of a community as other capabilities show them to the public (the portal's "recent results"):
 * the topic, the deciding body, the day and the text; no names of people, no votes per member.
 */
@Service
public class PublishedDecisions {
  /** A published decision: what was decided, by which body, on which day (the district's zone). */
  public record DecisionResult(long id, String topicTitle, String bodyName, LocalDate decidedOn, String text) {}

  private final ConsultationReads reads;

  PublishedDecisions(ConsultationReads reads) { this.reads = reads; }

  /** The community's published decisions, newest first, at most {@code limit}. */
  public List<DecisionResult> recent(String communityCode, int limit) {
    return reads.published(communityCode).stream().limit(Math.max(0, limit))
        .map(d -> new DecisionResult(d.id(), d.topicTitle(), d.bodyName(), d.decidedOn(), d.text())).toList();
  }
}
