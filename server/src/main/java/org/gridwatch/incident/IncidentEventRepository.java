package org.gridwatch.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentEventRepository extends JpaRepository<IncidentEvent, Long> {
  List<IncidentEvent> findByIncidentIdOrderByAtAscIdAsc(Long incidentId);

  java.util.Optional<IncidentEvent> findFirstByIncidentIdAndRequestKey(Long incidentId, String requestKey);
}
