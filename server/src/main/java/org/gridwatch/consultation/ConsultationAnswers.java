package org.gridwatch.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answers of the meeting loop; kinds and statuses go out as codes, the page words them. */
final class ConsultationAnswers {
  private ConsultationAnswers() {}

  record TopicAnswer(long id, String title, String description, TopicSource source, long body, String bodyName, Long sourceBody,
      Long need, String proposer, TopicStatus status, String declineReason, double lon, double lat, String gridCode,
      String communityCode, Instant createdAt, int supporters, List<String> cases, List<Long> meetings, DecisionAnswer decision,
      List<TaskAnswer> tasks, SupervisionAnswer supervision) {}

  record SupportAnswer(long topic, int supporters) {}

  record ConveneAnswer(String id, String status, Instant pausedAt, long pausedMinutes, Instant deadline, long topic) {}

  record InviteeAnswer(long id, InviteeKind kind, String name, Long organisation, String department, Long body, Boolean present) {}

  record AttendanceAnswer(long member, String name, boolean voting, boolean present) {}

  record MeetingAnswer(long id, long body, String bodyName, String title, Instant startsAt, Instant endsAt, Long servicePoint,
      String placeName, double lon, double lat, String gridCode, String communityCode, MeetingStatus status, Boolean quorumMet,
      Integer attendees, String minutes, List<Long> topics, List<InviteeAnswer> invitees, List<AttendanceAnswer> attendance) {}

  record VoteAnswer(long member, String name, VoteChoice choice) {}

  record DecisionAnswer(long id, long meeting, long topic, String text, DecisionMethod method, int votesFor, int votesAgainst,
      int abstentions, boolean adopted, String decidedBy, Instant recordedAt, Instant publishedAt, List<VoteAnswer> votes) {}

  record TaskAnswer(long id, long decision, String title, OwnerKind ownerKind, String ownerName, Long ownerRef, LocalDate dueOn,
      TaskStatus status, double lon, double lat, Instant doneAt, Instant verifiedAt, boolean overdue, long daysOverdue,
      int evidence) {}

  record EvidenceAnswer(long id, long task, String note, boolean photo, Instant addedAt) {}

  record SupervisionAnswer(long id, long topic, long member, String memberName, SupervisionResult result, String note, Instant checkedAt) {}

  /** A published decision as anyone reads it: no names of people, no votes per member. */
  record PublicDecision(long id, String topicTitle, String bodyName, String communityCode, LocalDate decidedOn, String text,
      DecisionMethod method, int votesFor, int votesAgainst, int abstentions, List<TaskStatus> tasks, SupervisionResult supervision) {}
}
