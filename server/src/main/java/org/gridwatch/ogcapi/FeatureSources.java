package org.gridwatch.ogcapi;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.problem.ProblemException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Every collection of the OGC API, in listing order; anonymous clients see only the public ones. */
@Component
class FeatureSources {
  private final AreaCollections areas;
  private final IncidentFeatures incidents;
  private final CoverageCollections coverage;
  private final OrganisationCollections organisations;
  private final VolunteerDensityCollection volunteerDensity;
  private final ServiceCollections services;
  private final NeedCollections needs;
  private final ProjectCollection projects;
  private final GovernanceCollections governance;
  private final ConsultationCollections consultation;

  FeatureSources(AreaCollections areas, IncidentFeatures incidents, CoverageCollections coverage,
      OrganisationCollections organisations, VolunteerDensityCollection volunteerDensity, ServiceCollections services,
      NeedCollections needs, ProjectCollection projects, GovernanceCollections governance,
      ConsultationCollections consultation) {
    this.governance = governance;
    this.consultation = consultation;
    this.needs = needs;
    this.projects = projects;
    this.organisations = organisations;
    this.areas = areas;
    this.incidents = incidents;
    this.coverage = coverage;
    this.volunteerDensity = volunteerDensity;
    this.services = services;
  }

  List<FeatureSource> visible() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    List<FeatureSource> out = new ArrayList<>(areas.all());
    out.add(incidents);
    out.addAll(coverage.all());
    out.addAll(organisations.all());
    out.add(volunteerDensity);
    out.addAll(services.all());
    out.addAll(needs.all());
    out.add(projects);
    out.addAll(governance.all());
    out.addAll(consultation.all());
    out.removeIf(s -> !org.gridwatch.security.Audiences.admits(auth, s.readers()));
    return out;
  }

  Optional<FeatureSource> find(String id) {
    return visible().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  FeatureSource require(String id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("unknown-collection", "Unknown collection",
        Text.of("ogcapi.there-no-collection-x-see", id)));
  }
}
