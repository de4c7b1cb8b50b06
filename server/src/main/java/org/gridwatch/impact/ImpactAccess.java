package org.gridwatch.impact;

import java.util.List;
import java.util.Set;
import org.gridwatch.incident.Actor;
import org.gridwatch.organisation.OrganisationStaff;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who sees and who records what a project did. Everyone sees a project once it is approved (ProjectStatus.PUBLIC);
 * the funding staff (FUNDER, REVIEWER, ADMIN, PLANNER) and the provider's own staff see it before. Activities are
 * recorded by the provider's staff, FUNDER and ADMIN.
 */
@Component
class ImpactAccess {
  private static final Set<Role> FUNDING_STAFF = Set.of(Role.FUNDER, Role.REVIEWER, Role.ADMIN, Role.PLANNER);
  private final OrganisationStaff staff;

  ImpactAccess(OrganisationStaff staff) { this.staff = staff; }

  /** The project if the actor may see it; else 404, as if it did not exist. */
  FundedProject visible(java.util.Optional<FundedProject> project, long id, Actor actor) {
    return project.filter(p -> p.isPublic() || FUNDING_STAFF.stream().anyMatch(actor::has) || ownStaff(p, actor))
        .orElseThrow(() -> unknown(id));
  }

  void checkRecorder(FundedProject p, Actor actor) {
    if (actor.has(Role.ADMIN) || actor.has(Role.FUNDER) || ownStaff(p, actor)) return;
    throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        Text.of("impact.not-provider-staff", actor.username(), p.id()), List.of());
  }

  private boolean ownStaff(FundedProject p, Actor actor) {
    return actor.has(Role.ORGANISATION_STAFF) && staff.organisationOf(actor.username()).filter(o -> o == p.providerId()).isPresent();
  }

  static ProblemException unknown(long id) {
    return ProblemException.notFound("unknown-project", "Unknown project", Text.of("impact.no-project", id));
  }
}
