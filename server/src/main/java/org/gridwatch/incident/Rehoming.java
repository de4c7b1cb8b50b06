package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Point;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open cases follow a boundary edit: each one in an edited grid is placed again by its location; one that lands
 * in another grid moves there (with its grid-level responsibility) and gets an audit entry. Closed cases stay
 * with the boundary version they were reported under.
 */
@Service
public class Rehoming {
  /** One case that changed grid. */
  public record Moved(String publicId, String from, String to) {}

  private final EntityManager em;
  private final IncidentEventRepository events;
  private final ApplicationEventPublisher publisher;

  Rehoming(EntityManager em, IncidentEventRepository events, ApplicationEventPublisher publisher) {
    this.em = em;
    this.events = events;
    this.publisher = publisher;
  }

  /** An open case as a boundary edit sees it: where it is and which grid holds it now. */
  public record Open(String publicId, String grid, Point location) {}

  /** The open cases of {@code grids}, for a preview. */
  @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
  public List<Open> open(Collection<String> grids) {
    return openIn(grids).stream().map(i -> new Open(i.getPublicId(), i.getGridCode(), i.getLocation())).toList();
  }

  /** Moves them (each placed under the new grid's boundary version {@code versionOf}), each with a REHOMED entry by {@code actor}, and announces each change on the live stream. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Moved> apply(Collection<String> grids, Function<Point, String> placeAgain, java.util.function.ToIntFunction<String> versionOf, String actor,
      String actorRole, Instant now) {
    List<Moved> out = new ArrayList<>();
    for (Incident i : openIn(grids)) {
      String from = i.getGridCode(), to = placeAgain.apply(i.getLocation());
      if (to == null || to.equals(from)) continue;
      i.rehome(to, versionOf.applyAsInt(to), now);
      IncidentEvent moved = new IncidentEvent(i.getId(), now, IncidentEvent.Type.REHOMED, i.getStatus(), i.getStatus(), actor, actorRole,
          i.getLevel(), i.getUnitCode(), null, null);
      moved.systemNote(org.gridwatch.problem.Text.of("note.rehomed", from, to));
      events.save(moved);
      publisher.publishEvent(IncidentChanged.of(i, IncidentEvent.Type.REHOMED));
      out.add(new Moved(i.getPublicId(), from, to));
    }
    return out;
  }

  private List<Incident> openIn(Collection<String> grids) {
    if (grids.isEmpty()) return List.of();
    return em.createQuery("select i from Incident i where i.gridCode in :grids and i.status not in :closed order by i.id", Incident.class)
        .setParameter("grids", grids).setParameter("closed", List.of(Status.REJECTED, Status.CLOSED, Status.MERGED))
        .getResultList();
  }
}
