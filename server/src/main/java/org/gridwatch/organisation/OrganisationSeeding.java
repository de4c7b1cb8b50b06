package org.gridwatch.organisation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.Geometries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty register in one transaction (a demo, a first import): organisations marked synthetic, their service
 * areas, incubation steps and staff links, named by credit code. The caller guarantees what the endpoints check
 * (valid codes are still checked: a wrong one is a programming error).
 */
@Component
public class OrganisationSeeding {
  public record NewOrganisation(String creditCode, String name, OrganisationKind kind, String contactName, String contactPhone,
      String address, double lon, double lat) {}

  public record NewServiceArea(String creditCode, ServiceAreaKind kind, String code, LocalDate from, LocalDate to) {}

  public record NewIncubation(String creditCode, IncubationStage stage, LocalDate on) {}

  public record NewStaff(String username, String creditCode) {}

  private final OrganisationRepository organisations;
  private final ServiceAreaRepository areas;
  private final IncubationStepRepository steps;
  private final StaffLinkRepository staff;
  private final Clock clock;

  OrganisationSeeding(OrganisationRepository organisations, ServiceAreaRepository areas, IncubationStepRepository steps,
      StaffLinkRepository staff, Clock clock) {
    this.organisations = organisations;
    this.areas = areas;
    this.steps = steps;
    this.staff = staff;
    this.clock = clock;
  }

  public boolean isEmpty() { return organisations.count() == 0; }

  @Transactional
  public void seed(List<NewOrganisation> made, List<NewServiceArea> served, List<NewIncubation> incubations, List<NewStaff> links) {
    Instant now = Instant.now(clock);
    Map<String, Organisation> byCode = new HashMap<>();
    for (NewOrganisation n : made) {
      if (CreditCode.fault(n.creditCode()).isPresent()) throw new IllegalArgumentException("invalid credit code " + n.creditCode());
      byCode.put(n.creditCode(), organisations.save(new Organisation(n.creditCode(), n.name(), n.kind(), n.contactName(),
          n.contactPhone(), n.address(), Geometries.point(n.lon(), n.lat()), true, now)));
    }
    for (NewServiceArea a : served) {
      areas.save(new ServiceArea(byCode.get(a.creditCode()).getId(), a.kind(), a.code(), a.from(), a.to()));
    }
    for (NewIncubation i : incubations) {
      Organisation o = byCode.get(i.creditCode());
      o.enter(i.stage(), i.on());
      steps.save(new IncubationStep(o.getId(), i.stage(), i.on(), "demo", now));
    }
    for (NewStaff s : links) {
      long id = byCode.get(s.creditCode()).getId();
      staff.findById(s.username()).ifPresentOrElse(l -> l.moveTo(id), () -> staff.save(new StaffLink(s.username(), id)));
    }
  }
}
