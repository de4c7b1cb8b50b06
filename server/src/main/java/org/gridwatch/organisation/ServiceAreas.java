package org.gridwatch.organisation;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.gridwatch.organisation.OrganisationProblems.Named;
import org.gridwatch.organisation.OrganisationRequests.NewServiceArea;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where organisations serve, dated. A compound is served by at most one property company on any day: a claim that
 * would overlap another company's is refused naming both. Every write first locks the one row of
 * {@code organisation_service_area_lock}, so two claims sent at once are checked one after the other and at most
 * one is stored, the same on H2 and PostgreSQL (both read committed: the second sees the first's row once it waits).
 */
@Service
class ServiceAreas {
  private final Organisations organisations;
  private final OrganisationRepository organisationRows;
  private final ServiceAreaRepository areas;
  private final ServedPlaces places;
  private final EntityManager em;

  ServiceAreas(Organisations organisations, OrganisationRepository organisationRows, ServiceAreaRepository areas,
      ServedPlaces places, EntityManager em) {
    this.organisations = organisations;
    this.organisationRows = organisationRows;
    this.areas = areas;
    this.places = places;
    this.em = em;
  }

  @Transactional
  OrganisationView.ServiceAreaView add(long organisationId, NewServiceArea body, Caller caller) {
    lock();
    Organisation o = organisations.writable(organisationId, caller);
    String code = body.code().strip();
    ServedPlace place = places.find(body.kind(), code).orElseThrow(() -> OrganisationProblems.unprocessable("unknown-area-code",
        "Unknown area", "code", unknownPlace(body.kind(), code)));
    if (caller.reach() == Caller.Reach.AREA && !place.reaches(caller.unitCode())) {
      throw OrganisationProblems.forbidden(caller.username(), "organisation.what-serve-there");
    }
    checkDays(body.from(), body.to());
    refuseOverlap(o, body.kind(), code, body.from(), body.to(), null);
    ServiceArea saved = areas.saveAndFlush(new ServiceArea(o.getId(), body.kind(), code, body.from(), body.to()));
    return new OrganisationView.ServiceAreaView(saved.getId(), saved.getKind(), code, place.name(), saved.getValidFrom(),
        saved.getValidTo());
  }

  /** Sets the last day the organisation serves the area (ending it, or moving its end). */
  @Transactional
  OrganisationView.ServiceAreaView end(long organisationId, long areaId, LocalDate to, Caller caller) {
    lock();
    Organisation o = organisations.writable(organisationId, caller);
    ServiceArea a = areas.findById(areaId).filter(x -> x.getOrganisationId() == o.getId())
        .orElseThrow(() -> ProblemException.notFound("unknown-service-area", "Unknown service area",
            Text.of("organisation.unknown-service-area", String.valueOf(areaId), o.getName())));
    checkDays(a.getValidFrom(), to);
    refuseOverlap(o, a.getKind(), a.getCode(), a.getValidFrom(), to, a.getId());
    a.endOn(to);
    areas.flush();
    return new OrganisationView.ServiceAreaView(a.getId(), a.getKind(), a.getCode(),
        places.find(a.getKind(), a.getCode()).map(ServedPlace::name).orElse(a.getCode()), a.getValidFrom(), a.getValidTo());
  }

  private static Text unknownPlace(ServiceAreaKind kind, String code) {
    return switch (kind) {
      case COMPOUND -> Text.of("organisation.unknown-compound", code);
      case GRID -> Text.of("organisation.unknown-grid", code);
      case COMMUNITY -> Text.of("organisation.unknown-community", code);
    };
  }

  private void lock() {
    em.createNativeQuery("SELECT id FROM organisation_service_area_lock WHERE id = 1 FOR UPDATE").getResultList();
  }

  private static void checkDays(LocalDate from, LocalDate to) {
    if (to != null && to.isBefore(from)) {
      throw OrganisationProblems.unprocessable("invalid-dates", "Invalid dates", "to", Text.of("organisation.to-before-from", from.toString()));
    }
  }

  /**
   * 409 when the days overlap another property company's service of the same compound, or the same organisation's
   * own service of the same area ({@code except}: the area being changed).
   */
  private void refuseOverlap(Organisation o, ServiceAreaKind kind, String code, LocalDate from, LocalDate to, Long except) {
    for (ServiceArea other : areas.findByKindAndCode(kind, code)) {
      if (other.getId().equals(except) || !other.overlaps(from, to)) continue;
      boolean same = other.getOrganisationId() == o.getId();
      Organisation holder = same ? o : organisationRows.findById(other.getOrganisationId()).orElse(null);
      boolean rival = holder != null && kind == ServiceAreaKind.COMPOUND && o.getKind() == OrganisationKind.PROPERTY_COMPANY
          && holder.getKind() == OrganisationKind.PROPERTY_COMPANY;
      if (same || rival) throw OrganisationProblems.overlap(code, new Named(o.getId(), o.getName()), new Named(holder.getId(), holder.getName()));
    }
  }
}
