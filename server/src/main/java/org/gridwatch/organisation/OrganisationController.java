package org.gridwatch.organisation;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gridwatch.organisation.OrganisationRequests.IncubationRequest;
import org.gridwatch.organisation.OrganisationRequests.NewOrganisation;
import org.gridwatch.organisation.OrganisationRequests.NewServiceArea;
import org.gridwatch.organisation.OrganisationRequests.ServiceAreaEnd;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/organisations}: the register of the community's organisations, their dated service areas, the
 * incubation of social organisations, the accounts that act for them, and their figures per area. Who may see and
 * change which organisation: see {@link Organisations} and {@link Caller}.
 */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {
  private final Organisations organisations;
  private final ServiceAreas serviceAreas;
  private final Incubation incubation;
  private final StaffLinks staff;
  private final OrganisationMeasures measures;
  private final Callers callers;

  OrganisationController(Organisations organisations, ServiceAreas serviceAreas, Incubation incubation, StaffLinks staff,
      OrganisationMeasures measures, Callers callers) {
    this.organisations = organisations;
    this.serviceAreas = serviceAreas;
    this.incubation = incubation;
    this.staff = staff;
    this.measures = measures;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<OrganisationView> create(@Valid @RequestBody NewOrganisation body, Authentication auth) {
    OrganisationView v = organisations.create(body, callers.of(auth));
    return ResponseEntity.created(URI.create("/api/v1/organisations/" + v.id())).body(v);
  }

  @GetMapping
  List<OrganisationView> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String area,
      Authentication auth) {
    return organisations.list(kind == null || kind.isBlank() ? null : kind(kind), area == null || area.isBlank() ? null : area.strip(),
        callers.of(auth));
  }

  @GetMapping("/measures")
  OrganisationMeasures.Answer measures(@RequestParam(required = false) String level, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return measures.measure(level == null ? "community" : level, from, to);
  }

  @GetMapping("/{id}")
  OrganisationView read(@PathVariable long id, Authentication auth) { return organisations.read(id, callers.of(auth)); }

  @PostMapping("/{id}/service-areas")
  ResponseEntity<OrganisationView.ServiceAreaView> addServiceArea(@PathVariable long id, @Valid @RequestBody NewServiceArea body,
      Authentication auth) {
    OrganisationView.ServiceAreaView v = serviceAreas.add(id, body, callers.of(auth));
    return ResponseEntity.created(URI.create("/api/v1/organisations/" + id + "/service-areas/" + v.id())).body(v);
  }

  @PatchMapping("/{id}/service-areas/{areaId}")
  OrganisationView.ServiceAreaView endServiceArea(@PathVariable long id, @PathVariable long areaId,
      @Valid @RequestBody ServiceAreaEnd body, Authentication auth) {
    return serviceAreas.end(id, areaId, body.to(), callers.of(auth));
  }

  @PostMapping("/{id}/incubation")
  OrganisationView advanceIncubation(@PathVariable long id, @Valid @RequestBody IncubationRequest body, Authentication auth) {
    return incubation.advance(id, body, callers.of(auth));
  }

  @PutMapping("/{id}/staff/{username}")
  StaffLinks.Linked linkStaff(@PathVariable long id, @PathVariable String username, Authentication auth) {
    return staff.link(id, username, callers.of(auth));
  }

  private static OrganisationKind kind(String text) {
    try {
      return OrganisationKind.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput("kind", Text.of("organisation.kind-one-of", text));
    }
  }
}
