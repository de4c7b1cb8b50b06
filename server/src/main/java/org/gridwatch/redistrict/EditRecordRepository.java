package org.gridwatch.redistrict;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EditRecordRepository extends JpaRepository<EditRecord, String> {
  @Query("select e from EditRecord e order by e.committedAt desc, e.id desc")
  List<EditRecord> newestFirst(Pageable page);

  /** The record locked, so that two reverts of one edit queue and the second sees the first. */
  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select e from EditRecord e where e.id = :id")
  java.util.Optional<EditRecord> lockById(@org.springframework.data.repository.query.Param("id") String id);
}
