package org.gridwatch.organisation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {
  Optional<Organisation> findByCreditCode(String creditCode);
}
