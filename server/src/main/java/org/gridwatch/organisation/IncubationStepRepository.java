package org.gridwatch.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncubationStepRepository extends JpaRepository<IncubationStep, Long> {
  List<IncubationStep> findByOrganisationIdOrderByIdAsc(long organisationId);
}
