package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA clock: every {@code gridwatch.escalation.interval} it warns about handling deadlines that are 80 %
 * used up (yellow light), and acts on cases whose handling deadline has passed as their category's
 * {@link EscalationPolicy} says: {@code ESCALATE} hands them to the next level (grid → community → subdistrict
 * → department) with a new deadline; a property company's case always goes to the grid when its limit passes; {@code SUPERVISE} (督办) leaves them with their unit, breached (red light,
 * counted against the unit), and tells the command centre once. At the department it tells the command centre once.
 *
 * <p>Safe with any number of server instances on one database: each case is changed in its own transaction
 * guarded by the case's version, so when two instances pick the same case, the second one's update matches no
 * row and rolls back — never a double escalation or warning.
 */
@Component
public class Escalation {
  /** What one run did. */
  public record Outcome(int warned, int escalated, int overdue, int lostRaces) {}

  private static final Logger log = LoggerFactory.getLogger(Escalation.class);
  private static final int BATCH = 500;

  private final EntityManager em;
  private final TransactionTemplate tx;
  private final Workflow workflow;
  private final Categories categories;
  private final Clock clock;
  private final boolean enabled;
  private volatile boolean started;

  Escalation(EntityManager em, TransactionTemplate tx, Workflow workflow, Categories categories, Clock clock,
      @Value("${gridwatch.escalation.enabled:true}") boolean enabled) {
    this.em = em;
    this.tx = tx;
    this.workflow = workflow;
    this.categories = categories;
    this.clock = clock;
    this.enabled = enabled;
  }

  /**
   * Start-up has finished (the catalog, the roster and every start-up step are in: Spring publishes this event after
   * the start-up pipeline, an application runner, has run). Until then a tick does nothing: on a city the start takes
   * longer than the first delay, and escalating needs the catalog's areas and the roster.
   */
  @EventListener(ApplicationReadyEvent.class)
  void started() { started = true; }

  @Scheduled(fixedDelayString = "${gridwatch.escalation.interval:PT30S}", initialDelayString = "PT20S")
  void tick() {
    if (!enabled || !started) return;
    Outcome o = runAt(clock.instant());
    if (o.escalated() + o.warned() + o.overdue() > 0) log.info("SLA clock: {}", o);
  }

  public Outcome runAt(Instant now) {
    int warned = 0, escalated = 0, overdue = 0, races = 0;
    for (Long id : ids("select i.id from Incident i where i.status in :handling and i.warned = false "
        + "and i.warnAt <= :now order by i.warnAt", now)) {
      Boolean done = once(() -> warn(id, now));
      if (done == null) races++; else if (done) warned++;
    }
    for (Long id : ids("select i.id from Incident i where i.status in :handling and i.deadline <= :now "
        + "and i.overdueNotified = false order by i.deadline", now)) {
      Boolean done = once(() -> breach(id, now));
      if (done == null) races++;
      else if (done) {
        Incident i = em.find(Incident.class, id);
        if (i != null && i.isOverdueNotified()) overdue++; else escalated++;
      }
    }
    return new Outcome(warned, escalated, overdue, races);
  }

  private List<Long> ids(String jpql, Instant now) {
    return tx.execute(s -> em.createQuery(jpql, Long.class).setParameter("handling", List.of(Status.DISPATCHED, Status.IN_PROGRESS))
        .setParameter("now", now).setMaxResults(BATCH).getResultList());
  }

  /** Runs one change in its own transaction; null when another instance changed the case first. */
  private Boolean once(java.util.function.Supplier<Boolean> change) {
    try {
      return tx.execute(s -> change.get());
    } catch (OptimisticLockingFailureException | OptimisticLockException e) {
      return null;
    }
  }

  private boolean warn(Long id, Instant now) {
    Incident i = em.find(Incident.class, id);
    if (i == null || !i.getStatus().handling() || i.isWarned() || i.getWarnAt() == null || i.getWarnAt().isAfter(now)) return false;
    i.markWarned();
    em.flush();
    workflow.recordNote(i, IncidentEvent.Type.SLA_WARNING, i.getStatus(), Actor.SYSTEM, now, Text.of("note.sla-warning"), null);
    return true;
  }

  private boolean breach(Long id, Instant now) {
    Incident i = em.find(Incident.class, id);
    if (i == null || !i.getStatus().handling() || i.getDeadline() == null || i.getDeadline().isAfter(now)) return false;
    Status from = i.getStatus();
    i.markBreached();
    Category c = categories.find(i.getCategoryCode()).orElseThrow();
    // the property company's limit passing always hands the case to the grid, whatever the category's policy
    if (c.getEscalationPolicy() == EscalationPolicy.SUPERVISE && i.getLevel() != Level.DEPARTMENT && i.getLevel() != Level.PROPERTY) {
      i.markOverdueNotified();
      em.flush();
      workflow.recordNote(i, IncidentEvent.Type.OVERDUE, from, Actor.SYSTEM, now,
          Text.of("note.overdue-supervised", Text.of("level." + i.getLevel()), i.getUnitCode()), null);
      return true;
    }
    if (i.getLevel() == Level.DEPARTMENT) {
      if (i.isOverdueNotified()) return false;
      i.markOverdueNotified();
      em.flush();
      workflow.recordNote(i, IncidentEvent.Type.OVERDUE, from, Actor.SYSTEM, now, Text.of("note.overdue-department"), null);
      return true;
    }
    Level was = i.getLevel();
    i.markEscalated();
    var hop = workflow.dispatchTo(i, c, was.next(), now);
    em.flush();
    Text note = was == Level.PROPERTY ? Text.of("note.property-overdue", i.getPropertyName(), hop.targetName())
        : Text.of("note.escalated", Text.of("level." + was), Text.of("level." + i.getLevel()));
    workflow.recordNote(i, IncidentEvent.Type.ESCALATED, from, Actor.SYSTEM, now, note, hop);
    return true;
  }
}
