package org.gridwatch.patrol;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PatrolRepository extends JpaRepository<Patrol, Long> {
  List<Patrol> findByOwnerOrderByStartedAtDesc(String owner);

  List<Patrol> findTop200ByOrderByStartedAtDesc();

  java.util.Optional<Patrol> findByOwnerAndStartKey(String owner, String startKey);

  /** Ended patrols with a track whose end falls in (from, to]. */
  @Query("select p from Patrol p where p.track is not null and p.endedAt > ?1 and p.endedAt <= ?2 order by p.id")
  List<Patrol> walkedBetween(Instant from, Instant to);
}
