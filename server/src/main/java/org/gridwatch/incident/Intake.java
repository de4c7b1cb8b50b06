package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gridwatch.area.LocateService;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Geometries;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in a new case from any channel: checks the category, places the point in its grid (converting from the
 * client's CRS), links a likely duplicate, starts the registration clock, and stores the case with its first
 * history entry — all in one transaction. A case of a property-first category inside a compound a property company
 * serves goes straight to that company ({@link PropertyFirst}). With an idempotency key, a retry returns the case made the first
 * time instead of a second one.
 */
@Service
public class Intake {
  /**
   * The case, whether this call made it (false: an earlier call with the same idempotency key did), and the
   * public id of the open case it probably repeats, if any.
   */
  /**
   * What intake answers: the case, whether this call made it, a likely duplicate, and the reporter's follow token
   * (shown once; a replay of a keyed report answers the same token again, derived from the key).
   */
  public record Result(Incident incident, boolean created, String duplicateOf, String followToken) {}

  private final EntityManager em;
  private final Categories categories;
  private final LocateService locate;
  private final Duplicates duplicates;
  private final Workflow workflow;
  private final CaseNumbers numbers;
  private final Clock clock;
  private final PropertyFirst propertyFirst;

  Intake(EntityManager em, Categories categories, LocateService locate, Duplicates duplicates, Workflow workflow,
      CaseNumbers numbers, Clock clock, PropertyFirst propertyFirst) {
    this.propertyFirst = propertyFirst;
    this.numbers = numbers;
    this.em = em;
    this.categories = categories;
    this.locate = locate;
    this.duplicates = duplicates;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Transactional
  public Result submit(Submission s, Actor actor, String idempotencyKey, String requestHash) {
    if (idempotencyKey != null) {
      var earlier = replay(idempotencyKey, requestHash);
      if (earlier.isPresent()) return earlier.get();
    }
    Category c = categories.find(s.categoryCode()).filter(Category::isActive).orElseThrow(() -> ProblemException.badInput(
        s.fields().category(), Text.of("incident.unknown-category-x-see-get", s.categoryCode())));
    locate.checkRange(s.lon(), s.lat(), s.crs(), s.fields().location(), s.fields().location());
    Placement p = locate.place(s.lon(), s.lat(), s.crs()).orElseThrow(() -> ProblemException.badInput(
        s.fields().location(), locate.outside(s.lon(), s.lat(), s.crs()).getMessage()));
    Instant now = clock.instant();
    var point = Geometries.point(p.lon(), p.lat());
    Incident.Report report = new Incident.Report(s.kind() != null ? s.kind() : c.getKind(), c.getCode(), s.channel(),
        s.priority() != null ? s.priority() : c.getDefaultPriority(), point, s.lon(), s.lat(), s.crs().name(),
        s.address(), s.description(), s.mediaUrls() == null || s.mediaUrls().isEmpty() ? null : String.join("\n", s.mediaUrls()),
        s.reporter().name(), s.reporter().phone(), s.reporter().email(), s.reporter().deviceId(), s.reporter().account(),
        p.grid().code(), p.community().code(), p.subdistrict().code(), p.district().code(), p.grid().version());
    Incident i = Incident.reported(report, now, workflow.deadline(c, Stage.REGISTER, now));
    i.setRequestType(s.requestType() != null ? s.requestType() : RequestType.defaultFor(report.kind()));
    i.setPublicText(s.publicText());
    String salt = idempotencyKey == null ? null : FollowTokens.newToken();
    String followToken = salt == null ? i.issueFollowToken() : i.issueFollowToken(FollowTokens.fromKey(idempotencyKey, salt));
    var duplicate = duplicates.likelyDuplicate(c.getCode(), point, now);
    i.assignPublicId(numbers.next(now));
    duplicate.ifPresent(d -> i.linkDuplicateOf(d.id()));
    var company = propertyFirst.companyFor(c, i.getRequestType(), point, now);
    i.placeInCompound(company.map(org.gridwatch.organisation.PropertyCompanies.Serving::compound).orElseGet(() -> propertyFirst.compoundAt(point)));
    em.persist(i);
    em.flush();
    workflow.record(i, IncidentEvent.Type.REPORTED, null, actor, now, null, null);
    company.ifPresent(served -> workflow.dispatchToProperty(i, c, served.organisationId(), served.name(), served.compound(), now));
    duplicate.ifPresent(d -> workflow.recordNote(i, IncidentEvent.Type.LINKED_DUPLICATE, i.getStatus(), Actor.SYSTEM, now,
        Text.of("note.possible-duplicate", d.publicId()), null));
    if (idempotencyKey != null) {
      em.createNativeQuery("insert into idempotency_key (idem_key, request_hash, incident_id, created_at, token_salt) values (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, idempotencyKey).setParameter(2, requestHash).setParameter(3, i.getId()).setParameter(4, now)
          .setParameter(5, salt)
          .executeUpdate();
    }
    return new Result(i, true, duplicate.map(Duplicates.Near::publicId).orElse(null), followToken);
  }

  /**
   * The case an earlier call with {@code key} made (committed), answered again; empty if none is visible yet. 422
   * when that call sent a different request.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<Result> replay(String key, String requestHash) {
    Object[] earlier = earlier(key);
    if (earlier == null) return java.util.Optional.empty();
    if (!earlier[0].equals(requestHash)) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
          Text.of("incident.idempotency-key-x-was-used", key),
          List.of(new ProblemException.FieldError("Idempotency-Key", Text.of("incident.already-used-for-different-request"))));
    }
    Incident before = em.find(Incident.class, ((Number) earlier[1]).longValue());
    String dup = before.getDuplicateOf() == null ? null : em.find(Incident.class, before.getDuplicateOf()).getPublicId();
    String token = earlier[2] == null ? null : FollowTokens.fromKey(key, (String) earlier[2]);
    return java.util.Optional.of(new Result(before, false, dup, token));
  }

  /** 409 for a call whose key another call, still under way, is using: the client retries and gets that case. */
  public static ProblemException inFlight(String key) {
    return new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Same request under way",
        Text.of("incident.request-with-idempotency-key-x", key),
        List.of(new ProblemException.FieldError("Idempotency-Key", Text.of("incident.request-with-this-key-still"))));
  }

  private Object[] earlier(String key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select request_hash, incident_id, token_salt from idempotency_key where idem_key = ?1")
        .setParameter(1, key).getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }
}
