package org.gridwatch.groundnet;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PatrolRouteRepository extends JpaRepository<PatrolRoute, Long> {
  Optional<PatrolRoute> findByCode(String code);
}
