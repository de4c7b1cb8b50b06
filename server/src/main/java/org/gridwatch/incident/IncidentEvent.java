package org.gridwatch.incident;

import java.util.List;
import org.gridwatch.problem.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a case's history: what happened, who did it (and in which role), when, and why. */
@Entity
@Table(name = "incident_event")
public class IncidentEvent {
  /** What happened. */
  public enum Type {
    REPORTED, REGISTERED, REJECTED, DISPATCHED, STARTED, RESOLVED, VERIFIED, CLOSED, RETURNED, EXTENDED, PARKED,
    UNPARKED, REOPENED, ESCALATED, SLA_WARNING, OVERDUE, LINKED_DUPLICATE, MERGED, REHOMED,
    TRANSFERRED, SUPERVISED, ANSWERED,
    /** 改派: the command centre sent a case that was already dispatched (or returned) to another target. */
    REDISPATCHED,
    /** The reporter rated the closed case (note: their comment; {@code rating}: how satisfied). */
    FEEDBACK,
    /** Taken into consultation (the note names the topic); RESUMED: back to handling without agreement. */
    CONVENED, RESUMED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_event_seq")
  @SequenceGenerator(name = "incident_event_seq", sequenceName = "incident_event_seq", allocationSize = 50)
  private Long id;

  private Long incidentId;
  private Instant at;
  @Enumerated(EnumType.STRING) private Type type;
  @Enumerated(EnumType.STRING) private Status fromStatus;
  @Enumerated(EnumType.STRING) private Status toStatus;
  private String actor;
  private String actorRole;
  @Enumerated(EnumType.STRING) private Level level;
  private String unitCode;
  private String note;
  /** A system note as a {@link Text} key and its arguments (joined by {@link #ARG_SEPARATOR}); null for notes people typed. */
  private String noteKey;
  private String noteArgs;
  private String photoUrl;
  /** Whom a hop sent the case to (a person, or a unit), by code and name; null for events that are not hops. */
  private String targetCode;
  private String targetName;
  /**
   * The {@code Idempotency-Key} of the request that took this action, and the action's path: a resend with the same
   * key (a phone that never got the answer) is answered without acting twice.
   */
  private String requestKey;
  private String requestAction;
  /** The reporter's rating, on a {@link Type#FEEDBACK} event only. */
  @Enumerated(EnumType.STRING) private Rating rating;

  protected IncidentEvent() {}

  IncidentEvent(Long incidentId, Instant at, Type type, Status from, Status to, String actor, String actorRole,
      Level level, String unitCode, String note, String photoUrl) {
    this.incidentId = incidentId;
    this.at = at;
    this.type = type;
    this.fromStatus = from;
    this.toStatus = to;
    this.actor = actor;
    this.actorRole = actorRole;
    this.level = level;
    this.unitCode = unitCode;
    this.note = note;
    this.photoUrl = photoUrl;
  }

  private static final String ARG_SEPARATOR = "\u001f";
  /** Marks an argument that is itself a text key (e.g. {@code level.GRID}), worded in the reader's language too. */
  private static final String KEY_ARG = "\u0002";

  /** Makes the note a system note worded in the reader's language; {@code note} keeps its English words. */
  void systemNote(Text text) {
    this.noteKey = text.key();
    this.noteArgs = text.args().stream().map(a -> a instanceof Text t ? KEY_ARG + t.key() : String.valueOf(a)).collect(java.util.stream.Collectors.joining(ARG_SEPARATOR));
    this.note = text.toString();
  }

  /** The note as a reader reads it: a system note in the request's language, a typed note as typed. */
  public Text noteText() {
    if (noteKey == null) return note == null ? null : Text.plain(note);
    List<Object> args = noteArgs == null || noteArgs.isEmpty() ? List.of() : java.util.Arrays.stream(noteArgs.split(ARG_SEPARATOR, -1))
        .<Object>map(a -> a.startsWith(KEY_ARG) ? Text.of(a.substring(1)) : a).toList();
    return new Text(noteKey, args);
  }

  void target(String code, String name) {
    this.targetCode = code;
    this.targetName = name;
  }

  void answers(String key, String action) {
    this.requestKey = key;
    this.requestAction = action;
  }

  String getRequestAction() { return requestAction; }

  void rated(Rating rating) { this.rating = rating; }

  public Rating getRating() { return rating; }

  public Long getIncidentId() { return incidentId; }
  public Instant getAt() { return at; }
  public Type getType() { return type; }
  public Status getFromStatus() { return fromStatus; }
  public Status getToStatus() { return toStatus; }
  public String getActor() { return actor; }
  public String getActorRole() { return actorRole; }
  public Level getLevel() { return level; }
  public String getUnitCode() { return unitCode; }
  public String getNote() { return note; }
  public String getPhotoUrl() { return photoUrl; }
  public String getTargetCode() { return targetCode; }
  public String getTargetName() { return targetName; }
}
