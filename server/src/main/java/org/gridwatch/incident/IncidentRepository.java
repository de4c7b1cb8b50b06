package org.gridwatch.incident;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, Long> {
  Optional<Incident> findByPublicId(String publicId);
}
