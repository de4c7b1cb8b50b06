package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Geometries;
import org.gridwatch.organisation.PropertyCompanies;
import org.gridwatch.problem.Text;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores checked and placed reports ({@link Intake.Checked}) inside the caller's transaction: links a likely
 * duplicate, gives each its case number, starts the registration clock, hands a property-first case to its company,
 * writes the first history entry and the idempotency key. The {@link GroupIntake} writer stores a whole batch in one
 * call, with a fixed number of round trips whatever its size: one for the case numbers, one for the duplicate check
 * of every report, the inserts as JDBC batches at the flush. A report is compared with the stored open cases and with
 * the reports before it in the same batch, so a batch links duplicates exactly as one-by-one writes would.
 */
@Component
class IntakeWrite {
  /** A report of a batch failed before anything was sent to the database: which one, and why. */
  static final class ReportFailed extends RuntimeException {
    final int index;

    ReportFailed(int index, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.index = index;
    }
  }

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
    try {
      return writeAll(List.of(checked)).get(0);
    } catch (ReportFailed failed) {
      throw (RuntimeException) failed.getCause();
    }
  }

  /**
   * Stores the reports in order and answers each. A report that fails before the flush (its own checks) throws
   * {@link ReportFailed} naming it; a failure at the flush (the database refused a row) names none.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  List<Intake.Result> writeAll(List<Intake.Checked> batch) {
    Instant now = clock.instant();
    List<String> publicIds = numbers.next(now, batch.size());
    List<Duplicates.Probe> probes = batch.stream()
        .map(c -> new Duplicates.Probe(c.category().getCode(), Geometries.point(c.placement().lon(), c.placement().lat()))).toList();
    List<Optional<Duplicates.Candidate>> stored = duplicates.likelyDuplicates(probes, now);
    List<Incident> written = new ArrayList<>(batch.size());
    List<Intake.Result> results = new ArrayList<>(batch.size());
    List<Object[]> keys = new ArrayList<>();
    for (int k = 0; k < batch.size(); k++) {
      try {
        Optional<Duplicates.Candidate> duplicate = stored.get(k);
        for (int j = 0; j < k; j++) { // the batch's earlier reports are open cases stored before this one
          Incident earlier = written.get(j);
          if (earlier.getCategoryCode().equals(probes.get(k).category())) {
            duplicate = Duplicates.nearer(duplicate, probes.get(k).point(), earlier.getLocation().getX(),
                earlier.getLocation().getY(), new Duplicates.Near(earlier.getId(), earlier.getPublicId()));
          }
        }
        Intake.Checked checked = batch.get(k);
        String key = checked.idempotencyKey();
        String salt = key == null ? null : FollowTokens.newToken();
        Stored one = stored(checked, probes.get(k).point(), publicIds.get(k), duplicate.map(Duplicates.Candidate::near), now, salt);
        Incident i = one.incident();
        written.add(i);
        if (key != null) keys.add(new Object[] {key, checked.requestHash(), i.getId(), now, salt});
        results.add(new Intake.Result(i, true, duplicate.map(d -> d.near().publicId()).orElse(null), one.followToken()));
      } catch (RuntimeException e) {
        throw new ReportFailed(k, e);
      }
    }
    em.flush(); // the cases and their first entries, as JDBC batches; then the keys that refer to them
    for (Object[] key : keys) {
      em.createNativeQuery("insert into idempotency_key (idem_key, request_hash, incident_id, created_at, token_salt) values (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, key[0]).setParameter(2, key[1]).setParameter(3, key[2]).setParameter(4, key[3]).setParameter(5, key[4])
          .executeUpdate();
    }
    return results;
  }

  /** A report stored as a case, and the follow token its reporter is shown once. */
  private record Stored(Incident incident, String followToken) {}

  /**
   * One report as a case, persisted (not yet flushed), with its first history entries. With an idempotency key's
   * {@code salt} the follow token is derived from the key (a replay answers the same token), else it is random.
   */
  private Stored stored(Intake.Checked checked, org.locationtech.jts.geom.Point point, String publicId,
      Optional<Duplicates.Near> duplicate, Instant now, String salt) {
    Submission s = checked.submission();
    Category c = checked.category();
    Placement p = checked.placement();
    Incident.Report report = new Incident.Report(s.kind() != null ? s.kind() : c.getKind(), c.getCode(), s.channel(),
        s.priority() != null ? s.priority() : c.getDefaultPriority(), point, s.lon(), s.lat(), s.crs().name(),
        s.address(), s.description(), s.mediaUrls() == null || s.mediaUrls().isEmpty() ? null : String.join("\n", s.mediaUrls()),
        s.reporter().name(), s.reporter().phone(), s.reporter().email(), s.reporter().deviceId(), s.reporter().account(),
        p.grid().code(), p.community().code(), p.subdistrict().code(), p.district().code(), p.grid().version());
    Incident i = Incident.reported(report, now, workflow.deadline(c, Stage.REGISTER, now));
    i.setRequestType(s.requestType() != null ? s.requestType() : RequestType.defaultFor(report.kind()));
    i.setPublicText(s.publicText());
    String followToken = salt == null ? i.issueFollowToken()
        : i.issueFollowToken(FollowTokens.fromKey(checked.idempotencyKey(), salt));
    i.assignPublicId(publicId);
    duplicate.ifPresent(d -> i.linkDuplicateOf(d.id()));
    var company = propertyFirst.companyFor(c, i.getRequestType(), point, now);
    i.placeInCompound(company.map(PropertyCompanies.Serving::compound).orElseGet(() -> propertyFirst.compoundAt(point)));
    em.persist(i);
    workflow.record(i, IncidentEvent.Type.REPORTED, null, checked.actor(), now, null, null);
    company.ifPresent(served -> workflow.dispatchToProperty(i, c, served.organisationId(), served.name(), served.compound(), now));
    duplicate.ifPresent(d -> workflow.recordNote(i, IncidentEvent.Type.LINKED_DUPLICATE, i.getStatus(), Actor.SYSTEM, now,
        Text.of("note.possible-duplicate", d.publicId()), null));
    return new Stored(i, followToken);
  }
}
