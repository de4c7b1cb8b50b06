package org.gridwatch.organisation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.geo.Geometries;
import org.gridwatch.organisation.OrganisationRequests.NewOrganisation;
import org.gridwatch.organisation.OrganisationView.ContactView;
import org.gridwatch.organisation.OrganisationView.IncubationStepView;
import org.gridwatch.organisation.OrganisationView.IncubationView;
import org.gridwatch.organisation.OrganisationView.ServiceAreaView;
import org.gridwatch.problem.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of organisations: create (credit code checked by GB 32100-2015, unique), list and read, each scoped to
 * its {@link Caller}. Community and subdistrict staff see the organisations placed in their unit or serving inside it;
 * an organisation's staff see their own; an organisation another caller may not see answers 404, as if it did not exist.
 */
@Service
public class Organisations {
  private final OrganisationRepository organisations;
  private final ServiceAreaRepository areas;
  private final IncubationStepRepository steps;
  private final ServedPlaces places;
  private final DistrictProfile district;
  private final Clock clock;

  Organisations(OrganisationRepository organisations, ServiceAreaRepository areas, IncubationStepRepository steps,
      ServedPlaces places, DistrictProfile district, Clock clock) {
    this.organisations = organisations;
    this.areas = areas;
    this.steps = steps;
    this.places = places;
    this.district = district;
    this.clock = clock;
  }

  @Transactional
  OrganisationView create(NewOrganisation body, Caller caller) {
    String code = body.creditCode().strip();
    CreditCode.fault(code).ifPresent(f -> { throw OrganisationProblems.invalidCreditCode(code, f); });
    ServedPlace grid = places.gridAt(body.lon(), body.lat()).orElseThrow(() -> OrganisationProblems.unprocessable(
        "outside-district", "Outside the district", "lon", Text.of("organisation.place-outside-district")));
    if (!caller.writes() || (caller.reach() == Caller.Reach.AREA && !grid.reaches(caller.unitCode()))) {
      throw OrganisationProblems.forbidden(caller.username(), "organisation.what-register-here");
    }
    if (organisations.findByCreditCode(code).isPresent()) {
      throw OrganisationProblems.conflict("credit-code-taken", "Credit code taken", "creditCode", Text.of("organisation.credit-code-taken", code));
    }
    Point place = Geometries.FACTORY.createPoint(new Coordinate(body.lon(), body.lat()));
    var contact = body.contact();
    Organisation o = organisations.saveAndFlush(new Organisation(code, body.name().strip(), body.kind(),
        contact == null ? null : contact.name().strip(), contact == null ? null : contact.phone().strip(),
        body.address() == null ? null : body.address().strip(), place, false, Instant.now(clock)));
    return view(o);
  }

  /** The organisations the caller may see, of a kind and serving today inside an area (both optional), by name. */
  @Transactional(readOnly = true)
  List<OrganisationView> list(OrganisationKind kind, String areaCode, Caller caller) {
    LocalDate today = today();
    return organisations.findAll().stream()
        .filter(o -> kind == null || o.getKind() == kind)
        .filter(o -> sees(caller, o))
        .filter(o -> areaCode == null || areas.findByOrganisationIdOrderByValidFromAscIdAsc(o.getId()).stream()
            .filter(a -> a.servesOn(today)).anyMatch(a -> reaches(a, areaCode)))
        .sorted(Comparator.comparing(Organisation::getName).thenComparing(Organisation::getId))
        .map(this::view).toList();
  }

  @Transactional(readOnly = true)
  OrganisationView read(long id, Caller caller) { return view(visible(id, caller)); }

  /** The organisation if the caller may see it; 404 otherwise (an unseen organisation is not revealed). */
  Organisation visible(long id, Caller caller) {
    Organisation o = organisations.findById(id).orElseThrow(() -> OrganisationProblems.unknown(id));
    if (!sees(caller, o)) throw OrganisationProblems.unknown(id);
    return o;
  }

  /** The organisation if the caller may change it: 404 when unseen, 403 when seen but not theirs to change. */
  Organisation writable(long id, Caller caller) {
    Organisation o = visible(id, caller);
    if (!caller.writes()) throw OrganisationProblems.forbidden(caller.username(), "organisation.what-change");
    return o;
  }

  boolean sees(Caller caller, Organisation o) {
    return switch (caller.reach()) {
      case ALL -> true;
      case OWN -> o.getId().equals(caller.organisationId());
      case NONE -> false;
      case AREA -> placedIn(o, caller.unitCode()) || areas.findByOrganisationIdOrderByValidFromAscIdAsc(o.getId()).stream()
          .anyMatch(a -> reaches(a, caller.unitCode()));
    };
  }

  private boolean placedIn(Organisation o, String unitCode) {
    Point p = o.getPlace();
    return p != null && places.gridAt(p.getX(), p.getY()).map(g -> g.reaches(unitCode)).orElse(false);
  }

  boolean reaches(ServiceArea a, String areaCode) {
    return places.find(a.getKind(), a.getCode()).map(p -> p.reaches(areaCode)).orElse(false);
  }

  LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  OrganisationView view(Organisation o) {
    List<ServiceAreaView> served = areas.findByOrganisationIdOrderByValidFromAscIdAsc(o.getId()).stream()
        .map(a -> new ServiceAreaView(a.getId(), a.getKind(), a.getCode(),
            places.find(a.getKind(), a.getCode()).map(ServedPlace::name).orElse(a.getCode()), a.getValidFrom(), a.getValidTo()))
        .toList();
    IncubationView incubation = o.getIncubationStage() == null ? null : new IncubationView(o.getIncubationStage(),
        o.getAppliedOn(), o.getIncubatingOn(), o.getGraduatedOn(), steps.findByOrganisationIdOrderByIdAsc(o.getId()).stream()
            .map(s -> new IncubationStepView(s.getStage(), s.getOnDay(), s.getRecordedBy())).toList());
    ContactView contact = o.getContactName() == null && o.getContactPhone() == null ? null
        : new ContactView(o.getContactName(), Phones.masked(o.getContactPhone()));
    Optional<Point> place = Optional.ofNullable(o.getPlace());
    return new OrganisationView(o.getId(), o.getCreditCode(), o.getName(), o.getKind(), contact, o.getAddress(),
        place.map(Point::getX).orElse(null), place.map(Point::getY).orElse(null), o.isSynthetic(), served, incubation);
  }
}
