package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves cases through the closed loop. Each action is checked against the current status (409 otherwise) and
 * the actor's role and area (403 otherwise), changes the case and its clock, and is recorded with actor, role,
 * time and note. Concurrent changes to one case are caught by its version (409, try again).
 */
@Service
public class Workflow {
  /**
   * What an action may carry: a note, a photo, a target level, extra hours, a case to merge into, and for a
   * transfer whom to ({@code 110} or {@code POLICE_STATION}) and their reference number; for a dispatch, the
   * {@code person} or {@code unit} chosen (see {@link DispatchTargets}).
   */
  public record Input(String note, String photoUrl, Level level, Integer extendHours, String into, String to,
      String reference, String person, String unit) {
    public Input(String note, String photoUrl, Level level, Integer extendHours, String into) {
      this(note, photoUrl, level, extendHours, into, null, null, null, null);
    }
    public static Input of(String note) { return new Input(note, null, null, null, null); }
  }

  /** Whom a case can be transferred to: the 110 emergency line or the local police station. */
  static final java.util.Set<String> TRANSFER_TARGETS = java.util.Set.of("110", "POLICE_STATION");

  private final IncidentRepository incidents;
  private final IncidentEventRepository events;
  private final Categories categories;
  private final WorkingCalendar calendar;
  private final ApplicationEventPublisher publisher;
  private final DispatchTargets targets;
  private final Clock clock;
  /** {@code gridwatch.incidents.separate-verifier}: the account that dispatched a case may not verify it. */
  private final boolean separateVerifier;

  Workflow(IncidentRepository incidents, IncidentEventRepository events, Categories categories, WorkingCalendar calendar,
      ApplicationEventPublisher publisher, DispatchTargets targets, Clock clock,
      @org.springframework.beans.factory.annotation.Value("${gridwatch.incidents.separate-verifier:false}") boolean separateVerifier) {
    this.separateVerifier = separateVerifier;
    this.incidents = incidents;
    this.events = events;
    this.categories = categories;
    this.calendar = calendar;
    this.publisher = publisher;
    this.targets = targets;
    this.clock = clock;
  }

  @Transactional
  public Incident act(String publicId, Action action, Input input, Actor actor) {
    return act(publicId, action, input, actor, null);
  }

