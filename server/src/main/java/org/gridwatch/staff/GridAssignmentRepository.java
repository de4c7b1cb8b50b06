package org.gridwatch.staff;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GridAssignmentRepository extends JpaRepository<GridAssignment, Long> {
  @Query("select a from GridAssignment a left join fetch a.person left join fetch a.team where a.validTo is null")
  List<GridAssignment> findCurrent();

  List<GridAssignment> findByGridCode(String gridCode);

  @Query("select a from GridAssignment a where a.validTo is null and a.gridCode in :grids order by a.gridCode, a.id")
  List<GridAssignment> findCurrentIn(@org.springframework.data.repository.query.Param("grids") java.util.Collection<String> grids);
}
