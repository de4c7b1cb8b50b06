package org.gridwatch.incident;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long> {
  Optional<Incident> findByPublicId(String publicId);

  /** The case, its row locked until the transaction ends: changes that must not interleave (a rating) wait in turn. */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from Incident i where i.publicId = :publicId")
  Optional<Incident> lockByPublicId(String publicId);

  /** How many cases a holder (a person or a unit, by code) has on hand. */
  record Workload(String code, long cases) {}

  @Query("select new org.gridwatch.incident.IncidentRepository$Workload(i.assigneeCode, count(i)) from Incident i"
      + " where i.status in :statuses and i.assigneeCode in :codes group by i.assigneeCode")
  List<Workload> workloadOfPeople(Collection<Status> statuses, Collection<String> codes);

  @Query("select new org.gridwatch.incident.IncidentRepository$Workload(i.unitCode, count(i)) from Incident i"
      + " where i.status in :statuses and i.unitCode in :codes group by i.unitCode")
  List<Workload> workloadOfUnits(Collection<Status> statuses, Collection<String> codes);

  /** The name a property company had when a case was last dispatched to it (cases remember it), if any was. */
  @Query("select i.propertyName from Incident i where i.propertyOrganisation = :organisation order by i.id desc")
  List<String> propertyNames(Long organisation, org.springframework.data.domain.Limit limit);
}
