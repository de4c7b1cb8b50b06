package org.gridwatch.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceAreaRepository extends JpaRepository<ServiceArea, Long> {
  List<ServiceArea> findByOrganisationIdOrderByValidFromAscIdAsc(long organisationId);

  List<ServiceArea> findByKindAndCode(ServiceAreaKind kind, String code);
}
