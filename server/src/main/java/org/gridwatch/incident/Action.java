package org.gridwatch.incident;

import static org.gridwatch.incident.Status.CLOSED;
import static org.gridwatch.incident.Status.DISPATCHED;
import static org.gridwatch.incident.Status.IN_CONSULTATION;
import static org.gridwatch.incident.Status.IN_PROGRESS;
import static org.gridwatch.incident.Status.PARKED;
import static org.gridwatch.incident.Status.REGISTERED;
import static org.gridwatch.incident.Status.REPORTED;
import static org.gridwatch.incident.Status.RESOLVED;
import static org.gridwatch.incident.Status.RETURNED;
import static org.gridwatch.incident.Status.VERIFIED;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What can be done to a case, from which statuses, and who does it: the command centre ({@link Who#COMMAND})
 * runs the loop, the unit now responsible ({@link Who#HANDLER}) handles, and extensions and parking need an
 * approver ({@link Who#APPROVER}: the command centre, or the subdistrict over the case).
 */
public enum Action {
  REGISTER(Who.COMMAND, false, REPORTED),
  REJECT(Who.COMMAND, true, REPORTED),
  /** 派遣, and 改派 when the case is already with a unit or came back from one: to the default or a chosen target. */
  DISPATCH(Who.COMMAND, false, REGISTERED, RETURNED, DISPATCHED, IN_PROGRESS),
  START(Who.HANDLER, false, DISPATCHED),
  RESOLVE(Who.HANDLER, true, DISPATCHED, IN_PROGRESS),
  RETURN(Who.HANDLER, true, DISPATCHED, IN_PROGRESS),
  ESCALATE(Who.HANDLER, true, DISPATCHED, IN_PROGRESS),
  VERIFY(Who.COMMAND, false, RESOLVED),
  CLOSE(Who.COMMAND, false, VERIFIED),
  EXTEND(Who.APPROVER, true, DISPATCHED, IN_PROGRESS),
  PARK(Who.APPROVER, true, DISPATCHED, IN_PROGRESS, RETURNED),
  UNPARK(Who.COMMAND, false, PARKED),
  REOPEN(Who.COMMAND, true, RESOLVED, VERIFIED, CLOSED),
  MERGE(Who.COMMAND, false, REPORTED, REGISTERED),
  /** Hands the case to 110 or the police station, with their reference number; it leaves the grid's queue. */
  TRANSFER(Who.COMMAND, false, REPORTED, REGISTERED, RETURNED, DISPATCHED, IN_PROGRESS),
  /** 督办: the command centre marks a case under supervision, with a note; it stays with its unit. */
  SUPERVISE(Who.COMMAND, true, DISPATCHED, IN_PROGRESS),
  /** Answers a consultation (咨询) at registration and closes it; the note is the answer. */
  ANSWER(Who.COMMAND, true, REPORTED),
  /**
   * 召集协商: the community (or above) takes the case into consultation, linked to a topic; its handling clock pauses.
   * Taken only through {@code POST /api/v1/incidents/{id}/convene}, which names or opens the topic.
   */
  CONVENE(Who.CONVENER, false, REGISTERED, RETURNED, DISPATCHED, IN_PROGRESS),
  /** Ends a consultation without agreement: back to the status it left, its deadline moved by the paused time. */
  RESUME(Who.CONVENER, true, IN_CONSULTATION);

  /** CONVENER: the command centre, the community staff of the case's community, the subdistrict's staff over it. */
  enum Who { COMMAND, HANDLER, APPROVER, CONVENER }

  private final Who who;
  private final boolean noteRequired;
  private final Set<Status> from;

  Action(Who who, boolean noteRequired, Status... from) {
    this.who = who;
    this.noteRequired = noteRequired;
    this.from = Set.of(from);
  }

  Who who() { return who; }
  boolean noteRequired() { return noteRequired; }
  boolean allowedFrom(Status status) { return from.contains(status); }
  Set<Status> from() { return from; }

  public String path() { return name().toLowerCase(Locale.ROOT); }

  static Optional<Action> ofPath(String path) {
    for (Action a : values()) if (a.path().equals(path)) return Optional.of(a);
    return Optional.empty();
  }
}