  /**
   * Takes the action; with a {@code requestKey} (the request's {@code Idempotency-Key}) an action this actor already
   * took on the case under that key is not taken again: the case is answered as it is (a phone resending after a lost
   * answer). The key used for another action, or by another account, is a 422 naming it.
   */
  @Transactional
  public Incident act(String publicId, Action action, Input input, Actor actor, String requestKey) {
    Incident i = incidents.findByPublicId(publicId).orElseThrow(() -> notFound(publicId));
    if (requestKey != null && alreadyTaken(i, action, actor, requestKey)) return i;
    if (!action.allowedFrom(i.getStatus())) {
      throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this status",
          Text.of("incident.cannot-x-case-x-while", action.path(), publicId, i.getStatus(), action.path(), action.from()), List.of(new ProblemException.FieldError("action", Text.of("incident.not-allowed-from-x", i.getStatus()))));
    }
    refusal(action, actor, i).ifPresent(p -> {
      throw p;
    });
    String note = input.note() == null ? null : input.note().strip();
    if (action.noteRequired() && (note == null || note.isEmpty())) {
      throw ProblemException.badInput("note", Text.of("incident.required-x-case", action.path()));
    }
    if (note != null && note.length() > 2000) throw ProblemException.badInput("note", Text.of("incident.longer-than-2000-characters"));
    if (i.getLevel() == Level.PROPERTY && action.who() == Action.Who.HANDLER && actor.propertyCompany().isPresent()) {
      i.markPropertyResponded(clock.instant()); // the property tier's first response, for its measures
    }
    IncidentEvent taken = apply(i, action, input, note, actor, clock.instant());
    if (requestKey != null) taken.answers(requestKey, action.path());
    try {
      incidents.saveAndFlush(i);
    } catch (ObjectOptimisticLockingFailureException e) {
      throw new ProblemException(HttpStatus.CONFLICT, "changed-meanwhile", "Changed meanwhile",
          Text.of("incident.case-x-was-changed-by", publicId), List.of());
    }
    return i;
  }

  /** Whether this request (by its key) was already taken on the case, in a transaction of its own. */
  @Transactional(readOnly = true)
  public boolean alreadyTaken(String publicId, Action action, Actor actor, String requestKey) {
    return incidents.findByPublicId(publicId).map(i -> alreadyTaken(i, action, actor, requestKey)).orElse(false);
  }

  private boolean alreadyTaken(Incident i, Action action, Actor actor, String requestKey) {
    return events.findFirstByIncidentIdAndRequestKey(i.getId(), requestKey).map(e -> {
      if (!action.path().equals(e.getRequestAction()) || !actor.username().equals(e.getActor())) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
            Text.of("incident.this-idempotency-key-was-used", i.getPublicId(), e.getRequestAction()), List.of(new ProblemException.FieldError("Idempotency-Key", Text.of("incident.was-used-for-another-request"))));
      }
      return true;
    }).orElse(false);
  }

  /** Whether the actor may take this action on the case now: empty if so, else the 403 saying why. */
  java.util.Optional<ProblemException> refusal(Action action, Actor actor, Incident i) {
    var denied = Permissions.denial(action, actor, i);
    if (denied.isPresent()) {
      return java.util.Optional.of(new ProblemException(HttpStatus.FORBIDDEN, "forbidden-action", "Not allowed for you",
          denied.get(), List.of()));
    }
    if (action == Action.VERIFY && separateVerifier && dispatchedBy(i, actor)) {
      return java.util.Optional.of(new ProblemException(HttpStatus.FORBIDDEN, "dispatcher-may-not-verify",
          "Verified by someone else", Text.of("incident.you-dispatched-case-x-with", i.getPublicId()), List.of()));
    }
    return java.util.Optional.empty();
  }

  /** Whether this account dispatched the case at any time (a dispatch after a return included). */
  private boolean dispatchedBy(Incident i, Actor actor) {
    return events.findByIncidentIdOrderByAtAscIdAsc(i.getId()).stream()
        .anyMatch(e -> (e.getType() == IncidentEvent.Type.DISPATCHED || e.getType() == IncidentEvent.Type.REDISPATCHED)
            && actor.username().equals(e.getActor()));
  }

  private IncidentEvent apply(Incident i, Action action, Input in, String note, Actor actor, Instant now) {
    Category c = categories.find(i.getCategoryCode()).orElseThrow();
    Status from = i.getStatus();
    IncidentEvent.Type type;
    DispatchTargets.Target hop = null;
    switch (action) {
      case REGISTER -> {
        i.markRegistered(now);
        i.moveTo(Status.REGISTERED, now, deadline(c, Stage.DISPATCH, now), null);
        type = IncidentEvent.Type.REGISTERED;
      }
      case REJECT -> {
        i.moveTo(Status.REJECTED, now, null, null);
        type = IncidentEvent.Type.REJECTED;
      }
      case DISPATCH -> {
        hop = targets.resolve(i, c, in.level(), in.person(), in.unit());
        if (from.handling()) {
          // 改派 of a case being handled: the handling clock keeps running, since the reporter has waited all along.
          i.assign(hop.level(), hop.unitCode(), hop.personCode(), hop.personName());
          i.setStatusKeepingClock(Status.DISPATCHED, now);
        } else {
          dispatchTo(i, c, hop, now);
        }
        type = from == Status.REGISTERED ? IncidentEvent.Type.DISPATCHED : IncidentEvent.Type.REDISPATCHED;
      }
      case START -> {
        i.setStatusKeepingClock(Status.IN_PROGRESS, now);
        type = IncidentEvent.Type.STARTED;
      }
      case RESOLVE -> {
        if (i.getDeadline() != null && now.isAfter(i.getDeadline())) i.markBreached();
        i.markResolved(now);
        i.moveTo(Status.RESOLVED, now, deadline(c, Stage.VERIFY, now), null);
        type = IncidentEvent.Type.RESOLVED;
      }
      case RETURN -> {
        i.markReturned(note);
        i.moveTo(Status.RETURNED, now, deadline(c, Stage.DISPATCH, now), null);
        type = IncidentEvent.Type.RETURNED;
      }
      case ESCALATE -> {
        i.markEscalated();
        hop = dispatchTo(i, c, i.getLevel().next(), now);
        type = IncidentEvent.Type.ESCALATED;
      }
      case VERIFY -> {
        i.setStatusKeepingClock(Status.VERIFIED, now);
        type = IncidentEvent.Type.VERIFIED;
      }
      case CLOSE -> {
        i.markClosed(now, !i.isBreached());
        i.moveTo(Status.CLOSED, now, null, null);
        type = IncidentEvent.Type.CLOSED;
      }
      case EXTEND -> {
        TimeLimit extra = in.extendHours() != null && in.extendHours() > 0
            ? new TimeLimit(in.extendHours(), TimeLimit.Unit.WORKING_HOURS) : c.limit(Stage.HANDLE);
        Instant base = i.getDeadline().isAfter(now) ? i.getDeadline() : now;
        i.extendDeadline(calendar.add(base, extra), calendar.add(base, extra, 0.8));
        type = IncidentEvent.Type.EXTENDED;
      }
      case PARK -> {
        i.moveTo(Status.PARKED, now, null, null);
        type = IncidentEvent.Type.PARKED;
      }
      case UNPARK -> {
        hop = dispatchTo(i, c, i.getLevel() == null ? c.getFirstLevel() : i.getLevel(), now);
        type = IncidentEvent.Type.UNPARKED;
      }
      case REOPEN -> {
        i.markReopened();
        hop = dispatchTo(i, c, i.getLevel() == null ? c.getFirstLevel() : i.getLevel(), now);
        type = IncidentEvent.Type.REOPENED;
      }
      case MERGE -> {
        Incident target = incidents.findByPublicId(in.into() == null ? "" : in.into())
            .orElseThrow(() -> ProblemException.badInput("into", Text.of("incident.names-no-case-merge-into")));
        if (target.getId().equals(i.getId()) || !target.getStatus().open()) {
          throw ProblemException.badInput("into", Text.of("incident.must-another-open-case"));
        }
        i.mergeInto(target.getId());
        i.moveTo(Status.MERGED, now, null, null);
        recordNote(target, IncidentEvent.Type.MERGED, target.getStatus(), actor, now, Text.of("note.merged-in", i.getPublicId()), null);
        type = IncidentEvent.Type.MERGED;
      }
      case TRANSFER -> {
        if (in.to() == null || !TRANSFER_TARGETS.contains(in.to())) throw ProblemException.badInput("to", Text.of("incident.must-110-or-police-station"));
        String ref = in.reference() == null ? "" : in.reference().strip();
        if (ref.isEmpty() || ref.length() > 60) throw ProblemException.badInput("reference", Text.of("incident.required-police-s-reference-number"));
        i.markTransferred(in.to(), ref);
        i.moveTo(Status.TRANSFERRED, now, null, null);
        type = IncidentEvent.Type.TRANSFERRED;
        if (note == null) note = "transferred to " + in.to() + ", reference " + ref;
        else note = "transferred to " + in.to() + ", reference " + ref + ": " + note;
      }
      case SUPERVISE -> {
        i.markSupervised();
        i.setStatusKeepingClock(i.getStatus(), now);
        type = IncidentEvent.Type.SUPERVISED;
      }
      case CONVENE -> {
        i.markDispatched(now); // the community took it up: it counts as dispatched for the handling measures
        i.pause(now);
        type = IncidentEvent.Type.CONVENED;
      }
      case RESUME -> {
        endPause(i, c, now);
        type = IncidentEvent.Type.RESUMED;
      }
      case ANSWER -> {
        if (i.getRequestType() != RequestType.CONSULT) {
          throw ProblemException.badInput("action", Text.of("incident.only-consultation-requesttype-consult-answered"));
        }
        i.markRegistered(now);
        i.markClosed(now, true);
        i.moveTo(Status.CLOSED, now, null, null);
        type = IncidentEvent.Type.ANSWERED;
      }
      default -> throw new IllegalStateException(action.name());
    }
    return record(i, type, from, actor, now, note, in.photoUrl(), hop);
  }

  /**
   * 协商解决: the consultation's decision was carried out (its tasks verified), so the case in consultation resolves
   * with the decision as its resolution, which the reporter reads. The pause ends first: the deadline moves by the
   * time paused, and the case counts as breached only if that moved deadline had passed. {@code settledInGrid}: a
   * grid or compound council's agreement (纠纷不出网格), null to leave it as it is.
   */
  @Transactional
  public Incident resolveByConsultation(String publicId, String resolution, Boolean settledInGrid, Actor actor) {
    Incident i = incidents.findByPublicId(publicId).orElseThrow(() -> notFound(publicId));
    if (i.getStatus() != Status.IN_CONSULTATION) {
      throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this status",
          Text.of("incident.cannot-x-case-x-while", "resolve", publicId, i.getStatus(), "resolve", List.of(Status.IN_CONSULTATION)),
          List.of(new ProblemException.FieldError("action", Text.of("incident.not-allowed-from-x", i.getStatus()))));
    }
    Category c = categories.find(i.getCategoryCode()).orElseThrow();
    Instant now = clock.instant();
    Status left = endPause(i, c, now);
    if (left.handling() && i.getDeadline() != null && now.isAfter(i.getDeadline())) i.markBreached();
    i.markResolved(now);
    i.moveTo(Status.RESOLVED, now, deadline(c, Stage.VERIFY, now), null);
    if (settledInGrid != null) i.markSettledInGrid(settledInGrid);
    String note = resolution == null ? null : resolution.strip();
    if (note != null && note.length() > 2000) note = note.substring(0, 2000);
    record(i, IncidentEvent.Type.RESOLVED, Status.IN_CONSULTATION, actor, now, note, null);
    try {
      incidents.saveAndFlush(i);
    } catch (ObjectOptimisticLockingFailureException e) {
      throw new ProblemException(HttpStatus.CONFLICT, "changed-meanwhile", "Changed meanwhile",
          Text.of("incident.case-x-was-changed-by", publicId), List.of());
    }
    return i;
  }

  /**
   * Records that a dispute was settled inside its grid (by mediation there) or not, for 纠纷不出网格; the case's
   * status is not touched (its handler resolves it as usual).
   */
  @Transactional
  public void recordSettlement(long incidentId, boolean inGrid) {
    Incident i = incidents.findById(incidentId).orElseThrow(() -> notFound(String.valueOf(incidentId)));
    i.markSettledInGrid(inGrid);
    incidents.saveAndFlush(i);
  }

  /**
   * Ends a consultation's pause: the deadline and its warning move by the time paused — working time, or calendar
   * time when the stage's limit counts calendar time — and the case returns to the status it left (answered).
   */
  private Status endPause(Incident i, Category c, Instant now) {
    Status left = i.getPausedFrom() == null ? Status.DISPATCHED : i.getPausedFrom();
    TimeLimit limit = left.handling() ? (i.getLevel() == Level.PROPERTY ? c.propertyLimit() : c.limit(Stage.HANDLE))
        : c.limit(Stage.DISPATCH);
    boolean calendarTime = limit != null
        && (limit.unit() == TimeLimit.Unit.CALENDAR_MINUTES || limit.unit() == TimeLimit.Unit.CALENDAR_HOURS);
    Instant since = i.getPausedAt() == null ? now : i.getPausedAt();
    long minutes = calendarTime ? java.time.Duration.between(since, now).toMinutes() : calendar.workingMinutesBetween(since, now);
    return i.unpause(moved(i.getDeadline(), minutes, calendarTime), moved(i.getWarnAt(), minutes, calendarTime), minutes, now);
  }

  private Instant moved(Instant t, long minutes, boolean calendarTime) {
    if (t == null || minutes == 0) return t;
    return calendarTime ? t.plusSeconds(minutes * 60) : calendar.addWorkingMinutes(t, minutes);
  }

  /** Hands the case to a level (its unit follows from the placement) and starts the handling clock. */
  DispatchTargets.Target dispatchTo(Incident i, Category c, Level level, Instant now) {
    DispatchTargets.Target t = level == Level.PROPERTY ? targets.ofProperty(i) : targets.ofUnit(level, unitFor(i, c, level));
    dispatchTo(i, c, t, now);
    return t;
  }

  /**
   * 物业优先: hands a new case of a property-first category straight to the property company serving its compound,
   * registered by the system, with the category's property time limit; the timeline says which company and compound.
   */
  void dispatchToProperty(Incident i, Category c, long organisation, String name, String compound, Instant now) {
    i.toProperty(organisation, name);
    i.markRegistered(now);
    DispatchTargets.Target t = targets.ofProperty(i);
    Status from = i.getStatus();
    dispatchTo(i, c, t, now);
    recordNote(i, IncidentEvent.Type.DISPATCHED, from, Actor.SYSTEM, now, Text.of("note.property-first", compound, name), t);
  }

  private void dispatchTo(Incident i, Category c, DispatchTargets.Target t, Instant now) {
    i.assign(t.level(), t.unitCode(), t.personCode(), t.personName());
    i.markDispatched(now);
    TimeLimit handle = t.level() == Level.PROPERTY ? c.propertyLimit() : c.limit(Stage.HANDLE);
    i.moveTo(Status.DISPATCHED, now, calendar.add(now, handle), calendar.add(now, handle, 0.8));
    if (t.level() == Level.PROPERTY) i.markPropertyDeadline(i.getDeadline());
  }

  static String unitFor(Incident i, Category c, Level level) {
    return switch (level) {
      case PROPERTY -> i.getPropertyOrganisation() == null ? null : String.valueOf(i.getPropertyOrganisation());
      case GRID -> i.getGridCode();
      case COMMUNITY -> i.getCommunityCode();
      case SUBDISTRICT -> i.getSubdistrictCode();
      case DEPARTMENT -> c.getDepartmentCode();
    };
  }

  Instant deadline(Category c, Stage stage, Instant from) {
    TimeLimit limit = c.limit(stage);
    return limit == null ? null : calendar.add(from, limit);
  }

  IncidentEvent record(Incident i, IncidentEvent.Type type, Status from, Actor actor, Instant now, String note, String photo) {
    return record(i, type, from, actor, now, note, photo, null);
  }

  /** Records an event by the system with a note worded in each reader's language. */
  IncidentEvent recordNote(Incident i, IncidentEvent.Type type, Status from, Actor actor, Instant now, Text note,
      DispatchTargets.Target target) {
    IncidentEvent e = newEvent(i, type, from, actor, now, null, null, target);
    e.systemNote(note);
    return saved(i, type, e, actor);
  }

  /** Records an event; a hop ({@code target} not null) names whom the case went to. */
  IncidentEvent record(Incident i, IncidentEvent.Type type, Status from, Actor actor, Instant now, String note, String photo,
      DispatchTargets.Target target) {
    return saved(i, type, newEvent(i, type, from, actor, now, note, photo, target), actor);
  }

  private static IncidentEvent newEvent(Incident i, IncidentEvent.Type type, Status from, Actor actor, Instant now, String note,
      String photo, DispatchTargets.Target target) {
    IncidentEvent e = new IncidentEvent(i.getId(), now, type, from, i.getStatus(), actor.username(), actor.roleName(),
        i.getLevel(), i.getUnitCode(), note, photo);
    if (target != null) e.target(target.targetCode(), target.targetName());
    return e;
  }

  private IncidentEvent saved(Incident i, IncidentEvent.Type type, IncidentEvent e, Actor actor) {
    events.save(e);
    publisher.publishEvent(IncidentChanged.of(i, type, actor));
    return e;
  }

  private static ProblemException notFound(String publicId) {
    return ProblemException.notFound("unknown-incident", "Unknown case", Text.of("incident.there-no-case-x", publicId));
  }
}
