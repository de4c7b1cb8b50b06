package org.gridwatch.patrol;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CheckpointRepository extends JpaRepository<Checkpoint, Long> {
  List<Checkpoint> findByRouteCodeOrderByCode(String routeCode);

  boolean existsByCode(String code);

  void deleteByRouteCode(String routeCode);
}
