package org.gridwatch.staff;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GridAssignmentRepository extends JpaRepository<GridAssignment, Long> {
  @Query("select a from GridAssignment a where a.validTo is null")
  List<GridAssignment> findCurrent();

  List<GridAssignment> findByGridCode(String gridCode);
}
