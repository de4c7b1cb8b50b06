package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Geometries;
import org.gridwatch.organisation.PropertyCompanies;
import org.gridwatch.problem.Text;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one checked and placed report ({@link Intake.Checked}) inside the caller's transaction: links a likely
 * duplicate, gives it its case number, starts the registration clock, hands a property-first case to its company,
 * writes the first history entry and the idempotency key. Several of these share one transaction when the
 * {@link GroupIntake} writer stores a batch; a report's own row is visible to the next one in the same batch (the
 * duplicate check flushes first), so a batch links duplicates exactly as one-by-one writes would.
 */
@Component
class IntakeWrite {
  private final EntityManager em;
  private final Duplicates duplicates;
  private final Workflow workflow;
  private final CaseNumbers numbers;
  private final Clock clock;
  private final PropertyFirst propertyFirst;

  IntakeWrite(EntityManager em, Duplicates duplicates, Workflow workflow, CaseNumbers numbers, Clock clock,
      PropertyFirst propertyFirst) {
    this.em = em;
    this.duplicates = duplicates;
    this.workflow = workflow;
    this.numbers = numbers;
    this.clock = clock;
    this.propertyFirst = propertyFirst;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Intake.Result write(Intake.Checked checked) {
    Submission s = checked.submission();
    Category c = checked.category();
    Placement p = checked.placement();
    String idempotencyKey = checked.idempotencyKey();
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
    i.placeInCompound(company.map(PropertyCompanies.Serving::compound).orElseGet(() -> propertyFirst.compoundAt(point)));
    em.persist(i);
    em.flush();
    workflow.record(i, IncidentEvent.Type.REPORTED, null, checked.actor(), now, null, null);
    company.ifPresent(served -> workflow.dispatchToProperty(i, c, served.organisationId(), served.name(), served.compound(), now));
    duplicate.ifPresent(d -> workflow.recordNote(i, IncidentEvent.Type.LINKED_DUPLICATE, i.getStatus(), Actor.SYSTEM, now,
        Text.of("note.possible-duplicate", d.publicId()), null));
    if (idempotencyKey != null) {
      em.createNativeQuery("insert into idempotency_key (idem_key, request_hash, incident_id, created_at, token_salt) values (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, idempotencyKey).setParameter(2, checked.requestHash()).setParameter(3, i.getId()).setParameter(4, now)
          .setParameter(5, salt)
          .executeUpdate();
    }
    return new Intake.Result(i, true, duplicate.map(Duplicates.Near::publicId).orElse(null), followToken);
  }
}
