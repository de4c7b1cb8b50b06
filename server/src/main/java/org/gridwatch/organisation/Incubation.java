package org.gridwatch.organisation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import org.gridwatch.organisation.OrganisationRequests.IncubationRequest;
import org.gridwatch.problem.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A social organisation's way through the incubator (创益工场): applied → incubating → graduated, one step at a time,
 * each on a day no earlier than the step before. Another kind of organisation is not incubated (422); a stage out of
 * order is a 409 that says which stage comes next. Each step is kept in the history with who recorded it.
 */
@Service
class Incubation {
  private final Organisations organisations;
  private final IncubationStepRepository steps;
  private final EntityManager em;
  private final Clock clock;

  Incubation(Organisations organisations, IncubationStepRepository steps, EntityManager em, Clock clock) {
    this.organisations = organisations;
    this.steps = steps;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  OrganisationView advance(long organisationId, IncubationRequest body, Caller caller) {
    Organisation o = organisations.writable(organisationId, caller);
    em.lock(o, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(o);
    if (o.getKind() != OrganisationKind.SOCIAL_ORGANISATION) {
      throw OrganisationProblems.unprocessable("not-incubated", "Not incubated", "stage",
          Text.of("organisation.only-social-organisations-incubated", o.getKind().name()));
    }
    IncubationStage current = o.getIncubationStage();
    IncubationStage expected = current == null ? IncubationStage.APPLIED : current.next();
    if (body.stage() != expected) {
      Text reason = expected == null ? Text.of("organisation.incubation-finished")
          : Text.of("organisation.incubation-next", expected.name(), body.stage().name());
      throw OrganisationProblems.conflict("incubation-out-of-order", "Incubation out of order", "stage", reason)
          .with("current", current).with("expected", expected);
    }
    if (current != null && body.on().isBefore(o.dayOf(current))) {
      throw OrganisationProblems.unprocessable("invalid-dates", "Invalid dates", "on",
          Text.of("organisation.incubation-before-previous", current.name(), o.dayOf(current).toString()));
    }
    o.enter(body.stage(), body.on());
    steps.save(new IncubationStep(o.getId(), body.stage(), body.on(), caller.username(), Instant.now(clock)));
    em.flush();
    return organisations.view(o);
  }
}
